namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The code-shape rules (STD10xx). STD1001-STD1006 are reported by the analyzers and declared, ids included, in
/// StandardsAnalyzerRules.cs (compiled into the analyzers too); STD1007, reported by the project-name check, is
/// declared here and in the rule catalog (RuleCatalog.cs).
/// </summary>
public static partial class CodeRuleIds
{
    /// <summary>A generic project name.</summary>
    public const string GenericProjectName = "STD1007";
}
