using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>Which tool reports a rule. Our own rules come from the Standards analyzers or tasks.</summary>
public enum RuleOrigin
{
    /// <summary>A Standards.Sdk MSBuild task (policy file, locked settings, project names).</summary>
    StandardsTask,

    /// <summary>The Standards.Sdk Roslyn analyzers (code shape rules).</summary>
    StandardsAnalyzer,

    /// <summary>Microsoft.CodeAnalysis.NetAnalyzers (CAxxxx), pinned by the SDK.</summary>
    NetAnalyzers,

    /// <summary>Microsoft.CodeAnalysis.BannedApiAnalyzers (RS0030), pinned by the SDK.</summary>
    BannedApiAnalyzers,

    /// <summary>The IDE code-style analyzers run in the build (IDExxxx).</summary>
    CodeStyle,

    /// <summary>The C# compiler (CSxxxx).</summary>
    Compiler,
}

/// <summary>A number or list a rule is tuned with, and where the value flows to.</summary>
/// <param name="Name">The key in standards.json, under the rule (e.g. <c>maxLines</c>).</param>
/// <param name="Default">The profile default, as text (a number, or a comma-separated list).</param>
/// <param name="StrictDefault">The default under <c>"profile": "strict"</c>, or null when the same.</param>
/// <param name="Description">One sentence for docs and the JSON schema.</param>
/// <param name="AnalyzerOption">The analyzer config key the value is written to, or null.</param>
/// <param name="IsList">True for a comma-separated list of names rather than a number.</param>
public sealed record RuleParameter(
    string Name,
    string Default,
    string? StrictDefault,
    string Description,
    string? AnalyzerOption = null,
    bool IsList = false);

/// <summary>One rule the SDK enforces: ours or an analyzer rule it turns on, with its profile default.</summary>
public sealed record RuleDefinition
{
    /// <summary>Rule code: <c>STDnnnn</c>, <c>CAnnnn</c>, <c>RS0030</c>, <c>IDEnnnn</c> or <c>CSnnnn</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>Profile section the rule belongs to (e.g. "Build policy").</summary>
    public required string Area { get; init; }

    /// <summary>Who reports it.</summary>
    public required RuleOrigin Origin { get; init; }

    /// <summary>Severity in production projects when standards.json says nothing.</summary>
    public required Severity DefaultSeverity { get; init; }

    /// <summary>Severity in test projects (null: same as <see cref="DefaultSeverity"/>).</summary>
    public Severity? TestSeverity { get; init; }

    /// <summary>Project kinds the rule applies to (null: every kind).</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>
    /// The rows of the standards profile the rule enforces: anchors in docs/standards-profile.md, comma-separated
    /// (<c>"nullable, locked-settings"</c>); empty for a rule no standard asks for (STD0000). The rules index links
    /// each one, and a test fails when an anchor is missing from the profile.
    /// </summary>
    public required string Source { get; init; }

    /// <summary><see cref="Source"/> as a list of profile anchors.</summary>
    public IReadOnlyList<string> ProfileAnchors =>
        Source.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A locked rule may not be silenced by a project (NoWarn) without an exception entry.</summary>
    public bool Locked { get; init; }

    /// <summary>The numbers and lists the rule is tuned with.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>
    /// The page of the analyzer's vendor for an analyzer rule the policy turns on (CA, IDE, RS0030, CS); null for our
    /// own rules. Our generated page for the rule (docs/rules/&lt;id&gt;.md) links it.
    /// </summary>
    public string? VendorHelpLink => Origin switch
    {
        RuleOrigin.NetAnalyzers => $"https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/{Id.ToLowerInvariant()}",
        RuleOrigin.CodeStyle => $"https://learn.microsoft.com/dotnet/fundamentals/code-analysis/style-rules/{Id.ToLowerInvariant()}",
        RuleOrigin.BannedApiAnalyzers => "https://github.com/dotnet/roslyn/blob/main/src/RoslynAnalyzers/Microsoft.CodeAnalysis.BannedApiAnalyzers/BannedApiAnalyzers.Help.md",
        RuleOrigin.Compiler => "https://learn.microsoft.com/dotnet/csharp/language-reference/compiler-messages/",
        _ => null,
    };

    /// <summary>True when the rule is configured through the generated analyzer config (severity per id).</summary>
    public bool IsAnalyzerRule => Origin is not RuleOrigin.StandardsTask;

    /// <summary>The severity for a project of the given kind, before standards.json is applied.</summary>
    public Severity SeverityFor(string kind)
    {
        if (Kinds is not null && !Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
        {
            return Severity.None;
        }

        return string.Equals(kind, ProjectKinds.Test, StringComparison.OrdinalIgnoreCase) && TestSeverity is { } test
            ? test
            : DefaultSeverity;
    }
}
