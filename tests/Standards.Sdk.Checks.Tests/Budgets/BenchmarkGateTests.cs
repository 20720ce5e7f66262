using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Budgets;

public class BenchmarkGateTests
{
    private const string Create = "CompanyProduct.Benchmarks.SlugBenchmarks.Create(Text: \"Hello, World!\")";
    private const string Results = "/repo/BenchmarkDotNet.Artifacts/results/SlugBenchmarks-report-full.json";

    private static IReadOnlyList<BenchmarkResult> Read(string text)
    {
        var (results, problem) = BenchmarkResultReader.Read(Results, text);
        Assert.Null(problem);
        return results;
    }

    private static IReadOnlyList<Finding> Gate(string report, string policyJson = "{}", string? baseline = null)
    {
        var findings = new List<Finding>();
        var policy = PolicyLoader.Load("/repo/standards.json", policyJson, new DateOnly(2026, 11, 22)).Policy;
        var settings = BudgetSettings.Read(policy, findings);
        Assert.Empty(findings);
        var parsed = baseline is null ? BenchmarkBaseline.Empty : BenchmarkBaseline.Parse("/repo/b.json", baseline).Baseline;
        return BenchmarkGate.Evaluate(new BenchmarkGateInput(Read(report), settings, parsed, "/repo/standards.json", "/repo/b.json", _ => Severity.Error));
    }

    private static string BaselineOf(params (string FullName, double[] Values, long? Allocated)[] benchmarks) =>
        BenchmarkBaseline.Write(Read(BenchmarkReports.Full(benchmarks)));

    [Fact]
    public void Reads_a_real_BenchmarkDotNet_0_14_full_report()
    {
        var results = Read(BenchmarkReports.Fixture);
        Assert.Equal(4, results.Count);
        var create = results.Single(r => r.FullName == "SlugBenchmarks.Create(Text: \"Crème Brûlée\")");
        Assert.Equal(96, create.AllocatedBytes);
        Assert.Equal(3, create.Measurements.Count);
        Assert.InRange(create.Median, 55.78, 55.79);
        Assert.NotNull(create.P95);
    }

    [Fact]
    public void Over_budget_fails_with_the_result_file_and_line()
    {
        var report = BenchmarkReports.Full((Create, BenchmarkReports.Around(1500, 0.01), 96));
        var findings = Gate(report, $$"""{ "budgets": { "benchmarks": { "{{Create.Replace("\"", "\\\"", StringComparison.Ordinal)}}": { "mean": "1 us", "p95": 2000, "allocated": 64 } } } }""");
        Assert.Equal([BudgetRuleIds.TimeOverBudget, BudgetRuleIds.AllocationOverBudget], findings.Select(f => f.Code));
        Assert.Matches(@"mean 1\.\d+ us is over its budget of 1 us", findings[0].Message);
        Assert.Equal(Results, findings[0].File);
        Assert.True(findings[0].Line > 1);
        Assert.Empty(Gate(report, """{ "budgets": { "benchmarks": { "CompanyProduct.Benchmarks.SlugBenchmarks.*": { "mean": "2 us", "allocated": "1 KiB" } } } }"""));
    }

