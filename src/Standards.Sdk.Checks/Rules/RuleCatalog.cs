namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// Every rule the SDK enforces, with its profile default. This is the single source the generated analyzer
/// config, the standards.json schema and the rules index (docs/rules/README.md) are produced from, so the
/// three cannot drift apart (tests regenerate the committed files and compare).
/// </summary>
public static partial class RuleCatalog
{
    /// <summary>The area of the build-policy rules (StandardsAnalyzerRules.Catalog.cs gives it to the analyzer rules).</summary>
    internal const string BuildPolicy = "Build policy";

    /// <summary>
    /// The classes whose constants declare the rules Standards.Sdk's tasks and tool report ([Rule] on each id
    /// constant), in the catalog's order: policy, code (STD1007), dependencies, layout, the repository checks'
    /// runner, coverage, budgets, release, tool, CI reports. A new area's class is added here; a new rule of an
    /// area is not (RuleDeclarationTests fails when a class declares rules and is missing here).
    /// </summary>
    public static IReadOnlyList<Type> DeclaringClasses { get; } =
    [
        typeof(PolicyRuleIds),
        typeof(CodeRuleIds),
        typeof(DependencyRuleIds),
        typeof(LayoutRuleIds),
        typeof(SecretRuleIds),
        typeof(BaselineRuleIds),
        typeof(CoverageRuleIds),
        typeof(BudgetRuleIds),
        typeof(ReleaseRuleIds),
        typeof(ToolRuleIds),
        typeof(TestReportRuleIds),
    ];

    /// <summary>The rules, ours first, then the analyzer rules the SDK turns on.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = Compose(StandardsAnalyzerRules.All, DeclaringClasses.SelectMany(RuleDeclarations.Of).ToList());

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
    /// The catalog: the declared rules of the tasks and tool (<paramref name="declared"/>, from
    /// <see cref="DeclaringClasses"/>) and the analyzer rules (StandardsAnalyzerRules.cs), each in its place. Parameters
    /// so that a test can add a sample declaration the way docs/contributing.md says and see where it lands.
    /// </summary>
    internal static IReadOnlyList<RuleDefinition> Compose(IReadOnlyList<RuleDefinition> analyzerRules, IReadOnlyList<RuleDefinition> declared)
    {
        // Ours in id order: policy (STD0xxx; STD0101 and STD0103 are declared with the analyzer rules, which report
        // them for what source does, while the policy task reports them for properties and analyzer configs and they
        // are configured like its rules), code shape (STD10xx), dependencies, layout, quality gates, release, tool, CI.
        var ours = declared
            .Concat(analyzerRules.Select(r => IsPolicyRule(r) ? r with { Origin = RuleOrigin.StandardsTask } : r))
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        return [.. ours, .. AnalyzerRules()];
    }

    /// <summary>The lookup by id (case-insensitive); throws <see cref="ArgumentException"/> when two rules share an id.</summary>
    internal static Dictionary<string, RuleDefinition> Index(IEnumerable<RuleDefinition> rules) =>
        rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>An analyzer rule with a policy id (STD0xxx: STD0101, STD0103), which the policy task reports too.</summary>
    private static bool IsPolicyRule(RuleDefinition rule) => rule.Id.StartsWith("STD0", StringComparison.Ordinal);
}
