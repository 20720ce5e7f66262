using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Budgets;

/// <summary>The benchmark project's gate as the build task runs it: which files it reads, what it records, what it reports.</summary>
public class BenchmarkBudgetCheckTests
{
    private const string Slug = "CompanyProduct.Benchmarks.SlugBenchmarks.Create(Text: \"Hello, World!\")";
    private const string ProjectFile = "/repo/bench/Bench.csproj";
    private const string BaselinePath = "/repo/bench/benchmarks.baseline.json";
    private const string Budget = """{ "budgets": { "benchmarks": { "CompanyProduct.Benchmarks.*": { "mean": "1 us" } } } }""";

    private static (BenchmarkBudgetOutcome Outcome, IReadOnlyList<string> Codes) Run(
        Dictionary<string, string?> files, string policyJson = "{}", bool update = false, params string[] results)
    {
        var policy = PolicyLoader.Load("/repo/standards.json", policyJson, new DateOnly(2026, 11, 22)).Policy;
        var reporter = FindingReporter.ForProject(policy, new ProjectContext("Bench", "benchmark", "bench"), new DateOnly(2026, 11, 22));
        var input = new BenchmarkBudgetInput(results, "/repo/bench/results", BaselinePath, update, ProjectFile, "/repo/standards.json",
            files.ContainsKey, path => files.TryGetValue(path, out var text) ? text : null);
        var outcome = BenchmarkBudgetCheck.Run(input, policy, reporter);
        return (outcome, reporter.Findings.Select(f => f.Code).ToList());
    }

    private static string Report(double nanoseconds) => BenchmarkReports.Full((Slug, BenchmarkReports.Around(nanoseconds, 1), 64));

    [Fact]
    public void No_results_with_budgets_is_a_finding_at_the_project()
    {
        var (outcome, codes) = Run([], Budget);
        Assert.Equal([BudgetRuleIds.ResultsMissing], codes);
        Assert.Null(outcome.Summary);
    }

    [Fact]
    public void No_results_with_a_committed_baseline_is_a_finding()
    {
        Assert.Equal([BudgetRuleIds.ResultsMissing], Run(new() { [BaselinePath] = "{}" }).Codes);
    }

    [Fact]
    public void No_results_when_asked_to_record_a_baseline_is_a_finding_and_nothing_is_recorded()
    {
        var (outcome, codes) = Run([], update: true);
        Assert.Equal([BudgetRuleIds.ResultsMissing], codes);
        Assert.Null(outcome.BaselineToWrite);
    }

    [Fact]
    public void No_results_no_budgets_and_no_baseline_is_quiet()
    {
        Assert.Empty(Run([]).Codes);
    }

    [Fact]
    public void An_unreadable_result_file_is_reported_and_not_also_called_missing()
    {
        var (_, codes) = Run(new() { ["/r/a.json"] = null }, Budget, false, "/r/a.json");
        Assert.Equal([BudgetRuleIds.ResultsMalformed], codes);
    }

    [Fact]
    public void Recording_writes_the_newest_result_of_each_benchmark()
    {
        var files = new Dictionary<string, string?> { ["/r/old.json"] = Report(5000), ["/r/new.json"] = Report(100) };
        var (outcome, codes) = Run(files, Budget, true, "/r/old.json", "/r/new.json");
        Assert.Empty(codes);
        var recorded = BenchmarkBaseline.Parse(BaselinePath, outcome.BaselineToWrite!).Baseline;
        Assert.Single(recorded.Entries);
        Assert.Equal($"Standards: recorded 1 benchmarks in {BaselinePath}. Review and commit it.", outcome.Summary);
    }

    [Fact]
    public void The_newest_file_decides_the_budget_verdict()
    {
        var files = new Dictionary<string, string?> { ["/r/old.json"] = Report(100), ["/r/new.json"] = Report(5000) };
        Assert.Equal([BudgetRuleIds.TimeOverBudget], Run(files, Budget, false, "/r/old.json", "/r/new.json").Codes);
        Assert.Empty(Run(files, Budget, false, "/r/new.json", "/r/old.json").Codes);
    }

    [Fact]
    public void A_baseline_that_exists_but_cannot_be_read_is_reported()
    {
        var files = new Dictionary<string, string?> { ["/r/a.json"] = Report(100), [BaselinePath] = null };
        Assert.Equal([BudgetRuleIds.BaselineMalformed], Run(files, Budget, false, "/r/a.json").Codes);
    }

    [Fact]
    public void A_checked_run_says_what_it_checked()
    {
        var (outcome, codes) = Run(new() { ["/r/a.json"] = Report(100) }, Budget, false, "/r/a.json");
        Assert.Empty(codes);
        Assert.Null(outcome.BaselineToWrite);
        Assert.Equal("Standards: checked 1 benchmark result against 1 budget and 0 baseline entries.", outcome.Summary);
    }
}
