using System.Diagnostics;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards adopt` end to end on fixture repo (a), tests/fixtures/adopt-library: a fluent guard library
/// multi-targeting net8.0 and netstandard2.0, its tests under test/ (net10.0: the only runtime this machine has to
/// run them), a vendored folder, inline package versions, no central package management, no global.json, and
/// TreatWarningsAsErrors in Directory.Build.props. The tool is installed as a local tool from the test feed, as a
/// user installs it, at the SDK's version.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class AdoptCommandTests(ITestOutputHelper output)
{
    private const string Guard = "src/Fluent.Guard/Guard.cs";

    [Fact]
    public void Adopt_takes_the_library_to_a_green_CI_build_new_findings_fail_and_fixed_ones_leave_the_baselines()
    {
        using var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.DeleteFile("global.json");
        CopyFixture(repo);
        repo.Git("init", "-q");
        InstallTool(repo);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Fluent.Guard before adoption");

        // The tool is the SDK's version: packed together, installed from the same feed.
        var version = repo.Dotnet(["standards", "--version"], ci: false);
        Assert.Equal(repo.Sdk.Version, version.Output.Trim());

        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false);
        output.WriteLine($"dotnet standards adopt: {watch.Elapsed.TotalSeconds:F1} s\n{adopt.Output}");
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("src/Fluent.Guard/Fluent.Guard.csproj: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\"", adopt.Output, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"\"Standards.Sdk\": \"{repo.Sdk.Version}\"", repo.ReadFile("global.json"), StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"System.Text.Json\" Version=\"9.0.0\" />", repo.ReadFile("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.True(repo.Exists("src/Fluent.Guard/packages.lock.json") && repo.Exists("test/Fluent.Guard.UnitTests/packages.lock.json"));
        var codeBaseline = repo.ReadFile("standards-code-baseline.json");
        foreach (var recorded in new[] { "CA1305", "CS8602", "CS1591" })
        {
            Assert.Contains($"\"id\": \"{recorded}\", \"file\": \"{Guard}\"", codeBaseline, StringComparison.Ordinal);
        }

        Assert.Contains("\"code\": \"STD3001\"", repo.ReadFile("standards-baseline.json"), StringComparison.Ordinal);
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
        var test = repo.Dotnet(["test", "-tl:off"], ci: true);
        Assert.True(test.Succeeded, test.Output);

        // A new violation of each kind fails: analyzer (CA1305), nullable (CS8602), ours (STD1006), layout (STD3001).
        var source = repo.ReadFile(Guard);
        repo.WriteFile(Guard, source + """

            /// <summary>Planted.</summary>
            public static class Planted
            {
                /// <summary>Planted.</summary>
                public static int Parse(string text) => int.Parse(text);

                /// <summary>Planted.</summary>
                public static int Length(string? text) => text.Length; // TODO: planted
            }
            """);
        repo.DeleteFile("README.md");
        var planted = repo.Build(ci: true);
        Assert.False(planted.Succeeded);
        var codes = planted.Errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["CA1305", "CS8602", "STD1006", "STD3001"], codes);
        Assert.All(planted.Errors.Where(e => e.Code is "CA1305" or "CS8602" or "STD1006"), e => Assert.True(e.Line > source.Split('\n').Length, $"{e.Code} at line {e.Line} is not in the planted code"));
        repo.Git("checkout", "--", ".");

        // Fixing baselined findings: the repo checks report the fixed entry (STD3902, so CI asks for its removal);
        // a re-run of the command drops both the repo and the code entries, and CI is green again.
        repo.WriteFile(Guard, source.Replace("low.ToString() + \"..\" + high.ToString()", "low.ToString(CultureInfo.InvariantCulture) + \"..\" + high.ToString(CultureInfo.InvariantCulture)", StringComparison.Ordinal));
        repo.WriteFile("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n- Adopted Standards.Sdk.\n");
        var fixedBuild = repo.Build(ci: true);
        Assert.Equal(["STD3902"], fixedBuild.Errors.Select(e => e.Code).Distinct());
        var codeEntries = Count(codeBaseline, "\"id\": ");
        var again = repo.Dotnet(["standards", "adopt", "--allow-dirty"], ci: false);
        output.WriteLine(again.Output);
        Assert.True(again.Succeeded, again.Output);
        Assert.Contains("fixed, removed: STD3001 CHANGELOG.md", again.Output, StringComparison.Ordinal);
        Assert.Contains($"fixed, removed: CA1305 {Guard}", again.Output, StringComparison.Ordinal);
        Assert.Equal(codeEntries - 1, Count(repo.ReadFile("standards-code-baseline.json"), "\"id\": "));
        Assert.DoesNotContain("CHANGELOG.md", repo.ReadFile("standards-baseline.json"), StringComparison.Ordinal);
        var green = repo.Build(ci: true);
        Assert.True(green.Succeeded, green.ToString());
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    private static void CopyFixture(TestRepo repo)
    {
        var fixture = Path.Combine(RepoPaths.Root, "tests", "fixtures", "adopt-library");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            repo.WriteFile(Path.GetRelativePath(fixture, file), File.ReadAllText(file));
        }
    }

    private static void InstallTool(TestRepo repo)
    {
        var manifest = repo.Dotnet(["new", "tool-manifest"], ci: false);
        Assert.True(manifest.Succeeded, manifest.Output);
        var install = repo.Dotnet(["tool", "install", "Standards.Tool", "--version", repo.Sdk.Version], ci: false);
        Assert.True(install.Succeeded, install.Output);
    }
}
