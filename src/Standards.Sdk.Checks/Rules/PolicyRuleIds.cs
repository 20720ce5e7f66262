using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The policy and orchestration rules (STD0xxx). Each constant with [Rule] is its rule's one declaration; the catalog
/// reads it from here. STD0101 and STD0103, which the analyzers report too, are declared with the analyzer rules in
/// StandardsAnalyzerRules.cs.
/// </summary>
[RuleArea("Policy configuration")]
public static partial class PolicyRuleIds
{
    /// <summary>A defect of Standards.Sdk itself.</summary>
    [Rule("Standards.Sdk internal error", Severity.Error, "")]
    public const string InternalError = "STD0000";

    /// <summary>standards.json is not valid JSON (or cannot be read).</summary>
    [Rule("standards.json is not valid JSON", Severity.Error, "policy-file")]
    public const string PolicyNotJson = "STD0001";

    /// <summary>standards.json does not have the shape of its schema (wrong type, unknown or duplicate key).</summary>
    [Rule("standards.json does not match its schema", Severity.Error, "policy-file")]
    public const string PolicyShape = "STD0002";

    /// <summary>standards.json names an unknown STD rule or a malformed diagnostic id.</summary>
    [Rule("standards.json names an unknown STD rule or a malformed diagnostic id", Severity.Error, "policy-file")]
    public const string UnknownRule = "STD0003";

    /// <summary>An exception entry of standards.json is malformed.</summary>
    [Rule("Malformed exception entry", Severity.Error, "exceptions")]
    public const string ExceptionMalformed = "STD0004";

    /// <summary>An exception entry of standards.json has expired.</summary>
    [Rule("Expired exception", Severity.Error, "exceptions")]
    public const string ExceptionExpired = "STD0005";

    /// <summary>A project kind that is not one of the known kinds.</summary>
    [Rule("Unknown project kind", Severity.Error, "project-kinds")]
    public const string UnknownProjectKind = "STD0006";

    /// <summary>A file a check must read exists but cannot be read (permissions, a dangling link, a folder that cannot be listed).</summary>
    [Rule("A file the checks must read cannot be read", Severity.Error, "policy-file")]
    public const string InputUnreadable = "STD0007";

    /// <summary>Standards.Sdk cannot write its state (inputs cache, stamp, lock) or the reports it was asked for.</summary>
    [Rule("Standards.Sdk cannot write its state or reports", Severity.Error, "policy-file")]
    public const string StateNotWritable = "STD0008";

    /// <summary>Warnings-as-errors turned off in a CI or Release build.</summary>
    [Rule("Warnings-as-errors turned off in a CI or Release build", Severity.Error, "warnings-as-errors, locked-settings", Area = RuleCatalog.BuildPolicy, Locked = true)]
    public const string WarningsAsErrorsLocked = "STD0102";

    /// <summary>A file-scoped exception that cannot be written into the analyzer config for a file.</summary>
    [Rule("File-scoped exception cannot be applied to a file", Severity.Warning, "exceptions", Area = RuleCatalog.BuildPolicy)]
    public const string FileExceptionNotApplicable = "STD0104";
}
