namespace Standards.Tool.Tests;

/// <summary>Which test runs and coverage steps adopt starts, by the repo's test runner and test projects.</summary>
public sealed partial class AdopterTests
{
    /// <summary>
    /// A repo without test projects on VSTest: `dotnet test` writes no coverage report and adopt runs no coverage
    /// step (the per-run gate judges each VSTest project; the merge would only fail on having nothing to merge).
    /// </summary>
    [Fact]
    public void A_repo_without_test_projects_runs_no_coverage_step_on_VSTest()
    {
        dotnet.WritesCoverageReports = false;
        dotnet.CoverageRun = _ => "error STD4007: There are no coverage reports of the current test projects under artifacts/coverage/ to merge.";
        var result = Run(dryRun: true);

        Assert.True(result.CiBuildGreen);
        Assert.Equal(1, dotnet.Tests);
        Assert.Empty(dotnet.CoverageArguments);
    }
}
