using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>The repo coverage gate run as a plain check over a folder of reports: what it merges, writes and reports.</summary>
public sealed class CoverageMergeCheckTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private readonly string _root = Directory.CreateTempSubdirectory("standards-merge-").FullName;

    private string Reports => Path.Combine(_root, "artifacts", "coverage");

    private string Output => Path.Combine(_root, "artifacts", "standards", "coverage");

    private string Baseline => Path.Combine(_root, "coverage-baseline.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void AddReport(int lines, int covered)
    {
        Directory.CreateDirectory(Path.Combine(_root, "tests", "A.Tests"));
        File.WriteAllText(Path.Combine(_root, "tests", "A.Tests", "A.Tests.csproj"), "<Project />");
        var folder = Path.Combine(Reports, "A.Tests");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CoverageSource.FileName), new CoverageSource("tests/A.Tests/A.Tests.csproj", []).Write());
        File.WriteAllText(Path.Combine(folder, "coverage.cobertura.xml"),
            CoverageSamples.Cobertura("Acme.Orders", ("src/Acme.Orders/Order.cs", [.. CoverageSamples.Lines(lines, covered), (lines + 1, 1, 1, 2)])));
    }

    private CoverageMergeOutcome Run(bool updateBaseline = false, string? output = null, string? compliance = null) =>
        CoverageMergeCheck.Run(
            new CoverageMergeInput(_root, Reports, output ?? Output, Baseline, compliance, Today) { UpdateBaseline = updateBaseline },
            CoverageSamples.Policy("""{ "coverage": { "line": 50, "branch": 50, "criticalLine": 50 } }"""));

    [Fact]
    public void No_report_to_merge_is_STD4007_and_writes_nothing()
    {
        var outcome = Run();

        Assert.Equal(CoverageRuleIds.ReportMissing, Assert.Single(outcome.Findings).Code);
        Assert.Equal(string.Empty, outcome.MergedReport);
        Assert.Equal(string.Empty, outcome.Verdict);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void A_report_above_the_minimums_passes_and_the_merged_report_and_summary_are_written()
    {
        AddReport(lines: 10, covered: 8);

        var outcome = Run();

        Assert.Empty(outcome.Findings);
        Assert.Equal("passed", outcome.Verdict);
        Assert.Equal("Coverage gate passed; minimums in percent: line 50, branch 50, critical line 50", outcome.ReportTitle);
        Assert.Equal(Path.Combine(Output, "coverage.cobertura.xml"), outcome.MergedReport);
        Assert.Contains("lines-covered=\"9\"", File.ReadAllText(outcome.MergedReport), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "summary.md")));
        Assert.StartsWith("Standards: coverage gate passed: merged from 1 report: ", Assert.Single(outcome.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void A_compliance_record_it_cannot_read_is_a_coded_warning_and_the_verdict_stands()
    {
        AddReport(lines: 10, covered: 8);
        var compliance = Path.Combine(_root, "artifacts", "standards", "compliance.json");
        Directory.CreateDirectory(Path.GetDirectoryName(compliance)!);
        File.WriteAllText(compliance, "{ \"schema\": ");

        var outcome = Run(compliance: compliance);

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal((PolicyRuleIds.StateNotWritable, Standards.Sdk.Checks.Diagnostics.Severity.Warning, compliance), (finding.Code, finding.Severity, finding.File));
        Assert.Contains("Delete it and build again", finding.Message, StringComparison.Ordinal);
        Assert.Equal("passed", outcome.Verdict);
        Assert.Equal("{ \"schema\": ", File.ReadAllText(compliance));
    }

    [Fact]
    public void A_repo_below_the_line_minimum_fails_with_STD4002()
    {
        AddReport(lines: 10, covered: 1);

        var outcome = Run();

        Assert.Contains(outcome.Findings, f => f.Code == CoverageRuleIds.LineBelowThreshold);
        Assert.StartsWith("failed (", outcome.Verdict, StringComparison.Ordinal);
        Assert.Contains(CoverageRuleIds.LineBelowThreshold, outcome.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Updating_the_baseline_writes_it_and_says_so()
    {
        AddReport(lines: 10, covered: 8);

        var outcome = Run(updateBaseline: true);

        Assert.Empty(outcome.Findings);
        Assert.True(File.Exists(Baseline));
        Assert.Contains(outcome.Messages, m => m.StartsWith("Standards: wrote coverage-baseline.json: ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_STD0008_and_no_merged_report_goes_on()
    {
        AddReport(lines: 10, covered: 8);
        var blocked = Path.Combine(_root, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");

        var outcome = Run(output: Path.Combine(blocked, "coverage"));

        Assert.Equal(PolicyRuleIds.StateNotWritable, Assert.Single(outcome.Findings).Code);
        Assert.Equal(string.Empty, outcome.MergedReport);
        Assert.StartsWith("failed (", outcome.Verdict, StringComparison.Ordinal);
    }
}
