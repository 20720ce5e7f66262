using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// Every rule the SDK enforces, with its profile default. This is the single source the generated analyzer
/// config, the standards.json schema and the rules index (docs/rules/README.md) are produced from, so the
/// three cannot drift apart (tests regenerate the committed files and compare).
/// </summary>
public static partial class RuleCatalog
{
    private const string PolicyFile = "Policy configuration";

    /// <summary>The area of the build-policy rules (StandardsAnalyzerRules.Catalog.cs gives it to the analyzer rules).</summary>
    internal const string BuildPolicy = "Build policy";

    /// <summary>The rules, ours first, then the analyzer rules the SDK turns on.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = Compose(StandardsAnalyzerRules.All);

    private static readonly Dictionary<string, RuleDefinition> ById = Index(All);

    /// <summary>Looks a rule up by code (case-insensitive); null for an id the catalog does not declare (a user's input).</summary>
    public static RuleDefinition? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>
    /// The rule code reports under <paramref name="id"/> (one of the *RuleIds constants). An id the catalog does not
    /// declare is a defect of Standards.Sdk, never a user's mistake, so it throws (the task turns it into STD0000)
    /// rather than give the finding a made-up severity; RuleIdTests fails first for any id the code uses.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The catalog does not declare <paramref name="id"/>.</exception>
    public static RuleDefinition Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Find(id) ?? throw new KeyNotFoundException($"Rule {id} is not declared in the rule catalog (RuleCatalog): declare it there before code reports it.");
    }

    /// <summary>
    /// The catalog: every rule in its place, the analyzer rules (StandardsAnalyzerRules.cs) among them. A parameter so
    /// that a test can add a sample declaration the way docs/contributing.md says and see where it lands.
    /// </summary>
    internal static IReadOnlyList<RuleDefinition> Compose(IReadOnlyList<RuleDefinition> analyzerRules) =>
        [.. PolicyRules(), .. CodeRules(analyzerRules), .. RepositoryRules(), .. QualityGateRules(), .. ReleaseRules(), .. ToolRules(), .. ContinuousIntegrationRules(), .. AnalyzerRules()];

    /// <summary>The lookup by id (case-insensitive); throws <see cref="ArgumentException"/> when two rules share an id.</summary>
    internal static Dictionary<string, RuleDefinition> Index(IEnumerable<RuleDefinition> rules) =>
        rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<RuleDefinition> PolicyRules()
    {
        yield return Task(PolicyRuleIds.InternalError, "Standards.Sdk internal error", PolicyFile, Severity.Error, "");
        yield return Task(PolicyRuleIds.PolicyNotJson, "standards.json is not valid JSON", PolicyFile, Severity.Error, "policy-file");
        yield return Task(PolicyRuleIds.PolicyShape, "standards.json does not match its schema", PolicyFile, Severity.Error, "policy-file");
        yield return Task(PolicyRuleIds.UnknownRule, "standards.json names an unknown STD rule or a malformed diagnostic id", PolicyFile, Severity.Error, "policy-file");
        yield return Task(PolicyRuleIds.ExceptionMalformed, "Malformed exception entry", PolicyFile, Severity.Error, "exceptions");
        yield return Task(PolicyRuleIds.ExceptionExpired, "Expired exception", PolicyFile, Severity.Error, "exceptions");
        yield return Task(PolicyRuleIds.UnknownProjectKind, "Unknown project kind", PolicyFile, Severity.Error, "project-kinds");
        yield return Task(PolicyRuleIds.InputUnreadable, "A file the checks must read cannot be read", PolicyFile, Severity.Error, "policy-file");
        yield return Task(PolicyRuleIds.StateNotWritable, "Standards.Sdk cannot write its state or reports", PolicyFile, Severity.Error, "policy-file");
        // STD0101 and STD0103 are declared with the analyzer rules, which report them for what source does; the
        // policy task reports them for properties and analyzer configs, and they are configured like its rules.
        yield return StandardsAnalyzerRules.NullableTurnedOff with { Origin = RuleOrigin.StandardsTask };
        yield return Task(PolicyRuleIds.WarningsAsErrorsLocked, "Warnings-as-errors turned off in a CI or Release build", BuildPolicy, Severity.Error, "warnings-as-errors, locked-settings") with { Locked = true };
        yield return StandardsAnalyzerRules.LockedRuleSilenced with { Origin = RuleOrigin.StandardsTask };
        yield return Task(PolicyRuleIds.FileExceptionNotApplicable, "File-scoped exception cannot be applied to a file", BuildPolicy, Severity.Warning, "exceptions");
    }

    /// <summary>The code-shape rules (STD10xx): the analyzer rules but the two locked settings above, and the project-name rule.</summary>
    private static IEnumerable<RuleDefinition> CodeRules(IReadOnlyList<RuleDefinition> analyzerRules)
    {
        var projectName = Task(CodeRuleIds.GenericProjectName, "Generic project name", BuildPolicy, Severity.Warning, "generic-names") with
        {
            Parameters = [new RuleParameter("names", StandardsAnalyzerRules.DefaultGenericNames, null, "Project name segments that say nothing about what the project does.", IsList: true)],
        };
        return analyzerRules
            .Where(r => r.Id is not (PolicyRuleIds.NullableLocked or PolicyRuleIds.LockedRuleSilenced))
            .Append(projectName)
            .OrderBy(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>A rule a Standards.Sdk task reports (internal: tests declare sample rules with it, as the guide does).</summary>
    internal static RuleDefinition Task(string id, string title, string area, Severity severity, string source) => new()
    {
        Id = id,
        Title = title,
        Area = area,
        Origin = RuleOrigin.StandardsTask,
        DefaultSeverity = severity,
        Source = source,
    };
}
