using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// The budgets on real builds: size budgets on a real `dotnet pack` and on the built assembly, and the benchmark
/// gate of a benchmark project reading BenchmarkDotNet 0.14 JSON results (the real report kept in the unit tests'
/// fixtures, with its measurements scaled): incremental, the baseline update command, regressions, bad input.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class BudgetGateTests
{
    private const string Benchmarks = "benchmarks/Lib.Benchmarks/Lib.Benchmarks.csproj";
    private const string Results = "benchmarks/Lib.Benchmarks/BenchmarkDotNet.Artifacts/results/SlugBenchmarks-report-full-compressed.json";
    private const string Create = "SlugBenchmarks.Create(Text: \\\"Crème Brûlée\\\")";

    private static string Fixture => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Standards.Sdk.Checks.Tests", "Budgets", "Fixtures", "SlugBenchmarks-report-full-compressed.json"));

    [Fact]
    public void Size_budgets_fail_an_oversized_package_and_assembly_and_pass_within_budget()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", CoverageRepos.Calc)
            .WriteFile("standards.json", """{ "budgets": { "sizes": { "Lib": { "assembly": "1 KiB" } } } }""");

        var build = repo.Build("src/Lib/Lib.csproj", ci: false);
        Assert.False(build.Succeeded);
        var assembly = Assert.Single(build.WithCode("STD5010"));
        Assert.Equal("Lib.dll", assembly.FileName);
        Assert.Contains("The assembly of Lib", assembly.Message, StringComparison.Ordinal);

        repo.WriteFile("standards.json", """{ "budgets": { "sizes": { "Lib": { "assembly": "1 MiB", "package": 1000 } } } }""");
        var pack = repo.Dotnet(["pack", repo.PathOf("src/Lib/Lib.csproj"), "-nologo", "-v:n", "-nr:false", "-p:StandardsCheckPackageMetadata=false", "-o", repo.PathOf("artifacts/packages")], ci: false);
        Assert.False(pack.Succeeded);
        var package = Assert.Single(pack.WithCode("STD5010"));
        Assert.EndsWith(".nupkg", package.FileName, StringComparison.Ordinal);
        Assert.Contains("over its budget of 1,000 B", package.Message, StringComparison.Ordinal);

        repo.WriteFile("standards.json", """{ "budgets": { "sizes": { "Lib": { "assembly": "1 MiB", "package": "1 MB" } } } }""");
        var within = repo.Dotnet(["pack", repo.PathOf("src/Lib/Lib.csproj"), "-nologo", "-v:n", "-nr:false", "-p:StandardsCheckPackageMetadata=false", "-o", repo.PathOf("artifacts/packages")], ci: false);
        Assert.True(within.Succeeded, within.Output);
        Assert.Contains(within.Messages, m => Regex.IsMatch(m.Text, @"Lib package is [\d,]+ B \([\d.]+ KiB\) \(budget 1,000,000 B"));

        // Incremental: the policy changed since the last Debug build, so it runs; then an unchanged assembly and
        // policy skip it; a changed budget runs it again.
        Assert.True(repo.Build("src/Lib/Lib.csproj", ci: false, "--no-restore").Ran("StandardsCheckAssemblySize"));
        var noop = repo.Build("src/Lib/Lib.csproj", ci: false, "--no-restore");
        Assert.True(noop.Skipped("StandardsCheckAssemblySize"), noop.Output);
        repo.WriteFile("standards.json", """{ "budgets": { "sizes": { "Lib": { "assembly": "2 MiB" } } } }""");
        Assert.True(repo.Build("src/Lib/Lib.csproj", ci: false, "--no-restore").Ran("StandardsCheckAssemblySize"));
    }

    [Fact]
    public void Benchmark_gate_checks_budgets_and_baseline_incrementally_and_reports_bad_input_with_its_line()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("benchmarks/Lib.Benchmarks", "Lib.Benchmarks")
            .WriteFile("benchmarks/Lib.Benchmarks/Program.cs", "System.Console.WriteLine(\"benchmarks\");\n")
            .WriteFile(Results, Fixture)
            .WriteFile("standards.json", $$"""{ "budgets": { "benchmarks": { "{{Create}}": { "mean": "1 us", "allocated": 128 } } } }""");

        // A plain build never runs the gate (dotnet run builds the project, and must be able to write new results).
        var build = repo.Build(Benchmarks, ci: false);
        Assert.True(build.Succeeded, build.Output);
        Assert.Equal(0, build.RunCount("StandardsBenchmarks"));

        var first = Check(repo);
        Assert.True(first.Succeeded, first.Output);
        Assert.True(first.Ran("StandardsBenchmarks"), first.Output);
        Assert.Single(first.Messages, m => m.Text == "Standards: checked 4 benchmark results against 1 budget and 0 baseline entries.");
        Assert.True(Check(repo).Skipped("StandardsBenchmarks"));
        AssertOlderResultsWithNewContentReRunTheGate(repo);

        // Record the baseline with the update command.
        var record = Check(repo, "-p:StandardsUpdateBenchmarkBaseline=true");
        Assert.True(record.Succeeded, record.Output);
        Assert.Contains("Crème Brûlée", repo.ReadFile("benchmarks/Lib.Benchmarks/standards-benchmarks-baseline.json"), StringComparison.Ordinal);
        AssertAnUnwritableBaselineIsSTD0008(repo);

        // New results: allocations grew and a budget is exceeded; the changed results re-run the gate.
        repo.WriteFile(Results, Scaled(Fixture, time: 1.0, allocated: 160));
        var grown = Check(repo);
        Assert.False(grown.Succeeded);
        Assert.True(grown.Ran("StandardsBenchmarks"));
        Assert.Contains(grown.Diagnostics, d => d.Code == "STD5005" && d.FileName == "SlugBenchmarks-report-full-compressed.json");
        Assert.Contains(grown.Diagnostics, d => d.Code == "STD5003");

        // A budget for a benchmark that does not exist: STD5006 at its line in standards.json.
        repo.WriteFile(Results, Fixture)
            .WriteFile("standards.json", "{\n  \"budgets\": {\n    \"benchmarks\": {\n      \"Acme.Gone()\": { \"mean\": 10 }\n    }\n  }\n}\n");
        var unknown = Check(repo);
        var missing = Assert.Single(unknown.WithCode("STD5006"));
        Assert.Equal(("standards.json", 4), (missing.FileName, missing.Line));

        // Truncated results: STD5001 with the file, never MSB4018.
        repo.WriteFile("standards.json", "{}").WriteFile(Results, Fixture[..(Fixture.Length / 3)]);
        var truncated = Check(repo);
        Assert.False(truncated.Succeeded);
        var bad = Assert.Single(truncated.WithCode("STD5001"));
        Assert.Equal("SlugBenchmarks-report-full-compressed.json", bad.FileName);
        Assert.True(bad.Line >= 1);
        Assert.Empty(truncated.WithCode("MSB4018"));

        // An unreadable baseline: STD5007 with its line.
        repo.WriteFile(Results, Fixture).WriteFile("benchmarks/Lib.Benchmarks/standards-benchmarks-baseline.json", "{\n  \"version\": 1,\n  \"benchmarks\": [\n");
        var baseline = Check(repo);
        Assert.Contains(baseline.WithCode("STD5007"), d => d.FileName == "standards-benchmarks-baseline.json" && d.Line > 1);

        // Asked for explicitly without results: STD5008.
        repo.DeleteFile(Results);
        var none = Check(repo);
        Assert.Contains(none.Diagnostics, d => d.Code == "STD5008");
    }

    // Content decides: results replaced by another job's, dated before the last check, still re-run the gate.
    private static void AssertOlderResultsWithNewContentReRunTheGate(TestRepo repo)
    {
        repo.WriteFile(Results, Scaled(Fixture, time: 1.0, allocated: 100));
        File.SetLastWriteTimeUtc(repo.PathOf(Results), DateTime.UtcNow.AddDays(-30));
        var older = Check(repo);
        Assert.True(older.Succeeded, older.Output);
        Assert.True(older.Ran("StandardsBenchmarks"), older.Output);
        repo.WriteFile(Results, Fixture);
    }

    // A baseline that cannot be written (a file where its folder should be) is STD0008 with the setting that moves it.
    private static void AssertAnUnwritableBaselineIsSTD0008(TestRepo repo)
    {
        repo.WriteFile("blocked", "a file where the folder should be");
        var unwritable = Check(repo, "-p:StandardsUpdateBenchmarkBaseline=true", "-p:StandardsBenchmarkBaselineFile=" + repo.PathOf("blocked/baseline.json"));
        Assert.False(unwritable.Succeeded);
        var error = Assert.Single(unwritable.WithCode("STD0008"));
        Assert.Contains("StandardsBenchmarkBaselineFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(unwritable.Messages, m => m.Text.StartsWith("Standards: recorded ", StringComparison.Ordinal));
        Assert.Empty(unwritable.WithCode("STD0000"));
    }

    private static BuildResult Check(TestRepo repo, params string[] extra) =>
        repo.Build(Benchmarks, ci: false, ["--no-restore", "-t:StandardsBenchmarks", .. extra]);

    /// <summary>The fixture with every time scaled and every allocation set.</summary>
    private static string Scaled(string fixture, double time, long allocated)
    {
        var root = JsonNode.Parse(fixture)!.AsObject();
        foreach (var benchmark in root["Benchmarks"]!.AsArray())
        {
            benchmark!["Memory"]!["BytesAllocatedPerOperation"] = allocated;
            foreach (var m in benchmark["Measurements"]!.AsArray())
            {
                m!["Nanoseconds"] = m["Nanoseconds"]!.GetValue<double>() * time;
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
