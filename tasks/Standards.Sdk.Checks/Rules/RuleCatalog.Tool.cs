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
        yield return Task("STD7501", "The git tree has uncommitted changes", ToolArea, Severity.Error, baseline);
        yield return Task("STD7502", "A project file cannot be parsed", ToolArea, Severity.Error, baseline);
        yield return Task("STD7503", "No project to adopt", ToolArea, Severity.Error, baseline);
        yield return Task("STD7504", "A baseline file is malformed", ToolArea, Severity.Error, baseline);
        yield return Task("STD7505", "global.json or Directory.Packages.props is malformed", ToolArea, Severity.Error, baseline);
        yield return Task("STD7506", "A restore or build the tool runs failed", ToolArea, Severity.Error, baseline);
        yield return Task("STD7507", "A finding cannot be baselined", ToolArea, Severity.Error, baseline);
        yield return Task("STD7508", "Wrong command line", ToolArea, Severity.Error, baseline);
        yield return Task("STD7509", "The change set could not be written", ToolArea, Severity.Error, baseline);
    }
}
