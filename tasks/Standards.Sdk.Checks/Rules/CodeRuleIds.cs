namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The code-shape rules (STD10xx): STD1001-STD1006 are reported by the analyzers (whose descriptors use the same ids,
/// checked against the catalog by a test), STD1007 by the project-name check. Titles, defaults and parameters are
/// declared with these ids in RuleCatalog.cs.
/// </summary>
public static class CodeRuleIds
{
    /// <summary>A member body is longer than the warning limit.</summary>
    public const string MethodTooLong = "STD1001";

    /// <summary>A member body is longer than the error limit.</summary>
    public const string MethodFarTooLong = "STD1002";

    /// <summary>Control flow nests too deep.</summary>
    public const string NestingTooDeep = "STD1003";

    /// <summary>A source file is too long.</summary>
    public const string FileTooLong = "STD1004";

    /// <summary>A generic namespace or folder name.</summary>
    public const string GenericName = "STD1005";

    /// <summary>A TODO without owner and issue.</summary>
    public const string TodoWithoutOwnerAndIssue = "STD1006";

    /// <summary>A generic project name.</summary>
    public const string GenericProjectName = "STD1007";
}
