namespace Standards.Sdk.Checks.Budgets;

/// <summary>The performance and size budget rule codes (profile §5), STD50xx. Catalog entries: RuleCatalog.QualityGates.cs.</summary>
public static class BudgetRuleIds
{
    /// <summary>A BenchmarkDotNet result file cannot be read (truncated, foreign, malformed).</summary>
    public const string ResultsMalformed = "STD5001";

    /// <summary>A benchmark's mean or p95 time is over its budget.</summary>
    public const string TimeOverBudget = "STD5002";

    /// <summary>A benchmark allocates more per operation than its budget.</summary>
    public const string AllocationOverBudget = "STD5003";

    /// <summary>A benchmark's median time regressed against the baseline, significantly.</summary>
    public const string TimeRegression = "STD5004";

    /// <summary>A benchmark allocates more than in the baseline.</summary>
    public const string AllocationRegression = "STD5005";

    /// <summary>A budget names a benchmark that is not in the results.</summary>
    public const string UnknownBenchmark = "STD5006";

    /// <summary>The benchmark baseline file cannot be read.</summary>
    public const string BaselineMalformed = "STD5007";

    /// <summary>Budgets are declared but there are no results to check.</summary>
    public const string ResultsMissing = "STD5008";

    /// <summary>An artefact (assembly, package, publish folder) is larger than its size budget.</summary>
    public const string SizeOverBudget = "STD5010";
}
