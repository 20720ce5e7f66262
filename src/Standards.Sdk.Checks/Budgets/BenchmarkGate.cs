using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>What the benchmark gate reads.</summary>
/// <param name="Results">Every benchmark of the latest results (the newest file wins for a FullName).</param>
/// <param name="Settings">Budgets and limits.</param>
/// <param name="Baseline">The committed baseline (may be empty).</param>
/// <param name="PolicyPath">standards.json, for findings about budgets.</param>
/// <param name="BaselinePath">The baseline file, for findings about entries.</param>
/// <param name="SeverityOf">The effective severity of a rule for the benchmark project.</param>
public sealed record BenchmarkGateInput(
    IReadOnlyList<BenchmarkResult> Results,
    BudgetSettings Settings,
    BenchmarkBaseline Baseline,
    string PolicyPath,
    string BaselinePath,
    Func<string, Severity> SeverityOf);

/// <summary>
/// The performance gate (profile §5): absolute budgets (mean, p95, allocated) and the regression against the
/// committed baseline. A time regression needs both a median more than the limit slower and a significant
/// one-sided Mann-Whitney U test (alpha 0.05) of the measurements against the baseline's measurements scaled by
/// the limit — so a slower median inside noisy measurements does not fail (dotnet/performance's ResultsComparer is
/// the model). Without measurements on both sides only the medians are compared. Allocations compare almost exactly.
/// </summary>
public static class BenchmarkGate
{
    /// <summary>The significance level of the regression test.</summary>
    public const double Alpha = 0.05;

    /// <summary>Evaluates the results.</summary>
    public static IReadOnlyList<Finding> Evaluate(BenchmarkGateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<Finding>();
        foreach (var budget in input.Settings.Benchmarks)
        {
            var matched = input.Results.Where(r => budget.Matches(r.FullName)).ToList();
            if (matched.Count == 0)
            {
                Add(findings, input, BudgetRuleIds.UnknownBenchmark,
                    $"The budget for '{budget.Pattern}' matches no benchmark in the results ({input.Results.Count} benchmarks, e.g. '{(input.Results.Count > 0 ? input.Results[0].FullName : "none")}'). Budgets name a benchmark by its BenchmarkDotNet FullName (or a glob with *); fix the name, or remove the budget of a benchmark that is gone.",
                    input.PolicyPath, budget.Line, budget.Column);
                continue;
            }

            foreach (var result in matched)
            {
                CheckBudget(findings, input, budget, result);
            }
        }

        foreach (var result in input.Results)
        {
            var baseline = input.Baseline.Entries.FirstOrDefault(e => string.Equals(e.FullName, result.FullName, StringComparison.Ordinal));
            if (baseline is not null)
            {
                CheckRegression(findings, input, result, baseline);
            }
        }

        return findings;
    }

    private static void CheckBudget(List<Finding> findings, BenchmarkGateInput input, BenchmarkBudget budget, BenchmarkResult result)
    {
        if (budget.Mean is { } mean && result.Mean > mean)
        {
            Add(findings, input, BudgetRuleIds.TimeOverBudget,
                $"{result.FullName}: mean {Quantity.Time(result.Mean)} is over its budget of {Quantity.Time(mean)} (budgets.benchmarks in standards.json, line {budget.Line}). Make it faster, or raise the budget in review.",
                result.File, result.Line);
        }

        if (budget.P95 is { } p95 && result.P95 is { } actualP95 && actualP95 > p95)
        {
            Add(findings, input, BudgetRuleIds.TimeOverBudget,
                $"{result.FullName}: p95 {Quantity.Time(actualP95)} is over its budget of {Quantity.Time(p95)} (budgets.benchmarks in standards.json, line {budget.Line}). Make it faster, or raise the budget in review.",
                result.File, result.Line);
        }

        if (budget.Allocated is { } allocated)
        {
            if (result.AllocatedBytes is not { } bytes)
            {
                Add(findings, input, BudgetRuleIds.AllocationOverBudget,
                    $"{result.FullName} has an allocation budget but its results have no allocation data. Add [MemoryDiagnoser] to the benchmark class.",
                    result.File, result.Line);
            }
            else if (bytes > allocated)
            {
                Add(findings, input, BudgetRuleIds.AllocationOverBudget,
                    $"{result.FullName}: allocates {Quantity.Size(bytes)} per operation, over its budget of {Quantity.Size(allocated)} (budgets.benchmarks in standards.json, line {budget.Line}).",
                    result.File, result.Line);
            }
        }
    }

    private static void CheckRegression(List<Finding> findings, BenchmarkGateInput input, BenchmarkResult result, BenchmarkBaselineEntry baseline)
    {
        var limit = input.Settings.Regression / 100;
        if (baseline.Median is { } baseMedian && result.Median - baseMedian > input.Settings.Noise && result.Median > baseMedian * (1 + limit))
        {
            var testable = result.Measurements.Count >= 2 && baseline.Measurements.Count >= 2;
            var p = testable ? MannWhitney.GreaterPValue(result.Measurements, [.. baseline.Measurements.Select(v => v * (1 + limit))]) : 0;
            var ratio = (result.Median / baseMedian) - 1;
            if (!testable || p < Alpha)
            {
                var evidence = testable
                    ? $"significant on {result.Measurements.Count} against {baseline.Measurements.Count} measurements (Mann-Whitney U, p = {p.ToString("0.####", CultureInfo.InvariantCulture)})"
                    : "compared by median only: the results or the baseline have no measurements";
                Add(findings, input, BudgetRuleIds.TimeRegression,
                    $"{result.FullName}: median {Quantity.Time(result.Median)} is {Percent(ratio)} slower than the baseline's {Quantity.Time(baseMedian)}, over the {Percent(limit)} limit ({evidence}). Find the cause; if the change is intended, record a new baseline with `{BenchmarkBaseline.UpdateCommand}`.",
                    result.File, result.Line);
            }
        }

        var allocationLimit = input.Settings.AllocationRegression / 100;
        if (baseline.AllocatedBytes is { } baseBytes && result.AllocatedBytes is { } bytes && bytes > baseBytes * (1 + allocationLimit) && bytes > baseBytes)
        {
            Add(findings, input, BudgetRuleIds.AllocationRegression,
                $"{result.FullName}: allocates {Quantity.Size(bytes)} per operation, {Quantity.Size(bytes - baseBytes)} more than the baseline's {Quantity.Size(baseBytes)} (limit {Percent(allocationLimit)}). Find the new allocation; if it is intended, record a new baseline with `{BenchmarkBaseline.UpdateCommand}`.",
                result.File, result.Line);
        }
    }

    private static void Add(List<Finding> findings, BenchmarkGateInput input, string rule, string message, string file, int line, int column = 0)
    {
        var severity = input.SeverityOf(rule);
        if (severity != Severity.None)
        {
            findings.Add(new Finding(rule, severity, message, file, line, column));
        }
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
