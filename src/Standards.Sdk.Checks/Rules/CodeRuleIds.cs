using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The code-shape rules (STD10xx). STD1001-STD1006 are reported by the analyzers and declared, ids included, in
/// StandardsAnalyzerRules.cs (compiled into the analyzers too); STD1007, reported by the project-name check, is
/// declared here ([Rule]).
/// </summary>
[RuleArea("Build policy")]
public static partial class CodeRuleIds
{
    /// <summary>A generic project name.</summary>
    [Rule("Generic project name", Severity.Warning, "generic-names")]
    [RuleParameter("names", StandardsAnalyzerRules.DefaultGenericNames, "Project name segments that say nothing about what the project does.", IsList = true)]
    public const string GenericProjectName = "STD1007";
}