    [Fact]
    public void A_budget_for_a_benchmark_that_does_not_exist_is_STD5006_at_its_line()
    {
        var report = BenchmarkReports.Full((Create, BenchmarkReports.Around(1500, 0.01), 96));
        var finding = Assert.Single(Gate(report, "{\n  \"budgets\": {\n    \"benchmarks\": {\n      \"Acme.Gone.Bench()\": { \"mean\": 10 }\n    }\n  }\n}"));
        Assert.Equal((BudgetRuleIds.UnknownBenchmark, "/repo/standards.json", 4), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void A_12_percent_slower_median_with_tight_measurements_fails()
    {
        var baseline = BaselineOf((Create, BenchmarkReports.Around(1000, 0.01), 96));
        var finding = Assert.Single(Gate(BenchmarkReports.Full((Create, BenchmarkReports.Around(1120, 0.01), 96)), baseline: baseline));
        Assert.Equal(BudgetRuleIds.TimeRegression, finding.Code);
        Assert.Contains("12 % slower than the baseline's", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Mann-Whitney U", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_12_percent_slower_median_inside_noisy_measurements_does_not_fail()
    {
        var baseline = BaselineOf((Create, BenchmarkReports.Around(1000, 0.30), 96));
        var current = BenchmarkReports.Around(1000, 0.30).Select(v => v * 1.12).ToArray();
        var report = BenchmarkReports.Full((Create, current, 96));
        Assert.True(Read(report)[0].Median > Read(BenchmarkReports.Full((Create, BenchmarkReports.Around(1000, 0.30), 96)))[0].Median * 1.1);
        Assert.Empty(Gate(report, baseline: baseline));
    }

    [Fact]
    public void A_slower_median_within_the_limit_passes_and_the_limit_is_configurable()
    {
        var baseline = BaselineOf((Create, BenchmarkReports.Around(1000, 0.01), 96));
        var report = BenchmarkReports.Full((Create, BenchmarkReports.Around(1080, 0.01), 96));
        Assert.Empty(Gate(report, baseline: baseline));
        Assert.Single(Gate(report, """{ "budgets": { "regression": 5 } }""", baseline));
    }

    [Fact]
    public void Without_measurements_the_medians_decide()
    {
        var baseline = "{ \"version\": 1, \"benchmarks\": { \"" + Create.Replace("\"", "\\\"", StringComparison.Ordinal) + "\": { \"median\": 1000 } } }";
        var finding = Assert.Single(Gate(BenchmarkReports.Full((Create, BenchmarkReports.Around(1120, 0.01), 96)), baseline: baseline));
        Assert.Contains("compared by median only", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocation_growth_fails_almost_exactly()
    {
        var baseline = BaselineOf((Create, BenchmarkReports.Around(1000, 0.01), 96));
        var grown = Assert.Single(Gate(BenchmarkReports.Full((Create, BenchmarkReports.Around(1000, 0.01), 104)), baseline: baseline));
        Assert.Equal(BudgetRuleIds.AllocationRegression, grown.Code);
        Assert.Contains("8 B more than the baseline's 96 B", grown.Message, StringComparison.Ordinal);
        Assert.Empty(Gate(BenchmarkReports.Full((Create, BenchmarkReports.Around(1000, 0.01), 96)), baseline: baseline));
        Assert.Empty(Gate(BenchmarkReports.Full((Create, BenchmarkReports.Around(1000, 0.01), 64)), baseline: baseline));
    }

    [Theory]
    [InlineData("{\"Title\":\"x\",\"Benchmarks\":[{\"FullName\":\"A\",\"Statistics\":{\"Median\":1,", 1)]
    [InlineData("{\n  \"results\": []\n}", 1)]
    [InlineData("{\n  \"Benchmarks\": [\n    { \"FullName\": \"A\" }\n  ]\n}", 3)]
    [InlineData("[]", 1)]
    public void Truncated_or_foreign_results_are_STD5001_with_the_line(string text, int line)
    {
        var (results, problem) = BenchmarkResultReader.Read(Results, text);
        Assert.Empty(results);
        Assert.Equal((BudgetRuleIds.ResultsMalformed, Results, line), (problem!.Code, problem.File, problem.Line));
    }

    [Fact]
    public void A_benchmark_that_failed_to_run_is_STD5001_naming_it()
    {
        var text = BenchmarkReports.Fixture.Replace("\"Statistics\":{", "\"Statistics\":null,\"Unused\":{", StringComparison.Ordinal);
        var (_, problem) = BenchmarkResultReader.Read(Results, text);
        Assert.Equal(BudgetRuleIds.ResultsMalformed, problem!.Code);
        Assert.Contains("failed to build or run", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_real_report_is_STD5001()
    {
        var text = BenchmarkReports.Fixture;
        var (_, problem) = BenchmarkResultReader.Read(Results, text[..(text.Length / 2)]);
        Assert.Equal(BudgetRuleIds.ResultsMalformed, problem!.Code);
        Assert.Contains("truncated", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"version\": 1,\n  \"benchmarks\": {\n    \"A\": { \"median\": \"fast\" }\n  }\n}", 4)]
    [InlineData("{ \"version\": 1 }", 1)]
    [InlineData("{ \"version\": 1, \"benchmarks\": {", 1)]
    public void A_malformed_benchmark_baseline_is_STD5007_with_the_line(string text, int line)
    {
        var (_, problems) = BenchmarkBaseline.Parse("/repo/b.json", text);
        Assert.Equal((BudgetRuleIds.BaselineMalformed, line), (problems[0].Code, problems[0].Line));
    }

    [Fact]
    public void Budget_settings_report_bad_values_with_their_line()
    {
        var findings = new List<Finding>();
        var policy = PolicyLoader.Load("/repo/standards.json", "{\n  \"budgets\": {\n    \"regression\": -1,\n    \"benchmarks\": { \"A\": { \"mean\": \"fast\" } },\n    \"sizes\": { \"Lib\": { \"assembly\": \"10 XB\", \"disk\": 1 } }\n  }\n}", new DateOnly(2026, 11, 22));
        Assert.Empty(policy.Findings);
        var settings = BudgetSettings.Read(policy.Policy, findings);
        Assert.Equal(10, settings.Regression);
        Assert.Equal([3, 4, 5, 5], findings.Select(f => f.Line).Order());
        Assert.All(findings, f => Assert.Equal("STD0002", f.Code));
    }

    [Theory]
    [InlineData("250 ns", 250)]
    [InlineData("1.5 us", 1500)]
    [InlineData("1.5µs", 1500)]
    [InlineData("2 ms", 2_000_000)]
    [InlineData("1 s", 1_000_000_000)]
    public void Times_parse_with_units(string text, double nanoseconds) =>
        Assert.Equal(nanoseconds, Quantity.Nanoseconds(new Standards.Sdk.Checks.Json.JsonStringNode(1, 1, text)));

    [Theory]
    [InlineData("64 KiB", 65536)]
    [InlineData("1.5 MB", 1_500_000)]
    [InlineData("10 B", 10)]
    [InlineData("1 gib", 1073741824)]
    public void Sizes_parse_with_units(string text, double bytes) =>
        Assert.Equal(bytes, Quantity.Bytes(new Standards.Sdk.Checks.Json.JsonStringNode(1, 1, text)));

    [Fact]
    public void Size_budgets_fail_only_over_the_budget()
    {
        var policy = PolicyLoader.Load("/repo/standards.json", """{ "budgets": { "sizes": { "Acme.Orders": { "assembly": "64 KiB", "package": 100000 } } } }""", new DateOnly(2026, 11, 22)).Policy;
        var settings = BudgetSettings.Read(policy, []);
        Assert.Null(SizeGate.Evaluate(settings, "Acme.Orders", ArtefactKind.Assembly, "/a.dll", 65536, "/repo/standards.json", Severity.Error));
        var over = SizeGate.Evaluate(settings, "Acme.Orders", ArtefactKind.Package, "/p/Acme.Orders.1.0.0.nupkg", 100001, "/repo/standards.json", Severity.Error);
        Assert.Equal((BudgetRuleIds.SizeOverBudget, "/p/Acme.Orders.1.0.0.nupkg"), (over!.Code, over.File));
        Assert.Null(SizeGate.Evaluate(settings, "Acme.Other", ArtefactKind.Package, "/x.nupkg", 1 << 30, "/repo/standards.json", Severity.Error));
    }

    [Fact]
    public void Mann_Whitney_matches_textbook_values()
    {
        double[] low = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] high = [9, 10, 11, 12, 13, 14, 15, 16];
        Assert.True(MannWhitney.GreaterPValue(high, low) < 0.001);
        Assert.True(MannWhitney.GreaterPValue(low, high) > 0.999);
        Assert.InRange(MannWhitney.GreaterPValue(low, low), 0.4, 0.6);
        Assert.InRange(MannWhitney.NormalCdf(1.96), 0.9749, 0.9751);
    }
}
