using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string RepositoryChecksArea = "Repository checks";

    /// <summary>Rules of the repo-wide check runner itself: the adoption baseline (STD39xx).</summary>
    private static IEnumerable<RuleDefinition> OrchestrationRules()
    {
        const string baseline = "adoption-baseline";
        yield return Task(BaselineRuleIds.Malformed, "Baseline file is malformed", RepositoryChecksArea, Severity.Error, baseline);
        yield return Task(BaselineRuleIds.EntryNoLongerNeeded, "Baseline entry no longer needed", RepositoryChecksArea, Severity.Warning, baseline);
    }
}
