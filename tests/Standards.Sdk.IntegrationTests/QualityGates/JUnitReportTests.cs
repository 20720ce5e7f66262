using System.Xml.Linq;

namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// The JUnit reports GitLab reads (docs/ci.md#test-reports), on real `dotnet test --logger trx --results-directory`
/// runs of two test projects in parallel (-m) writing into one folder: each project's report holds exactly its own
/// tests, a second run converts only what it wrote, and a TRX file of the run that cannot be read is STD8001 with
/// its file and line, never MSB4018.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class JUnitReportTests
{
    private const string Results = "artifacts/test-results";

    private static readonly (string Class, string Name)[] ATests =
    [
        ("Samples.A.Tests.ATests", "A_maps_the_sign(x: -1, expected: 2)"),
        ("Samples.A.Tests.ATests", "A_maps_the_sign(x: 1, expected: 1)"),
    ];

    private static readonly (string Class, string Name)[] BTests = [("Samples.B.Tests.BTests", "B_of_a_positive_number_is_3")];

    [Fact]
    public void Each_test_project_of_a_parallel_run_writes_a_junit_report_of_exactly_its_own_tests()
    {
        using var repo = CoverageRepos.Create("""{ "coverage": { "line": 30, "branch": 20 } }""");

        var reports = FirstRunWritesOneReportPerProject(repo);
        SecondRunAddsReportsAndLeavesTheFirst(repo, reports);
        TruncatedTrxOfTheRunIsAWarningAtItsLine(repo);
        FailedRunIsConvertedByTheTargetAlone(repo);
    }

    /// <summary>A first run: one report per project, each of exactly its own tests.</summary>
    private static List<(string File, string Suite, (string Class, string Name)[] Tests)> FirstRunWritesOneReportPerProject(TestRepo repo)
    {
        var first = Test(repo);
        Assert.True(first.Succeeded, first.Output);
        var reports = Reports(repo);
        Assert.Equal(2, reports.Count);
        Assert.Equal(ATests, reports.Single(r => r.Suite == "A.Tests").Tests);
        Assert.Equal(BTests, reports.Single(r => r.Suite == "B.Tests").Tests);
        Assert.Single(first.MessagesContaining("Standards: JUnit report of A.Tests: 2 tests, 0 failed, 0 skipped"));
        Assert.Single(first.MessagesContaining("Standards: JUnit report of B.Tests: 1 tests, 0 failed, 0 skipped"));
        return reports;
    }

    /// <summary>A second run into the same folder: two more reports, the first two left as they were.</summary>
    private static void SecondRunAddsReportsAndLeavesTheFirst(TestRepo repo, List<(string File, string Suite, (string Class, string Name)[] Tests)> reports)
    {
        var before = reports.ToDictionary(r => r.File, r => repo.ReadFile(r.File));
        var second = Test(repo, "--no-build");
        Assert.True(second.Succeeded, second.Output);
        var now = Reports(repo);
        Assert.Equal(4, now.Count);
        Assert.All(before, b => Assert.Equal(b.Value, repo.ReadFile(b.Key)));
        var added = now.Where(r => !before.ContainsKey(r.File)).ToList();
        Assert.Equal(ATests, added.Single(r => r.Suite == "A.Tests").Tests);
        Assert.Equal(BTests, added.Single(r => r.Suite == "B.Tests").Tests);
    }

    /// <summary>
    /// A TRX file written during A.Tests' run that names its assembly but is cut short: STD8001 at its line, once,
    /// and both projects' own reports are still written.
    /// </summary>
    private static void TruncatedTrxOfTheRunIsAWarningAtItsLine(TestRepo repo)
    {
        repo.WriteFile("tests/A.Tests/PlantedTests.cs", """
            namespace Samples.A.Tests;

            public class PlantedTests
            {
                [Xunit.Fact]
                public void Leaves_a_truncated_trx_file() =>
                    System.IO.File.WriteAllText(
                        System.IO.Path.Combine(System.AppContext.BaseDirectory, "../../../../../artifacts/test-results/planted.trx"),
                        "<TestRun>\n<TestDefinitions>\n<UnitTest id=\"t\" storage=\"" + typeof(PlantedTests).Assembly.Location + "\"");
            }

            """);
        // A new source file is no restore input: the run builds on the first run's restore.
        var planted = Test(repo, "--no-restore");
        Assert.True(planted.Succeeded, planted.Output);
        var warning = Assert.Single(planted.WithCode("STD8001"));
        Assert.Equal(("planted.trx", 3, "warning"), (warning.FileName, warning.Line, warning.Severity));
        Assert.EndsWith("A.Tests.csproj", warning.Project, StringComparison.Ordinal);
        Assert.Empty(planted.WithCode("MSB4018"));
        Assert.Empty(planted.WithCode("STD0000"));
        Assert.Equal(6, Reports(repo).Count);
        Assert.False(repo.Exists($"{Results}/planted.junit.xml"));
        repo.DeleteFile("tests/A.Tests/PlantedTests.cs");
    }

    /// <summary>
    /// A failing test fails the VSTest target, and MSBuild runs nothing after a failed target: that run leaves only
    /// its TRX file. The target on its own (GitLab's after_script) converts it, with the failure's message and stack.
    /// </summary>
    private static void FailedRunIsConvertedByTheTargetAlone(TestRepo repo)
    {
        repo.WriteFile("tests/B.Tests/FailingTests.cs", """
            namespace Samples.B.Tests;

            public class FailingTests
            {
                [Xunit.Fact]
                public void Fails_on_purpose() => Xunit.Assert.Fail("failed on purpose");
            }

            """);
        var failing = Test(repo, "--no-restore");
        Assert.False(failing.Succeeded);
        var converted = repo.Dotnet(["build", repo.PathOf(CoverageRepos.Solution), "-nologo", "-nr:false", "--no-restore", "-t:StandardsJUnitReport", "-p:VSTestLogger=trx", $"-p:VSTestResultsDirectory={Results}"], ci: false);
        Assert.True(converted.Succeeded, converted.Output);
        var latest = Reports(repo);
        Assert.Equal(8, latest.Count);
        var failed = XDocument.Load(repo.PathOf(latest.Single(r => r.Tests.Any(t => t.Name == "Fails_on_purpose")).File))
            .Descendants("testcase").Single(c => (string?)c.Attribute("name") == "Fails_on_purpose");
        Assert.Equal("Samples.B.Tests.FailingTests", (string?)failed.Attribute("classname"));
        Assert.Contains("failed on purpose", failed.Element("failure")?.Value ?? string.Empty, StringComparison.Ordinal);
    }

    private static BuildResult Test(TestRepo repo, params string[] extra) =>
        repo.Dotnet(["test", repo.PathOf(CoverageRepos.Solution), "-nologo", "-nr:false", "-m:2", "--logger", "trx", "--results-directory", Results, .. extra], ci: false);

    /// <summary>The JUnit reports in the results folder, each beside the TRX file it was written from.</summary>
    private static List<(string File, string Suite, (string Class, string Name)[] Tests)> Reports(TestRepo repo)
    {
        var reports = new List<(string, string, (string, string)[])>();
        foreach (var path in Directory.GetFiles(repo.PathOf(Results), "*.junit.xml"))
        {
            var file = Path.GetRelativePath(repo.Root, path).Replace('\\', '/');
            Assert.True(File.Exists(path[..^".junit.xml".Length] + ".trx"), $"{file} has no TRX file beside it");
            var root = XDocument.Load(path).Root!;
            Assert.Equal("testsuites", root.Name.LocalName);
            var suite = Assert.Single(root.Elements("testsuite"));
            var tests = suite.Elements("testcase")
                .Select(c => ((string)c.Attribute("classname")!, (string)c.Attribute("name")!))
                .OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(tests.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("tests"));
            reports.Add((file, (string)suite.Attribute("name")!, tests));
        }

        return reports;
    }
}
