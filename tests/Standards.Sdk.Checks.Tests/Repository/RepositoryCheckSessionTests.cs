using System.Diagnostics;
using System.Text.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// One build's repository checks on a repo on disk, without MSBuild: the findings at the build mode's severity, the
/// baseline rewrite, the four reports, the stamp, and STD0008 for what could not be written.
/// </summary>
public sealed class RepositoryCheckSessionTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "session-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A compliant library on disk, without its CODEOWNERS (STD3002, an error of the layout rules).</summary>
    private RepositoryCheckRequest RepoWithoutCodeowners(bool warningsAsErrors = false, bool updateBaseline = false)
    {
        var repo = FakeRepo.Library().Without(".github/CODEOWNERS");
        foreach (var (path, text) in repo.Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return new RepositoryCheckRequest
        {
            RepoRoot = root,
            Policy = StandardsPolicy.Default,
            Today = FakeRepo.Today,
            BaselinePath = Path.Combine(root, "standards-baseline.json"),
            UpdateBaseline = updateBaseline,
            WarningsAsErrors = warningsAsErrors,
            UseGit = false,
        };
    }

    [Fact]
    public void A_local_build_reports_a_rule_error_as_a_warning_and_the_run_is_still_not_up_to_date()
    {
        var run = RepositoryCheckSession.Run(RepoWithoutCodeowners(), Stopwatch.StartNew(), []);

        var finding = Assert.Single(run.Outcome.Reported, f => f.Code == "STD3002");
        Assert.Equal(Diagnostics.Severity.Warning, finding.Severity);
        Assert.True(run.RuleErrors);
        Assert.Equal(0, run.Summary.Errors);
        Assert.Contains("repo kind 'library'", run.Detail, StringComparison.Ordinal);
        Assert.Empty(run.BaselineChange);
    }

    [Fact]
    public void A_ci_build_reports_it_as_an_error()
    {
        var run = RepositoryCheckSession.Run(RepoWithoutCodeowners(warningsAsErrors: true), Stopwatch.StartNew(), []);

        Assert.Equal(Diagnostics.Severity.Error, Assert.Single(run.Outcome.Reported, f => f.Code == "STD3002").Severity);
        Assert.True(run.Summary.Errors >= 1);
    }

    [Fact]
    public void Updating_the_baseline_writes_it_accepts_the_findings_and_the_next_run_applies_it()
    {
        var request = RepoWithoutCodeowners(updateBaseline: true);
        var notWritten = new List<string>();

        var rewrite = RepositoryCheckSession.Run(request, Stopwatch.StartNew(), notWritten);

        Assert.Empty(notWritten);
        Assert.DoesNotContain(rewrite.Outcome.Reported, f => f.Code == "STD3002");
        Assert.Contains(rewrite.Outcome.Baselined, f => f.Code == "STD3002");
        Assert.NotEmpty(rewrite.BaselineChange);
        Assert.Contains("STD3002", File.ReadAllText(request.BaselinePath), StringComparison.Ordinal);

        var next = RepositoryCheckSession.Run(request with { UpdateBaseline = false }, Stopwatch.StartNew(), notWritten);
        Assert.DoesNotContain(next.Outcome.Reported, f => f.Code == "STD3002");
        Assert.Contains(next.Outcome.Baselined, f => f.Code == "STD3002");
        Assert.False(next.RuleErrors);
    }

    [Fact]
    public void The_reports_are_written_with_the_findings_and_compliance_json_counts_them()
    {
        var request = RepoWithoutCodeowners(warningsAsErrors: true);
        var run = RepositoryCheckSession.Run(request, Stopwatch.StartNew(), []);
        var reportsDirectory = Path.Combine(root, "artifacts", "standards");
        var reports = new RepositoryReportsRequest(reportsDirectory, Path.Combine(reportsDirectory, "obj"), "https://example.invalid/rules/", "1.2.3", _ => null);
        var notWritten = new List<string>();
        var problems = new List<Diagnostics.Finding>();

        Assert.True(RepositoryCheckSession.WriteReports(reports, request, run, notWritten, problems));

        Assert.Empty(notWritten);
        Assert.Empty(problems);
        Assert.Equal(
            ["codequality.json", ComplianceDocument.FileName, "standards.sarif", "summary.md"],
            RepositoryCheckSession.ReportFiles(reportsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(RepositoryCheckSession.ReportFiles(reportsDirectory), f => Assert.True(File.Exists(f), f));
        Assert.Contains("STD3002", File.ReadAllText(Path.Combine(reportsDirectory, "standards.sarif")), StringComparison.Ordinal);
        Assert.Contains("STD3002", File.ReadAllText(Path.Combine(reportsDirectory, "summary.md")), StringComparison.Ordinal);
        var (facts, problem) = ComplianceDocument.Read(File.ReadAllText(Path.Combine(reportsDirectory, ComplianceDocument.FileName)));
        Assert.Null(problem);
        Assert.NotNull(facts);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportsDirectory, ComplianceDocument.FileName)));
        Assert.Equal("1.2.3", document.RootElement.GetProperty("sdkVersion").GetString());
        Assert.Contains("STD3002", document.RootElement.GetProperty("findings").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stamp_names_the_fingerprint_and_is_dated_at_the_runs_start()
    {
        Directory.CreateDirectory(root);
        var stamp = Path.Combine(root, "state", "repository.stamp");
        var started = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var notWritten = new List<string>();

        RepositoryCheckSession.WriteStamp(stamp, "abc123", "Standards: 3 checks, 0 errors", started, notWritten);

        Assert.Empty(notWritten);
        Assert.Equal(started, File.GetLastWriteTimeUtc(stamp));
        var lines = File.ReadAllLines(stamp);
        Assert.Contains("abc123", lines[0], StringComparison.Ordinal);
        Assert.Equal("Standards: 3 checks, 0 errors", lines[1]);
    }

    [Fact]
    public void What_could_not_be_written_is_one_STD0008_naming_every_file_and_the_fix()
    {
        var request = RepoWithoutCodeowners();
        var run = RepositoryCheckSession.Run(request, Stopwatch.StartNew(), []);

        Assert.Empty(RepositoryCheckSession.NotWrittenFinding([], request, run.Outcome.Kind, "/state", asksForReports: true));
        var finding = Assert.Single(RepositoryCheckSession.NotWrittenFinding(["/state/a (permission denied)", "/state/b (disk full)", "/state/a (permission denied)"], request, run.Outcome.Kind, "/state", asksForReports: true));

        Assert.Equal("STD0008", finding.Code);
        Assert.Contains("/state/a (permission denied); /state/b (disk full).", finding.Message, StringComparison.Ordinal);
        Assert.Contains("StandardsRepositoryChecksOutputPath", finding.Message, StringComparison.Ordinal);
        Assert.Contains("reports this build was asked for may be missing", finding.Message, StringComparison.Ordinal);
    }
}
