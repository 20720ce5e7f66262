using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string ToolArea = "dotnet standards tool";

    /// <summary>
    /// Codes of the `dotnet standards` tool (STD75xx): why a command refused to run or could not finish. They are
    /// printed by the tool, never by a build, so standards.json does not change them.
    /// </summary>
    private static IEnumerable<RuleDefinition> ToolRules()
    {
        const string baseline = "adoption-baseline";
        yield return Task(ToolRuleIds.DirtyTree, "The git tree has uncommitted changes", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.ProjectUnparsable, "A project file cannot be parsed", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.NoProjects, "No project to adopt", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.BaselineMalformed, "A baseline file is malformed", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.ConfigurationMalformed, "global.json or Directory.Packages.props is malformed", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.BuildFailed, "A restore or build the tool runs failed", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.NotBaselinable, "A finding cannot be baselined", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.Usage, "Wrong command line", ToolArea, Severity.Error, baseline);
        yield return Task(ToolRuleIds.WriteFailed, "The change set could not be written", ToolArea, Severity.Error, baseline);
    }
}
