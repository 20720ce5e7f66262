using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>The performance and size budget rule codes (profile §5), STD50xx.</summary>
/// <remarks>Each constant is its rule's one declaration ([Rule], [RuleParameter]); the catalog reads it from here.</remarks>
[RuleArea("Performance and size budgets")]
public static class BudgetRuleIds
{
    /// <summary>A BenchmarkDotNet result file cannot be read (truncated, foreign, malformed).</summary>
    [Rule("BenchmarkDotNet results cannot be read", Severity.Error, "benchmark-budgets")]
    public const string ResultsMalformed = "STD5001";

    /// <summary>A benchmark's mean or p95 time is over its budget.</summary>
    [Rule("Benchmark time over its budget", Severity.Error, "benchmark-budgets")]
    public const string TimeOverBudget = "STD5002";

    /// <summary>A benchmark allocates more per operation than its budget.</summary>
    [Rule("Benchmark allocations over their budget", Severity.Error, "benchmark-budgets")]
    public const string AllocationOverBudget = "STD5003";

    /// <summary>A benchmark's median time regressed against the baseline, significantly.</summary>
    [Rule("Benchmark time regressed against the baseline", Severity.Error, "benchmark-regression")]
    public const string TimeRegression = "STD5004";

    /// <summary>A benchmark allocates more than in the baseline.</summary>
    [Rule("Benchmark allocations grew against the baseline", Severity.Error, "benchmark-regression")]
    public const string AllocationRegression = "STD5005";

    /// <summary>A budget names a benchmark that is not in the results.</summary>
    [Rule("Budget for a benchmark that does not exist", Severity.Error, "benchmark-budgets")]
    public const string UnknownBenchmark = "STD5006";

    /// <summary>The benchmark baseline file cannot be read.</summary>
    [Rule("Benchmark baseline cannot be read", Severity.Error, "benchmark-regression")]
    public const string BaselineMalformed = "STD5007";

    /// <summary>Budgets are declared but there are no results to check.</summary>
    [Rule("No benchmark results to check", Severity.Error, "benchmark-budgets")]
    public const string ResultsMissing = "STD5008";

    /// <summary>An artefact (assembly, package, publish folder) is larger than its size budget.</summary>
    [Rule("Artefact over its size budget", Severity.Error, "size-budgets")]
    public const string SizeOverBudget = "STD5010";
}
