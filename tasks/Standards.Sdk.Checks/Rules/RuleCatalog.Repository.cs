namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    /// <summary>Rules of the repo-wide checks: dependencies (STD2xxx), layout (STD3xxx) and the runner (STD39xx).</summary>
    private static IEnumerable<RuleDefinition> RepositoryRules() => [.. DependencyRules(), .. LayoutRules(), .. OrchestrationRules()];
}
