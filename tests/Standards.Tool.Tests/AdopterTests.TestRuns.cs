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

    /// <summary>
    /// On Microsoft.Testing.Platform `dotnet test` runs no coverage gate: CI's coverage step judges each test app's run
    /// and the merge. Adopt runs that step after the tests (judging every gate: StandardsCoverageJudgeAll), records the
    /// minimums it measured and runs the step again on the same reports: the tests run once, with no second build
    /// (`--no-build`).
    /// </summary>
    [Fact]
    public void Coverage_minimums_of_Microsoft_Testing_Platform_tests_come_from_the_coverage_step()
    {
        CommitTestingPlatformGlobalJson();
        const string Line = "src/A/C.cs(3): error STD4002: Line coverage of A.Tests over A is 61.5 % (8 of 13 lines), below the minimum of 80.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        const string Branch = "src/A/C.cs(5): error STD4003: Branch coverage of A.Tests over A is 37.5 % (3 of 8 branches), below the minimum of 60.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        dotnet.CoverageRun = policy => policy.Contains("\"line\": 61", StringComparison.Ordinal) && policy.Contains("\"branch\": 37", StringComparison.Ordinal) ? null : Line + "\n{root}/" + Branch;
        var result = Run();

        Assert.True(result.CiBuildGreen);
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement.GetProperty("coverage");
        Assert.Equal((61, 37), (policy.GetProperty("line").GetInt32(), policy.GetProperty("branch").GetInt32()));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("standards.json: coverage minimums set to what the tests reach today (line 61 %, branch 37 %)", StringComparison.Ordinal));
        Assert.Equal(1, dotnet.Tests);
        Assert.All(dotnet.TestArguments, a => Assert.Equal(["test", "--solution", "{root}/standards-adopt.slnx", "--no-build", "--no-ansi", "--no-progress"], a));
        Assert.Equal(2, dotnet.CoverageArguments.Count);
        Assert.All(dotnet.CoverageArguments, a => Assert.Equal(["build", "{root}/standards-adopt.slnx", "--no-restore", "-t:StandardsCoverage", "-m:1", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary", "-p:StandardsCoverageJudgeAll=true"], a));

        // A second run on the adopted repo: the tests pass at the recorded minimums, which stay as they are.
        Commit();
        var policyBefore = Read("standards.json");
        var again = Run(allowDirty: true);
        Assert.True(again.CiBuildGreen);
        Assert.Equal(policyBefore, Read("standards.json"));
        Assert.DoesNotContain("standards.json", again.Changes.Files.Keys);
    }
    /// <summary>
    /// The gates of one coverage step all point at the least covered file, each with its own number: the run's gate,
    /// each project's and the merge's. Every number counts, so the minimums recorded from the first step hold, and the
    /// step after it passes: two coverage steps, not a third to lower a minimum that a dropped line hid.
    /// </summary>
    [Fact]
    public void Coverage_gates_that_point_at_the_same_place_each_give_their_number()
    {
        CommitTestingPlatformGlobalJson();
        const string RunGate = "vendor/P.cs(7): error STD4002: Line coverage of A.Tests over A, B is 56.5 % (26 of 46 lines), below the minimum of 80.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        const string ProjectGate = "vendor/P.cs(7): error STD4002: Line coverage of A is 41.1 % (14 of 34 lines), below the minimum of 80.0 %.";
        const string MergeGate = "vendor/P.cs(7): error STD4002: Line coverage of the repo (merged over every test run) is 56.5 % (26 of 46 lines), below the minimum of 80.0 %.";
        dotnet.CoverageRun = policy =>
        {
            // Each gate fails while the line minimum is above what it measured.
            var minimum = policy.Contains("\"line\"", StringComparison.Ordinal)
                ? System.Text.Json.JsonDocument.Parse(policy).RootElement.GetProperty("coverage").GetProperty("line").GetDouble()
                : 80;
            var failing = new[] { (RunGate, 56.5), (ProjectGate, 41.1), (MergeGate, 56.5) }.Where(g => g.Item2 < minimum).Select(g => g.Item1).ToList();
            return failing.Count == 0 ? null : string.Join("\n{root}/", failing);
        };
        var result = Run();

        Assert.True(result.CiBuildGreen);
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement.GetProperty("coverage");
        Assert.Equal(41, policy.GetProperty("line").GetInt32());
        Assert.Equal(2, dotnet.CoverageArguments.Count);
    }
}
