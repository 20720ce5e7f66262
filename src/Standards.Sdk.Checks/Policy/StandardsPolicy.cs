using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>A rule's settings from standards.json: severity override and parameter values.</summary>
/// <param name="RuleId">The rule code as written.</param>
/// <param name="Severity">Severity for production projects, or null to keep the default.</param>
/// <param name="TestSeverity">Severity for test projects, or null to keep the default.</param>
/// <param name="Parameters">Parameter values by name, as text (lists comma-separated).</param>
/// <param name="Line">Where the rule is configured.</param>
public sealed record RuleSetting(
    string RuleId,
    Severity? Severity,
    Severity? TestSeverity,
    IReadOnlyDictionary<string, string> Parameters,
    int Line);

/// <summary>An approved deviation: a rule that does not apply to a scope until a date.</summary>
/// <param name="Rule">The rule code the exception is for.</param>
/// <param name="Scope">A project name, or a glob over repo-relative paths (project folders or files).</param>
/// <param name="Owner">Who approved it and answers for it.</param>
/// <param name="Reason">Why the deviation is needed.</param>
/// <param name="Expires">The last day the exception applies.</param>
/// <param name="Line">Where the entry is written in standards.json.</param>
public sealed record ExceptionEntry(string Rule, string Scope, string Owner, string Reason, DateOnly Expires, int Line);

/// <summary>The repo's policy: what standards.json says, on top of the profile defaults.</summary>
public sealed class StandardsPolicy
{
    /// <summary>The help link base used when standards.json does not set one.</summary>
    public const string DefaultHelpBaseUrl = AnalyzerConfigKeys.DefaultHelpBaseUrl;

    /// <summary>The policy of a repo without standards.json: every profile default.</summary>
    public static StandardsPolicy Default { get; } = new();

    /// <summary>The file the policy was read from, or null for the defaults.</summary>
    public string? SourcePath { get; init; }

    /// <summary><c>default</c> or <c>strict</c> (stricter defaults where the profile names one).</summary>
    public string Profile { get; init; } = "default";

    /// <summary>The repo kind declared in standards.json (service, worker, library), or null to infer it.</summary>
    public string? RepoKind { get; init; }

    /// <summary>Base URL of the rule pages linked from every message.</summary>
    public string HelpBaseUrl { get; init; } = DefaultHelpBaseUrl;

    /// <summary>Rule settings by rule code (case-insensitive).</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } =
        new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Severities standards.json sets for diagnostics outside the catalog (CA, IDE, CS, third-party analyzer ids),
    /// by id (case-insensitive): written to the generated analyzer config as given.
    /// </summary>
    public IReadOnlyDictionary<string, RuleSetting> ExternalRules { get; init; } =
        new Dictionary<string, RuleSetting>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Exception entries that are well-formed and not expired.</summary>
    public IReadOnlyList<ExceptionEntry> Exceptions { get; init; } = [];

    /// <summary>The release section: SBOM format, signing policy.</summary>
    public ReleaseSettings Release { get; init; } = ReleaseSettings.Default;

    /// <summary>The parsed document, for checks that read their own sections (layout, dependencies).</summary>
    public JsonObjectNode? Document { get; init; }

    /// <summary>True when the strict profile is selected.</summary>
    public bool IsStrict => string.Equals(Profile, "strict", StringComparison.OrdinalIgnoreCase);
}
