using System.Text.Json;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards survey` end to end on fixture repo (a), whose library multi-targets
/// net462, netstandard2.0, net8.0 and net10.0 and fails in CI mode, so its test project cannot compile until the library's findings
/// are recorded. The tool is installed as a local tool from the test feed.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class SurveyCommandTests(ITestOutputHelper output)
{
    private const string Guard = "src/Fluent.Guard/Guard.cs";
    private const string GuardTests = "test/Fluent.Guard.UnitTests/GuardTests.cs";

    [Fact]
    public void Survey_reports_every_finding_once_by_rule_the_test_project_s_too_and_writes_nothing_but_its_reports()
    {
        using var repo = AdoptionFixtures.Committed(AdoptionFixtures.Library);

        // A nullable warning in the test project, left uncommitted: a survey runs on any tree.
        var tests = repo.ReadFile(GuardTests);
        repo.WriteFile(GuardTests, tests[..tests.LastIndexOf('}')] + """

                [Fact]
                public void Length_of_a_name() => Assert.Equal(4, LengthOf("name"));

                private static int LengthOf(string? text) => text.Length;
            }

            """);
        var plantedLine = repo.ReadFile(GuardTests).Split('\n').ToList().FindIndex(l => l.Contains("text.Length", StringComparison.Ordinal)) + 1;
        var status = repo.Git("status", "--porcelain").Output;

        var survey = repo.Dotnet(["standards", "survey"], ci: false);
        output.WriteLine(survey.Output);
        Assert.True(survey.Succeeded, survey.Output);

        // Nothing in the repo changed but the reports under artifacts/ (which the repo ignores).
        Assert.Equal(status, repo.Git("status", "--porcelain").Output);
        Assert.Equal(repo.ReadFile("global.json"), System.Text.Encoding.UTF8.GetString(AdoptionFixtures.Files(AdoptionFixtures.Library)["global.json"]));
        Assert.False(repo.Exists("standards-code-baseline.json") || repo.Exists("standards-baseline.json") || repo.Exists("src/Fluent.Guard/packages.lock.json"));

        using var sarif = JsonDocument.Parse(repo.ReadFile("artifacts/standards/survey.sarif"));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(Result).ToList();

        // Each finding once, though the library compiles Guard.cs for two target frameworks.
        Assert.Equal(results.Count, results.Distinct().Count());
        Assert.Equal([(40, true), (40, true), (46, true)], results.Where(r => r.Rule == "CA1305").Select(r => (r.Line, r.File == Guard)).Order());
        Assert.Contains(("CS8602", Guard), results.Select(r => (r.Rule, r.File)));

        // The test project compiled in the survey build although its library fails in CI, and its own finding is
        // there; so are the repository checks'.
        Assert.Contains(("CS8602", GuardTests, plantedLine), results.Select(r => (r.Rule, r.File, r.Line)));
        Assert.Contains(("STD3001", "CHANGELOG.md"), results.Select(r => (r.Rule, r.File)));

        // The markdown groups them by rule, with the same counts.
        var markdown = repo.ReadFile("artifacts/standards/survey.md");
        Assert.Contains($"{results.Count} findings", markdown, StringComparison.Ordinal);
        foreach (var rule in results.GroupBy(r => r.Rule))
        {
            Assert.Matches($@"\| \[{rule.Key}\]\([^)]*\) \| {rule.Count()} \|", markdown);
        }

        Assert.Contains($"`{GuardTests}` (1)", markdown, StringComparison.Ordinal);
    }

    /// <summary>A SARIF result's rule and location (file "" and line 0 when it has none).</summary>
    private static (string Rule, string File, int Line, int Column) Result(JsonElement result)
    {
        var rule = result.GetProperty("ruleId").GetString()!;
        if (!result.TryGetProperty("locations", out var locations))
        {
            return (rule, string.Empty, 0, 0);
        }

        var location = locations[0].GetProperty("physicalLocation");
        var file = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        if (!location.TryGetProperty("region", out var region))
        {
            return (rule, file, 0, 0);
        }

        return (rule, file, region.GetProperty("startLine").GetInt32(), region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 0);
    }
}
