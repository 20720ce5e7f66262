namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The codes of `dotnet standards` (STD75xx), reported by Standards.Adoption; each has a page under docs/rules. Titles
/// and defaults are declared with these ids in RuleCatalog.Tool.cs.
/// </summary>
public static class ToolRuleIds
{
    /// <summary>The git working tree has uncommitted changes.</summary>
    public const string DirtyTree = "STD7501";

    /// <summary>A project file is not well-formed XML.</summary>
    public const string ProjectUnparsable = "STD7502";

    /// <summary>No project file under the path.</summary>
    public const string NoProjects = "STD7503";

    /// <summary>A baseline file (repo or code) is malformed.</summary>
    public const string BaselineMalformed = "STD7504";

    /// <summary>global.json or Directory.Packages.props is malformed.</summary>
    public const string ConfigurationMalformed = "STD7505";

    /// <summary>A restore or build the tool runs failed to start or to restore.</summary>
    public const string BuildFailed = "STD7506";

    /// <summary>A finding that cannot be baselined (a compiler error, a configuration error, an unknown analyzer).</summary>
    public const string NotBaselinable = "STD7507";

    /// <summary>The command line is wrong (unknown command or option, missing value, path not found).</summary>
    public const string Usage = "STD7508";

    /// <summary>Writing the change set failed; every file was put back.</summary>
    public const string WriteFailed = "STD7509";
}
