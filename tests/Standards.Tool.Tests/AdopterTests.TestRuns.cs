using Standards.Adoption.Adopt;

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
        const string Merged = "src/A/C.cs(3): error STD4002: Line coverage of the repo (merged over every test run) is 61.5 % (8 of 13 lines), below the minimum of 80.0 %.\n{root}/src/A/C.cs(5): error STD4003: Branch coverage of the repo (merged over every test run) is 37.5 % (3 of 8 branches), below the minimum of 60.0 %.";
        dotnet.CoverageRun = policy => policy.Contains("\"line\": 61", StringComparison.Ordinal) && policy.Contains("\"branch\": 37", StringComparison.Ordinal) ? null : Line + "\n{root}/" + Branch + "\n{root}/" + Merged;
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
    /// A test project whose own run tests a part (a fuzzing project) while the merge of every run reaches the
    /// minimums: its run's gates get dated exceptions scoped to it, and the repo's minimums stay; lowering them to the
    /// weakest run would let the merged coverage fall that far unseen.
    /// </summary>
    [Fact]
    public void A_run_below_the_minimums_that_the_merge_reaches_gets_an_exception_and_the_minimums_stay()
    {
        CommitTestingPlatformGlobalJson();
        const string Line = "src/A/C.cs(3): error STD4002: Line coverage of A.FuzzingTests over A is 51.1 % (173 of 338 lines), below the minimum of 80.0 %. [{root}/test/A.FuzzingTests/A.FuzzingTests.csproj]";
        const string Branch = "src/A/C.cs(5): error STD4003: Branch coverage of A.FuzzingTests over A is 40.8 % (40 of 98 branches), below the minimum of 60.0 %. [{root}/test/A.FuzzingTests/A.FuzzingTests.csproj]";
        dotnet.CoverageRun = policy => policy.Contains("\"STD4002\"", StringComparison.Ordinal) && policy.Contains("\"STD4003\"", StringComparison.Ordinal) ? null : Line + "\n{root}/" + Branch;

        var result = Run();

        Assert.True(result.CiBuildGreen);
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement;
        Assert.False(policy.TryGetProperty("coverage", out _));
        Assert.Equal([("STD4002", "A.FuzzingTests", "TODO: owner", true), ("STD4003", "A.FuzzingTests", "TODO: owner", true)], PolicyExceptions(policy));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("A.FuzzingTests: its own run's line coverage (51.1 %) is below the minimum: kept under a dated STD4002 exception", StringComparison.Ordinal));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("A.FuzzingTests: its own run's branch coverage (40.8 %) is below the minimum: kept under a dated STD4003 exception", StringComparison.Ordinal));
        Assert.DoesNotContain(result.ChangeLines, l => l.Contains("coverage minimums set", StringComparison.Ordinal));
        Assert.Equal(2, dotnet.CoverageArguments.Count);
    }

    /// <summary>
    /// A project the tests reference and reach none of (an analyzer whose tests were left out), in a merge that covers
    /// the rest: no minimum of 0 % can hold it (it would pass on anything), so each of its 0 % gates gets a dated
    /// exception scoped to it, the repo total is judged without it, and adopt is green in one command.
    /// </summary>
    [Fact]
    public void A_project_the_tests_reach_none_of_gets_a_dated_exception_when_the_merge_covers_the_rest()
    {
        CommitTestingPlatformGlobalJson();
        const string Line = "src/B/D.cs(12): error STD4002: Line coverage of B is 0.0 % (0 of 74 lines), below the minimum of 80.0 %. Least covered: src/B/D.cs 0.0 % (0/56).";
        const string Branch = "src/B/D.cs(12): error STD4003: Branch coverage of B is 0.0 % (0 of 32 branches), below the minimum of 60.0 %. Least covered: src/B/D.cs 0.0 % (0/32 branches).";
        dotnet.MergedReport = MergedReport(("A", "src/A/C.cs", 1), ("B", "src/B/D.cs", 0));
        dotnet.CoverageRun = policy => policy.Contains("\"STD4002\"", StringComparison.Ordinal) && policy.Contains("\"STD4003\"", StringComparison.Ordinal) ? null : Line + "\n{root}/" + Branch;

        var result = Run();

        Assert.True(result.CiBuildGreen);
        Assert.Empty(result.NotBaselinable);
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement;
        Assert.False(policy.TryGetProperty("coverage", out _));
        Assert.Equal([("STD4002", "B", "TODO: owner", true), ("STD4003", "B", "TODO: owner", true)], PolicyExceptions(policy));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("B: the tests reach none of it (line coverage 0 %): kept under a dated STD4002 exception for \"B\"", StringComparison.Ordinal));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("B: the tests reach none of it (branch coverage 0 %): kept under a dated STD4003 exception for \"B\"", StringComparison.Ordinal));
        Assert.Equal(2, dotnet.CoverageArguments.Count);
    }

    /// <summary>
    /// A merge that covered no line at all (its only project at 0 %) gets no exception: the repo total would then judge
    /// nothing and pass. The 0 % gates are named as findings adopt cannot baseline, and nothing is written.
    /// </summary>
    [Fact]
    public void A_project_at_0_percent_in_a_merge_that_covered_nothing_is_named_and_not_excepted()
    {
        CommitTestingPlatformGlobalJson();
        const string Line = "src/B/D.cs(12): error STD4002: Line coverage of B is 0.0 % (0 of 74 lines), below the minimum of 80.0 %.";
        dotnet.MergedReport = MergedReport(("B", "src/B/D.cs", 0));
        dotnet.CoverageRun = _ => Line;

        var result = Run(dryRun: true);

        Assert.False(result.CiBuildGreen);
        var left = Assert.Single(result.NotBaselinable);
        Assert.Equal(("STD4002", "src/B/D.cs", 12), (left.Diagnostic.Code, left.Diagnostic.File, left.Diagnostic.Line));
        Assert.DoesNotContain("standards.json", result.Changes.Files.Keys);
    }

    /// <summary>standards.json's exceptions: rule, scope, owner, and whether its expiry is a date after today.</summary>
    private static List<(string? Rule, string? Scope, string? Owner, bool Dated)> PolicyExceptions(System.Text.Json.JsonElement policy) =>
        [.. policy.GetProperty("exceptions").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString(), e.GetProperty("scope").GetString(), e.GetProperty("owner").GetString(),
                DateOnly.TryParse(e.GetProperty("expires").GetString(), System.Globalization.CultureInfo.InvariantCulture, out var expires) && expires > DateOnly.FromDateTime(DateTime.Today)))];

    /// <summary>A merged Cobertura report: per package (assembly) one file of two lines, of which <c>covered</c> have hits.</summary>
    private static string MergedReport(params (string Package, string File, int Covered)[] packages) =>
        "<coverage line-rate=\"0\" branch-rate=\"0\" version=\"1.9\"><sources><source>/</source></sources><packages>"
        + string.Concat(packages.Select(p =>
            $"<package name=\"{p.Package}\"><classes><class name=\"{p.Package}.C\" filename=\"{p.File}\"><lines>"
            + $"<line number=\"1\" hits=\"{(p.Covered > 0 ? 1 : 0)}\" branch=\"false\" /><line number=\"2\" hits=\"{(p.Covered > 1 ? 1 : 0)}\" branch=\"false\" />"
            + "</lines></class></classes></package>"))
        + "</packages></coverage>";

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

    /// <summary>
    /// A repo whose every test project is an app on Microsoft.Testing.Platform, which the VSTest mode of `dotnet test`
    /// (global.json names no runner) refuses on the .NET 10 SDK, in each way a project gets there: adopt selects the
    /// Microsoft.Testing.Platform runner in global.json before the workspace restores, so its test step (and CI) runs
    /// the tests in the mode that runs them, and names why in the change list. The library beside the tests counts
    /// for neither mode.
    /// </summary>
    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"TUnit\" Version=\"1.81.10\" />\n  </ItemGroup>\n</Project>\n", null, "TUnit")]
    [InlineData("<Project Sdk=\"MSTest.Sdk/4.5.2\">\n</Project>\n", null, "MSTest.Sdk")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"MSTest\" Version=\"4.5.2\" />\n  </ItemGroup>\n</Project>\n", "<Project>\n  <PropertyGroup>\n    <EnableMSTestRunner>true</EnableMSTestRunner>\n  </PropertyGroup>\n</Project>\n", "EnableMSTestRunner")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <EnableNUnitRunner>true</EnableNUnitRunner>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"NUnit3TestAdapter\" Version=\"5.2.0\" />\n  </ItemGroup>\n</Project>\n", null, "EnableNUnitRunner")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"xunit.v3\" Version=\"3.2.1\" />\n  </ItemGroup>\n</Project>\n", null, "UseMicrosoftTestingPlatformRunner")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />\n  </ItemGroup>\n</Project>\n", "<Project>\n  <PropertyGroup>\n    <TestingPlatformDotnetTestSupport>true</TestingPlatformDotnetTestSupport>\n  </PropertyGroup>\n</Project>\n", "TestingPlatformDotnetTestSupport")]
    public void Test_projects_all_on_Microsoft_Testing_Platform_get_its_runner_in_global_json(string testProject, string? directoryBuildProps, string why)
    {
        Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n");
        Write("tests/A.Tests/A.Tests.csproj", testProject);
        if (directoryBuildProps is not null)
        {
            Write("tests/Directory.Build.props", directoryBuildProps);
        }

        Commit();
        var result = Run();

        Assert.True(result.CiBuildGreen);
        using var json = System.Text.Json.JsonDocument.Parse(Read("global.json"));
        Assert.Equal(TestCommand.MicrosoftTestingPlatform, json.RootElement.GetProperty("test").GetProperty("runner").GetString());
        Assert.Equal("9.9.9", json.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
        Assert.Contains(result.ChangeLines, l => l == $"global.json: \"test\": {{ \"runner\": \"Microsoft.Testing.Platform\" }} set: every test project runs on Microsoft.Testing.Platform (tests/A.Tests/A.Tests.csproj ({why})), whose test apps the VSTest mode of `dotnet test` refuses on the .NET 10 SDK");
        Assert.Equal(["test", "--solution", "{root}/standards-adopt.slnx", "--no-build", "--no-ansi", "--no-progress"], Assert.Single(dotnet.TestArguments));
    }

    /// <summary>
    /// A runner global.json names already: Microsoft.Testing.Platform is kept as it is (with the rest of the file);
    /// VSTest, named with test apps that mode refuses, becomes Microsoft.Testing.Platform.
    /// </summary>
    [Theory]
    [InlineData("Microsoft.Testing.Platform", null)]
    [InlineData("VSTest", "global.json: test.runner VSTest -> Microsoft.Testing.Platform: every test project runs on Microsoft.Testing.Platform (tests/A.Tests/A.Tests.csproj (TUnit)), whose test apps the VSTest mode of `dotnet test` refuses on the .NET 10 SDK")]
    public void A_runner_global_json_names_is_kept_or_moved_to_Microsoft_Testing_Platform(string runner, string? line)
    {
        Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n");
        Write("tests/A.Tests/A.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"TUnit\" Version=\"1.81.10\" />\n  </ItemGroup>\n</Project>\n");
        Write("global.json", $"{{\n  \"sdk\": {{ \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" }},\n  \"test\": {{ \"runner\": \"{runner}\", \"x\": 1 }}\n}}\n");
        Commit();
        var result = Run();

        Assert.True(result.CiBuildGreen);
        using var json = System.Text.Json.JsonDocument.Parse(Read("global.json"));
        var test = json.RootElement.GetProperty("test");
        Assert.Equal((TestCommand.MicrosoftTestingPlatform, 1), (test.GetProperty("runner").GetString(), test.GetProperty("x").GetInt32()));
        Assert.Equal("10.0.100", json.RootElement.GetProperty("sdk").GetProperty("version").GetString());
        Assert.Equal(line, result.ChangeLines.SingleOrDefault(l => l.Contains("runner", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A repo with a test project only VSTest runs (xunit v2 here) besides a TUnit one keeps VSTest mode: no single
    /// `dotnet test` runs both, so adopt does not pick one for the repo. A repo without a Microsoft.Testing.Platform
    /// app keeps it too.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_repo_with_a_VSTest_only_test_project_keeps_the_VSTest_mode(bool withTUnit)
    {
        if (withTUnit)
        {
            Write("tests/A.Tests/A.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"TUnit\" Version=\"1.81.10\" />\n  </ItemGroup>\n</Project>\n");
            Commit();
        }

        var result = Run(dryRun: true);

        Assert.DoesNotContain("\"test\"", result.Changes.Get("global.json"), StringComparison.Ordinal);
        Assert.DoesNotContain(result.ChangeLines, l => l.Contains("runner", StringComparison.Ordinal));
        Assert.Equal(["test", "{root}/standards-adopt.slnx", "--no-build", "-nologo", "-tl:off", "-v:m"], Assert.Single(dotnet.TestArguments));
    }

    /// <summary>
    /// A repo with test projects of both modes whose tests fail (the VSTest mode refuses the TUnit app on .NET 10): the
    /// finding adopt cannot baseline names the projects of each kind and the two ways out, not "fix them". A repo with
    /// one kind keeps the plain advice.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Failing_tests_in_a_repo_of_both_test_modes_name_the_projects_of_each_and_the_ways_out(bool mixed)
    {
        if (mixed)
        {
            Write("tests/T.Tests/T.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"TUnit\" Version=\"1.81.10\" />\n  </ItemGroup>\n</Project>\n");
            Commit();
        }

        dotnet.TestRun = _ => "Testing with VSTest target is no longer supported by Microsoft.Testing.Platform on .NET 10 SDK and later.";
        var result = Run(dryRun: true);

        Assert.False(result.CiBuildGreen);
        var fix = Assert.Single(result.NotBaselinable).Fix;
        if (mixed)
        {
            Assert.StartsWith("tests fail: the repo has test projects on Microsoft.Testing.Platform (tests/T.Tests/T.Tests.csproj (TUnit)) and others only VSTest runs (src/A/A.csproj). ", fix, StringComparison.Ordinal);
            Assert.Contains(TestRunnerChoice.MixedModesFix, fix, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("tests fail: fix them (the test output is above; `CI=true dotnet test` runs them again).", fix);
        }
    }

    /// <summary>
    /// The runner properties count from the Directory.Build files MSBuild imports into a test project: the nearest
    /// above it, and the one above that only where the nearest imports it. A root Directory.Build.props that puts the
    /// xunit project on Microsoft.Testing.Platform is hidden by a nearer one of its own (VSTest kept), and seen
    /// through one that imports it (GetPathOfFileAbove) or through none.
    /// </summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("<Project>\n  <PropertyGroup>\n    <LangVersion>latest</LangVersion>\n  </PropertyGroup>\n</Project>\n", false)]
    [InlineData("<Project>\n  <Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" />\n</Project>\n", true)]
    public void Runner_properties_count_from_the_Directory_Build_files_MSBuild_imports(string? nearer, bool testingPlatform)
    {
        Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <TestingPlatformDotnetTestSupport>true</TestingPlatformDotnetTestSupport>\n  </PropertyGroup>\n</Project>\n");
        if (nearer is not null)
        {
            Write("src/Directory.Build.props", nearer);
        }

        Commit();
        var result = Run(dryRun: true);

        Assert.Equal(testingPlatform, result.Changes.Get("global.json")!.Contains(TestCommand.MicrosoftTestingPlatform, StringComparison.Ordinal));
    }
}
