using Standards.Sdk.Checks.Coverage;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>The report of a Microsoft.Testing.Platform test app: its coverlet.MTP prefix, written after the app was built.</summary>
public class MtpCoverageReportsTests
{
    private static readonly DateTime Built = new(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc);

    private static CoverageCandidate At(string path, int minutesAfterBuild) => new(path, Built.AddMinutes(minutesAfterBuild), []);

    [Fact]
    public void The_pattern_is_the_prefix_and_coverlet_names() =>
        Assert.Equal("A.Tests.net10.0.coverage.cobertura.*.xml", MtpCoverageReports.Pattern("A.Tests.net10.0"));

    /// <summary>File names coverlet.MTP writes, and ones that only look alike.</summary>
    public static TheoryData<string, bool> Names => new()
    {
        { "A.Tests.net10.0.coverage.cobertura.261126051100264.xml", true },
        { "a.tests.NET10.0.coverage.cobertura.261126051100264.XML", true },
        { "A.Tests.net10.0.coverage.json", false },
        { "A.Tests.net10.0.coverage.cobertura.xml", false },
        { "A.Tests.net10.0.coverage.cobertura.2611x.xml", false },
        { "A.Tests.Slow.net10.0.coverage.cobertura.261126051100264.xml", false },
        { "B.A.Tests.net10.0.coverage.cobertura.261126051100264.xml", false },
        { "A.Tests.net8.0.coverage.cobertura.261126051100264.xml", false },
        { "coverage.cobertura.261126051100264.xml", false },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_reports_of_exactly_that_prefix_count(string name, bool counts) =>
        Assert.Equal(counts, MtpCoverageReports.IsReportOf(name, "A.Tests.net10.0"));

    [Fact]
    public void The_newest_report_written_after_the_build_is_the_one()
    {
        var chosen = MtpCoverageReports.Select(
            [
                At("/r/TestResults/A.Tests.net10.0.coverage.cobertura.1.xml", 1),
                At("/r/artifacts/test-results/A.Tests.net10.0.coverage.cobertura.3.xml", 3),
                At("/r/TestResults/A.Tests.net8.0.coverage.cobertura.4.xml", 4),
                At("/r/TestResults/Other.net10.0.coverage.cobertura.5.xml", 5),
            ], "A.Tests.net10.0", Built);
        Assert.Equal("/r/artifacts/test-results/A.Tests.net10.0.coverage.cobertura.3.xml", chosen?.Path);
    }

    [Fact]
    public void A_report_from_before_the_build_measured_other_code_and_does_not_count() =>
        Assert.Null(MtpCoverageReports.Select([At("/r/TestResults/A.Tests.net10.0.coverage.cobertura.1.xml", -1)], "A.Tests.net10.0", Built));

    [Fact]
    public void No_report_is_none() => Assert.Null(MtpCoverageReports.Select([], "A.Tests.net10.0", Built));
}
