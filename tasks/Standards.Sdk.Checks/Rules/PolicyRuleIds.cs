namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The codes of the policy and orchestration rules (STD0xxx) that code refers to. Titles, defaults and pages are
/// declared once in the rule catalog (RuleCatalog.cs); these constants only keep the literals in one place. STD0101 and
/// STD0103, which the analyzers report too, are declared with the analyzer rules in StandardsAnalyzerRules.cs.
/// </summary>
public static partial class PolicyRuleIds
{
    /// <summary>A defect of Standards.Sdk itself.</summary>
    public const string InternalError = "STD0000";

    /// <summary>standards.json is not valid JSON (or cannot be read).</summary>
    public const string PolicyNotJson = "STD0001";

    /// <summary>standards.json does not have the shape of its schema (wrong type, unknown or duplicate key).</summary>
    public const string PolicyShape = "STD0002";

    /// <summary>standards.json names an unknown STD rule or a malformed diagnostic id.</summary>
    public const string UnknownRule = "STD0003";

    /// <summary>An exception entry of standards.json is malformed.</summary>
    public const string ExceptionMalformed = "STD0004";

    /// <summary>An exception entry of standards.json has expired.</summary>
    public const string ExceptionExpired = "STD0005";

    /// <summary>A project kind that is not one of the known kinds.</summary>
    public const string UnknownProjectKind = "STD0006";

    /// <summary>A file a check must read exists but cannot be read (permissions, a dangling link, a folder that cannot be listed).</summary>
    public const string InputUnreadable = "STD0007";

    /// <summary>Standards.Sdk cannot write its state (inputs cache, stamp, lock) or the reports it was asked for.</summary>
    public const string StateNotWritable = "STD0008";

    /// <summary>Warnings-as-errors turned off in a CI or Release build.</summary>
    public const string WarningsAsErrorsLocked = "STD0102";

    /// <summary>A file-scoped exception that cannot be written into the analyzer config for a file.</summary>
    public const string FileExceptionNotApplicable = "STD0104";
}
