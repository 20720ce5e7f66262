using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string CoverageArea = "Coverage";
    private const string BudgetsArea = "Performance and size budgets";

    /// <summary>The quality gates: coverage (profile §4, STD40xx) and performance and size budgets (profile §5, STD50xx).</summary>
    private static IEnumerable<RuleDefinition> QualityGateRules()
    {
        const string coverage = "line-coverage";
        const string ratchet = "coverage-ratchet";
        const string regression = "benchmark-regression";
        const string budgets = "benchmark-budgets";
        yield return Task(CoverageRuleIds.ReportMalformed, "Coverage report cannot be read", CoverageArea, Severity.Error, coverage);
        yield return Task(CoverageRuleIds.LineBelowThreshold, "Line coverage below the minimum", CoverageArea, Severity.Error, coverage);
        yield return Task(CoverageRuleIds.BranchBelowThreshold, "Branch coverage below the minimum", CoverageArea, Severity.Error, "branch-coverage");
        yield return Task(CoverageRuleIds.CriticalBelowThreshold, "Critical project below its line coverage minimum", CoverageArea, Severity.Error, "critical-coverage");
        yield return Task(CoverageRuleIds.BelowBaseline, "Coverage dropped below the committed baseline", CoverageArea, Severity.Error, ratchet);
        yield return Task(CoverageRuleIds.BaselineMalformed, "Coverage baseline cannot be read", CoverageArea, Severity.Error, ratchet);
        yield return Task(CoverageRuleIds.ReportMissing, "No coverage report to check", CoverageArea, Severity.Error, coverage);
        yield return Task(CoverageRuleIds.BaselineCanRise, "Coverage rose above the baseline", CoverageArea, Severity.Info, ratchet);

        yield return Task(BudgetRuleIds.ResultsMalformed, "BenchmarkDotNet results cannot be read", BudgetsArea, Severity.Error, budgets);
        yield return Task(BudgetRuleIds.TimeOverBudget, "Benchmark time over its budget", BudgetsArea, Severity.Error, budgets);
        yield return Task(BudgetRuleIds.AllocationOverBudget, "Benchmark allocations over their budget", BudgetsArea, Severity.Error, budgets);
        yield return Task(BudgetRuleIds.TimeRegression, "Benchmark time regressed against the baseline", BudgetsArea, Severity.Error, regression);
        yield return Task(BudgetRuleIds.AllocationRegression, "Benchmark allocations grew against the baseline", BudgetsArea, Severity.Error, regression);
        yield return Task(BudgetRuleIds.UnknownBenchmark, "Budget for a benchmark that does not exist", BudgetsArea, Severity.Error, budgets);
        yield return Task(BudgetRuleIds.BaselineMalformed, "Benchmark baseline cannot be read", BudgetsArea, Severity.Error, regression);
        yield return Task(BudgetRuleIds.ResultsMissing, "No benchmark results to check", BudgetsArea, Severity.Error, budgets);
        yield return Task(BudgetRuleIds.SizeOverBudget, "Artefact over its size budget", BudgetsArea, Severity.Error, "size-budgets");
    }
}
