using System.Text.RegularExpressions;

namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// The coverage gates on a Microsoft.Testing.Platform test app (xunit.v3 4.x, the .NET 10 `dotnet test` MTP mode
/// through global.json): the SDK adds coverlet.MTP and its switches, `dotnet build -t:StandardsCoverage` runs the
/// app's per-run gate on its report and merges it; no report fails (STD4010), nor does a damaged record of the app (STD4012).
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class MtpCoverageTests
{
    private const string Solution = "Mtp.sln";

    [Fact]
    public void An_mtp_test_app_is_gated_like_a_vstest_one_and_a_run_without_a_report_fails()
    {
        using var repo = Create("""{ "coverage": { "line": 30, "branch": 20 } }""");

        // dotnet test in MTP mode: the app collects coverage with the SDK's switches; nothing is judged yet.
        var test = Test(repo);
        Assert.True(test.Succeeded, test.Output);
        Assert.Single(Directory.EnumerateFiles(repo.PathOf("."), "A.Tests.net10.0.coverage.cobertura.*.xml", SearchOption.AllDirectories));

        // The coverage step: the app's per-run gate, then the merge that includes it.
        var merge = Merge(repo);
        Assert.True(merge.Succeeded, merge.Output);
        Assert.Contains(merge.Messages, m => Regex.IsMatch(m.Text, @"^Standards: coverage of A\.Tests: line \d+\.\d % \(\d+/\d+\), branch \d+\.\d % \(\d+/\d+\) over Lib"));
        Assert.True(repo.Exists("artifacts/coverage/A.Tests/coverage.source"), merge.Output);
        var own = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        var merged = CoverageRepos.Lines(repo, "artifacts/coverage-report/coverage.cobertura.xml");
        Assert.NotEmpty(own.Covered);
        Assert.Equal(own.Valid.Order(), merged.Valid.Order());
        Assert.Equal(own.Covered.Order(), merged.Covered.Order());
        Assert.All(merged.Valid, line => Assert.Equal("src/Lib/Calc.cs", line.Item1));

        // Under the minimum: the exact finding, at the least covered file, from the app's run.
        repo.WriteFile("standards.json", """{ "coverage": { "line": 90 } }""");
        var under = Merge(repo);
        Assert.False(under.Succeeded);
        var miss = Assert.Single(under.WithCode("STD4002"), d => d.Project.EndsWith("A.Tests.csproj", StringComparison.Ordinal));
        Assert.Equal("Calc.cs", miss.FileName);
        Assert.StartsWith("Line coverage of A.Tests over Lib is 50.0 % (6 of 12 lines), below the minimum of 90.0 %. Least covered: src/Lib/Calc.cs 50.0 % (6/12).", miss.Message, StringComparison.Ordinal);

        // A damaged record of which test apps to judge (a truncated write): STD4012 at its line, not the app's gate
        // skipped and the step passing on the merge alone.
        repo.WriteFile("standards.json", """{ "coverage": { "line": 30, "branch": 20 } }""");
        var record = repo.PathOf("artifacts/coverage/A.Tests/coverage.mtp");
        var written = File.ReadAllText(record);
        File.WriteAllText(record, written[..(written.IndexOf(".csproj|", StringComparison.Ordinal) + 12)]);
        var damaged = Merge(repo);
        Assert.False(damaged.Succeeded, damaged.Output);
        var broken = Assert.Single(damaged.Errors);
        Assert.Equal(("STD4012", "coverage.mtp", 1), (broken.Code, broken.FileName, broken.Line));
        Assert.Contains("artifacts/coverage/A.Tests/coverage.mtp is damaged at line 1: it has 2 fields where a line has 3 (project|framework|configuration).", broken.Message, StringComparison.Ordinal);
        File.WriteAllText(record, written);

        // No report of a run of the current build: the gate fails, it never passes on nothing.
        foreach (var report in Directory.EnumerateFiles(repo.PathOf("."), "A.Tests.net10.0.coverage.cobertura.*.xml", SearchOption.AllDirectories))
        {
            File.Delete(report);
        }

        var none = Merge(repo);
        Assert.False(none.Succeeded, none.Output);
        var missing = Assert.Single(none.WithCode("STD4010"));
        Assert.EndsWith("A.Tests.csproj", missing.File, StringComparison.Ordinal);
        Assert.StartsWith("A.Tests runs on Microsoft.Testing.Platform, and no run of its current build", missing.Message, StringComparison.Ordinal);
    }

    private static TestRepo Create(string policy)
    {
        var repo = TestRepo.Create();
        repo.WriteFile("global.json", $$"""
                {
                  "sdk": { "version": "10.0.401", "rollForward": "latestFeature" },
                  "msbuild-sdks": { "Standards.Sdk": "{{repo.Sdk.Version}}" },
                  "test": { "runner": "Microsoft.Testing.Platform" }
                }
                """)
            .WriteFile("standards.json", policy)
            .WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", CoverageRepos.Calc)
            .WriteProject("tests/A.Tests", "A.Tests", """
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../../src/Lib/Lib.csproj" />
                    <PackageReference Include="xunit.v3" Version="4.0.2" />
                  </ItemGroup>
                """)
            .WriteFile("tests/A.Tests/ATests.cs", CoverageRepos.ATests);
        return repo.WriteSolution("Mtp", "src/Lib/Lib.csproj", "tests/A.Tests/A.Tests.csproj");
    }

    private static BuildResult Merge(TestRepo repo) =>
        repo.Build(Solution, ci: false, ["-t:StandardsCoverage", "--no-restore"]);

    // The MTP mode of dotnet test takes the solution with --solution and no MSBuild switches of VSTest mode.
    private static BuildResult Test(TestRepo repo) =>
        repo.Dotnet(["test", "--solution", repo.PathOf(Solution)], ci: false);
}
