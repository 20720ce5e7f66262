namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    /// <summary>Rules of the repo-wide checks: dependencies (STD2xxx) and layout (STD3xxx).</summary>
    private static IEnumerable<RuleDefinition> RepositoryRules() => [.. DependencyRules(), .. LayoutRules()];
}
