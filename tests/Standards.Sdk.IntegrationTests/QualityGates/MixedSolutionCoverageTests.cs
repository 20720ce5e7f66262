namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// The CI coverage step (<c>dotnet build &lt;solution&gt; -t:StandardsCoverage</c>) on a solution that also holds
/// projects not on Standards.Sdk, through the solution entry the repo's Directory.Solution.targets imports
/// (Sdk/Solution.targets): the projects without the target are left alone, the merge is the Standards test
/// projects' own, and a step with no project to run the gate in, or no report to merge, fails coded. The JUnit step
/// (<c>-t:StandardsJUnitReport</c>) is dispatched the same way.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class MixedSolutionCoverageTests
{
    private const string Solution = "Mixed.slnx";
    private const string Results = "artifacts/test-results";
    private const string SolutionEntry = """
        <Project>
          <Import Project="Solution.targets" Sdk="Standards.Sdk" />
        </Project>

        """;

    /// <summary>A plain Microsoft.NET.Sdk project with code of its own, which no test covers and the merge must not count.</summary>
    private const string PlainTool = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
        </Project>

        """;

    /// <summary>A project on neither SDK: Microsoft.Build.NoTargets (packaging, database and tooling projects use it).</summary>
    private const string NoTargets = """
        <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>

        """;

    [Fact]
    public void The_coverage_step_runs_the_gate_in_the_Standards_projects_of_a_mixed_solution_and_fails_coded_on_nothing()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("standards.json", """{ "coverage": { "line": 30, "branch": 20 } }""")
            .WriteFile("Directory.Solution.targets", SolutionEntry)
            .WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", CoverageRepos.Calc)
            .WriteProject("tests/A.Tests", "A.Tests", CoverageRepos.TestPackages)
            .WriteFile("tests/A.Tests/ATests.cs", CoverageRepos.ATests)
            .WriteFile("tools/Plain/Plain.csproj", PlainTool)
            .WriteFile("tools/Plain/Program.cs", "System.Console.WriteLine(args.Length > 0 ? \"args\" : \"none\");\n")
            .WriteFile("tools/Packaging/Packaging.csproj", NoTargets);
        WriteSolution(repo, "src/Lib/Lib.csproj", "tests/A.Tests/A.Tests.csproj", "tools/Plain/Plain.csproj", "tools/Packaging/Packaging.csproj");

        var build = repo.Build(Solution, ci: false);
        Assert.True(build.Succeeded, build.Output);
        var test = repo.Dotnet(["test", repo.PathOf(Solution), "--no-build", "-nologo", "-nr:false", "--logger", "trx", "--results-directory", Results], ci: false);
        Assert.True(test.Succeeded, test.Output);

        // The step in parallel (the dotnet build default, as a developer may run it), and on one node as CI runs it: green, the gate ran once, no MSB4057.
        foreach (var nodes in new[] { "-m", "-m:1" })
        {
            var step = repo.Build(Solution, ci: false, "--no-restore", "-t:StandardsCoverage", nodes);
            Assert.True(step.Succeeded, step.Output);
            Assert.Empty(step.WithCode("MSB4057"));
            Assert.Equal(1, step.RunCount("_StandardsCoverageInputs"));
        }

        // The merge is A.Tests' report: Calc's lines only (nothing of the plain tool), covered as A.Tests covered them.
        var own = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        var merged = CoverageRepos.Lines(repo, "artifacts/coverage-report/coverage.cobertura.xml");
        Assert.Equal(own.Valid.Order(), merged.Valid.Order());
        Assert.Equal(own.Covered.Order(), merged.Covered.Order());
        Assert.All(merged.Valid, line => Assert.Equal("src/Lib/Calc.cs", line.Item1));
        Assert.True(merged.Covered.Count > 0 && merged.Covered.Count < merged.Valid.Count);

        // The GitLab template's JUnit step on the same solution: run in the test project, the others left alone.
        var junit = repo.Build(Solution, ci: false, "--no-restore", "-t:StandardsJUnitReport", "-p:VSTestLogger=trx", "-p:VSTestResultsDirectory=" + Results);
        Assert.True(junit.Succeeded, junit.Output);
        Assert.Empty(junit.WithCode("MSB4057"));
        Assert.Contains(junit.TargetRuns("StandardsJUnitReport"), t => t.BodyRan && t.Project.EndsWith("A.Tests.csproj", StringComparison.Ordinal));

        // The test project gone from the solution and its reports with it: no report to merge is STD4007, not a pass.
        WriteSolution(repo, "src/Lib/Lib.csproj", "tools/Plain/Plain.csproj", "tools/Packaging/Packaging.csproj");
        Directory.Delete(repo.PathOf("artifacts/coverage"), recursive: true);
        var untested = repo.Build(Solution, ci: false, "--no-restore", "-t:StandardsCoverage");
        Assert.False(untested.Succeeded, untested.Output);
        Assert.NotEmpty(untested.WithCode("STD4007"));
        Assert.Empty(untested.WithCode("MSB4057"));

        // No project of the solution on Standards.Sdk: nothing ran the gate, STD4011 at the solution, not a pass.
        WriteSolution(repo, "tools/Plain/Plain.csproj", "tools/Packaging/Packaging.csproj");
        var nothing = repo.Build(Solution, ci: false, "--no-restore", "-t:StandardsCoverage");
        Assert.False(nothing.Succeeded, nothing.Output);
        var none = Assert.Single(nothing.WithCode("STD4011"));
        Assert.Equal(Solution, none.FileName);
        Assert.Empty(nothing.WithCode("MSB4057"));
        Assert.Equal(0, nothing.RunCount("_StandardsCoverageInputs"));
    }

    private static void WriteSolution(TestRepo repo, params string[] projects) =>
        repo.WriteFile(Solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
}
