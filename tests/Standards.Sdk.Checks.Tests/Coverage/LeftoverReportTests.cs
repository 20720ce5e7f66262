using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>The repo gate merges only the reports of the current test projects and frameworks; each leftover is named.</summary>
public class LeftoverReportTests
{
    private const string Dir = "/repo/artifacts/coverage";

    private static string Source(string project, string frameworks = "") => new CoverageSource(project, frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries)).Write();

    /// <summary>A folder of reports as a test run leaves it: (report, its folder's coverage.source or null), the projects that exist, and whether it counts.</summary>
    public static TheoryData<string, string, string?, string, string?> Variants => new()
    {
        { "single-target project", "A.Tests/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj"), "tests/A.Tests/A.Tests.csproj", null },
        { "multi-target, current framework", "A.Tests/net10.0/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj", "net8.0;net10.0"), "tests/A.Tests/A.Tests.csproj", null },
        { "renamed or deleted project", "Old.Tests/coverage.cobertura.xml", Source("tests/Old.Tests/Old.Tests.csproj"), "tests/New.Tests/New.Tests.csproj", "its test project tests/Old.Tests/Old.Tests.csproj no longer exists (renamed or deleted)" },
        { "framework no longer targeted", "A.Tests/net8.0/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj", "net10.0;net9.0"), "tests/A.Tests/A.Tests.csproj", "tests/A.Tests/A.Tests.csproj no longer targets net8.0" },
        { "no longer multi-targets", "A.Tests/net8.0/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj"), "tests/A.Tests/A.Tests.csproj", "tests/A.Tests/A.Tests.csproj no longer multi-targets: this report of net8.0 is from before" },
        { "now multi-targets", "A.Tests/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj", "net8.0;net10.0"), "tests/A.Tests/A.Tests.csproj", "tests/A.Tests/A.Tests.csproj now targets net8.0;net10.0: this report is from before it multi-targeted" },
        { "no source file", "A.Tests/coverage.cobertura.xml", null, "tests/A.Tests/A.Tests.csproj", "no test run of this SDK wrote it (A.Tests/coverage.source is missing); run `dotnet test` again" },
        { "not where a run writes", "A.Tests/net8.0/x/coverage.cobertura.xml", Source("tests/A.Tests/A.Tests.csproj", "net8.0"), "tests/A.Tests/A.Tests.csproj", "a test run writes its report to <project>/ or <project>/<framework>/, not there" },
        { "loose at the top", "coverage.cobertura.xml", null, "tests/A.Tests/A.Tests.csproj", "a test run writes its report to <project>/ or <project>/<framework>/, not there" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Only_reports_of_current_projects_and_frameworks_count(string variant, string report, string? source, string existing, string? reason)
    {
        var path = $"{Dir}/{report}";
        var folder = report.Contains('/') ? $"{Dir}/{report.Split('/')[0]}/{CoverageSource.FileName}" : null;
        var (current, ignored, damaged) = CoverageReportSet.Select(Dir, [path], f => f == folder ? source : null, p => p == existing);
        Assert.Empty(damaged);
        if (reason is null)
        {
            Assert.Equal([path], current);
            Assert.Empty(ignored);
        }
        else
        {
            Assert.Empty(current);
            Assert.Equal(new IgnoredReport(path, reason), Assert.Single(ignored));
        }

        Assert.False(string.IsNullOrEmpty(variant));
    }

    [Fact]
    public void A_leftover_beside_current_reports_is_left_out_and_named_in_the_summary()
    {
        var files = new Dictionary<string, string>
        {
            [$"{Dir}/A.Tests/{CoverageSource.FileName}"] = Source("tests/A.Tests/A.Tests.csproj", "net10.0"),
            [$"{Dir}/Old.Tests/{CoverageSource.FileName}"] = Source("tests/Old.Tests/Old.Tests.csproj"),
        };
        string[] reports = [$"{Dir}/A.Tests/net10.0/coverage.cobertura.xml", $"{Dir}/A.Tests/net8.0/coverage.cobertura.xml", $"{Dir}/Old.Tests/coverage.cobertura.xml"];
        var (current, ignored, damaged) = CoverageReportSet.Select(Dir, reports, f => files.GetValueOrDefault(f), p => p == "tests/A.Tests/A.Tests.csproj");
        Assert.Empty(damaged);
        Assert.Equal([reports[0]], current);
        Assert.Equal([reports[1], reports[2]], ignored.Select(i => i.Path));

        var markdown = CoverageMarkdown.Write([], CoverageSettings.Default, [], 1, new CoverageVerdict(true, [], ignored));
        Assert.Contains($"| {reports[2]} | its test project tests/Old.Tests/Old.Tests.csproj no longer exists (renamed or deleted) |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project\ttests/A.Tests/A.Tests.csproj\nproject\tother\nframeworks\t\n")]
    [InlineData("project\ttests/A.Tests/A.Tests.csproj\n")]
    [InlineData("project tests/A.Tests/A.Tests.csproj\nframeworks net10.0\n")]
    [InlineData("")]
    public void A_damaged_source_file_is_STD4012_once_and_its_reports_are_neither_merged_nor_left_over(string source)
    {
        // A test run wrote the reports and the record; a damaged record must not quietly shrink what the merge counts.
        var file = $"{Dir}/A.Tests/{CoverageSource.FileName}";
        string[] reports = [$"{Dir}/A.Tests/net8.0/coverage.cobertura.xml", $"{Dir}/A.Tests/net10.0/coverage.cobertura.xml"];
        var (current, ignored, damaged) = CoverageReportSet.Select(Dir, reports, f => f == file ? source : null, _ => true);
        Assert.Empty(current);
        Assert.Empty(ignored);
        var finding = Assert.Single(damaged);
        Assert.Equal(("STD4012", Severity.Error, file, 1), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains("Delete the file and run the tests of that project again (`dotnet test`)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_source_file_reads_back_what_it_wrote()
    {
        var source = new CoverageSource("tests/A.Tests/A.Tests.csproj", ["net8.0", "net10.0"]);
        Assert.Equal("project\ttests/A.Tests/A.Tests.csproj\nframeworks\tnet8.0;net10.0\n", source.Write());
        var read = CoverageSource.Parse(source.Write());
        Assert.Equal(source.ProjectFile, read!.ProjectFile);
        Assert.Equal(["net8.0", "net10.0"], read.Frameworks);
        Assert.Null(CoverageSource.Parse("project\t\nframeworks\t\n"));
        Assert.Null(CoverageSource.Parse("frameworks\tnet8.0\n"));
    }
}
