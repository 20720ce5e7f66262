using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>
/// The records the coverage gates keep under artifacts/coverage/ (which runs the coverage step judges again, what a run
/// covered): each is read as written, and a damaged one is STD4012 at its line, never a run or project silently dropped.
/// </summary>
public class CoverageRecordTests
{
    private const string Project = "/repo/tests/A.Tests/A.Tests.csproj";
    private const string MtpFile = "/repo/artifacts/coverage/A.Tests/coverage.mtp";
    private const string VSTestFile = "/repo/artifacts/coverage/A.Tests/net10.0/coverage.vstest";

    [Fact]
    public void An_MTP_record_reads_as_the_build_wrote_it()
    {
        var (runs, findings) = CoverageRunRecord.Read(MtpFile, $"{Project}|net10.0|Release\n", vstest: false);
        Assert.Empty(findings);
        Assert.Equal(new CoverageRunRecord(Project, "net10.0", "Release", string.Empty), Assert.Single(runs));
    }

    [Theory]
    [InlineData("/repo/artifacts/test-results/")]
    [InlineData("")]
    public void A_VSTest_record_reads_with_its_results_folder_or_none(string results)
    {
        var (runs, findings) = CoverageRunRecord.Read(VSTestFile, $"{Project}|net10.0|Debug|{results}\r\n", vstest: true);
        Assert.Empty(findings);
        Assert.Equal(new CoverageRunRecord(Project, "net10.0", "Debug", results), Assert.Single(runs));
    }

    /// <summary>Damaged records: (text, VSTest or MTP, the line of the finding, what the message says is wrong).</summary>
    public static TheoryData<string, bool, int, string> Damaged => new()
    {
        { $"{Project}|net10.0", false, 1, "it has 2 fields where a line has 3 (project|framework|configuration)" },
        { $"{Project}|net10.0|Release", true, 1, "it has 3 fields where a line has 4 (project|framework|configuration|results folder)" },
        { $"{Project}|net10.0|Release|x|y", true, 1, "it has 5 fields where a line has 4" },
        { "A.Tests.csproj|net10.0|Release", false, 1, "its first field 'A.Tests.csproj' is not the full path of a project file" },
        { "/repo/tests/A.Tests/|net10.0|Release", false, 1, "is not the full path of a project file" },
        { $"{Project}||Release", false, 1, "its framework '' is not a target framework" },
        { $"{Project}|net10.0|", false, 1, "its configuration is empty" },
        { $"\n{Project}|net10.0|Release\n{Project}|net10", false, 3, "it has 2 fields" },
        { string.Empty, false, 1, "it is empty" },
        { "\n\n", true, 1, "it is empty" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_damaged_run_record_is_STD4012_at_its_line(string text, bool vstest, int line, string problem)
    {
        var file = vstest ? VSTestFile : MtpFile;
        var (_, findings) = CoverageRunRecord.Read(file, text, vstest);
        var finding = Assert.Single(findings);
        Assert.Equal(("STD4012", Severity.Error, file, line), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
        Assert.Contains(vstest ? "run the project's tests again (`dotnet test`)" : "build the test project again (`dotnet build`)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_good_lines_of_a_partly_damaged_record_are_still_read()
    {
        var (runs, findings) = CoverageRunRecord.Read(MtpFile, $"{Project}|net8.0|Release\n{Project}|net10.0\n", vstest: false);
        Assert.Equal("net8.0", Assert.Single(runs).TargetFramework);
        Assert.Equal(2, Assert.Single(findings).Line);
    }

    [Fact]
    public void The_covered_projects_file_reads_back_what_it_wrote()
    {
        CoveredProject[] written =
        [
            new(new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), Critical: true),
            new(new ProjectContext("Acme.Api", ProjectKinds.Service, "src/Acme.Api"), Critical: false),
        ];
        var (projects, findings) = CoverageProjectsFile.Read("/repo/artifacts/coverage/A.Tests/coverage.projects", CoverageProjectsFile.Write(written));
        Assert.Empty(findings);
        Assert.Equal(written.OrderBy(p => p.Context.Name, StringComparer.Ordinal).Select(p => (p.Context.Name, p.Context.Kind, p.Context.RepoRelativeDirectory, p.Critical)),
            projects.Select(p => (p.Context.Name, p.Context.Kind, p.Context.RepoRelativeDirectory, p.Critical)));
    }

    [Theory]
    [InlineData("Acme.Orders\tlibrary\tsrc/Acme.Orders\n", 1)]
    [InlineData("Acme.Api\tservice\tsrc/Acme.Api\t-\nAcme.Orders\tlibrary\tsrc/Acme.Orders\tcritica\n", 2)]
    [InlineData("\tlibrary\tsrc/Acme.Orders\tcritical\n", 1)]
    public void A_damaged_covered_projects_line_is_STD4012_not_a_project_judged_by_name_alone(string text, int line)
    {
        // Dropping the line would judge a critical project at the ordinary minimum: a gate passing that should fail.
        const string file = "/repo/artifacts/coverage/A.Tests/coverage.projects";
        var (projects, findings) = CoverageProjectsFile.Read(file, text);
        var finding = Assert.Single(findings);
        Assert.Equal(("STD4012", Severity.Error, file, line), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Equal(line - 1, projects.Count);
    }

    [Fact]
    public void A_covered_project_of_a_kind_this_SDK_does_not_know_is_judged_as_a_library()
    {
        var (projects, findings) = CoverageProjectsFile.Read("/repo/artifacts/coverage/A.Tests/coverage.projects", "Acme.Edge\tedge-function\tsrc/Acme.Edge\t-\n");
        Assert.Empty(findings);
        Assert.Equal(ProjectKinds.Library, Assert.Single(projects).Context.Kind);
    }
}
