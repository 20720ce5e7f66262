using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// Every rule the SDK enforces, with its profile default. This is the single source the generated analyzer
/// config, the standards.json schema and the rules index (docs/rules/README.md) are produced from, so the
/// three cannot drift apart (tests regenerate the committed files and compare).
/// </summary>
public static partial class RuleCatalog
{
    private const string BuildPolicy = "Build policy";
    private const string PolicyFile = "Policy configuration";

    /// <summary>The rules, ours first, then the analyzer rules the SDK turns on.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = [.. PolicyRules(), .. CodeRules(), .. RepositoryRules(), .. QualityGateRules(), .. ReleaseRules(), .. ToolRules(), .. ContinuousIntegrationRules(), .. AnalyzerRules()];

    private static readonly Dictionary<string, RuleDefinition> ById =
        All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);

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
        yield return Task(PolicyRuleIds.NullableLocked, "Nullable reference types turned off", BuildPolicy, Severity.Error, "nullable, locked-settings") with { Locked = true };
        yield return Task(PolicyRuleIds.WarningsAsErrorsLocked, "Warnings-as-errors turned off in a CI or Release build", BuildPolicy, Severity.Error, "warnings-as-errors, locked-settings") with { Locked = true };
        yield return Task(PolicyRuleIds.LockedRuleSilenced, "A locked rule silenced without an exception", BuildPolicy, Severity.Error, "locked-settings, exceptions") with { Locked = true };
        yield return Task(PolicyRuleIds.FileExceptionNotApplicable, "File-scoped exception cannot be applied to a file", BuildPolicy, Severity.Warning, "exceptions");
    }

    private static IEnumerable<RuleDefinition> CodeRules()
    {
        const string names = "Util,Utils,Common,Helper,Helpers,Misc";
        yield return Analyzer(CodeRuleIds.MethodTooLong, "Method is too long", Severity.Warning, "method-length",
            new RuleParameter("maxLines", "50", null, "Largest number of code lines a method body may have before a warning.", "standards.method_length.warning"));
        yield return Analyzer(CodeRuleIds.MethodFarTooLong, "Method is far too long", Severity.Error, "method-length",
            new RuleParameter("maxLines", "100", null, "Largest number of code lines a method body may have before an error.", "standards.method_length.error"));
        yield return Analyzer(CodeRuleIds.NestingTooDeep, "Nesting is too deep", Severity.Warning, "nesting-depth",
            new RuleParameter("maxDepth", "4", null, "Deepest control-flow nesting allowed in a member.", "standards.nesting_depth.warning"));
        yield return Analyzer(CodeRuleIds.FileTooLong, "File is too long", Severity.Warning, "file-length",
            new RuleParameter("maxLines", "500", null, "Largest number of lines a source file may have.", "standards.file_length.warning"));
        yield return Analyzer(CodeRuleIds.GenericName, "Generic namespace or folder name", Severity.Warning, "generic-names",
            new RuleParameter("names", names, null, "Names that say nothing about what the code does.", "standards.generic_names", IsList: true));
        yield return Analyzer(CodeRuleIds.TodoWithoutOwnerAndIssue, "TODO without owner and issue", Severity.Warning, "todo-comments");
        yield return Task(CodeRuleIds.GenericProjectName, "Generic project name", BuildPolicy, Severity.Warning, "generic-names") with
        {
            Parameters = [new RuleParameter("names", names, null, "Project name segments that say nothing about what the project does.", IsList: true)],
        };
    }

    private static RuleDefinition Task(string id, string title, string area, Severity severity, string source) => new()
    {
        Id = id,
        Title = title,
        Area = area,
        Origin = RuleOrigin.StandardsTask,
        DefaultSeverity = severity,
        Source = source,
    };

    private static RuleDefinition Analyzer(string id, string title, Severity severity, string source, params RuleParameter[] parameters) => new()
    {
        Id = id,
        Title = title,
        Area = BuildPolicy,
        Origin = RuleOrigin.StandardsAnalyzer,
        DefaultSeverity = severity,
        Source = source,
        Parameters = parameters,
    };
}
