using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The README's quick start for a new repo, run as written, on a machine whose NuGet and template configuration it
/// sets up itself: the feed is given once (the commands carry it into the repo's nuget.config), the template pack
/// installs without an error or warning line, the first CI-mode build of the new repo is green, and the
/// <c>dotnet standards</c> tool its manifest pins restores and runs.
/// </summary>
public sealed partial class QuickStartTests
{
    /// <summary>The organisation's feed as the README writes it; the test gives the run's feed in its place.</summary>
    private const string DocumentedFeed = "https://pkgs.example.com/your-org/index.json";

    [Fact]
    public void The_new_repo_quick_start_runs_as_written_and_its_first_CI_build_is_green()
    {
        var sdk = PackedSdk.Instance;
        var block = QuickStartBlock();
        Assert.Contains(DocumentedFeed, block, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet nuget add source", block, StringComparison.Ordinal);

        // The run's feed as a URL, and the run's version: its pack is a prerelease, and no other feed's
        // Standards.Templates may be the one installed.
        var script = block
            .Replace(DocumentedFeed, new Uri(sdk.Feed + Path.DirectorySeparatorChar).AbsoluteUri, StringComparison.Ordinal)
            .Replace("dotnet new install Standards.Templates ", $"dotnet new install Standards.Templates@{sdk.Version} ", StringComparison.Ordinal);
        var work = PackedSdk.NewTempDirectory("quick-start");
        try
        {
            var environment = new Dictionary<string, string?>(sdk.BuildEnvironment)
            {
                // Its own template hive and tool state (dotnet's home), not the machine user's.
                ["DOTNET_CLI_HOME"] = Path.Combine(work, "home"),
                ["GIT_AUTHOR_NAME"] = "Standards Tests",
                ["GIT_AUTHOR_EMAIL"] = "tests@example.invalid",
                ["GIT_COMMITTER_NAME"] = "Standards Tests",
                ["GIT_COMMITTER_EMAIL"] = "tests@example.invalid",
                ["CI"] = null,
            };
            var result = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-euo", "pipefail", "-c", script], work, environment, TimeSpan.FromMinutes(20)));

            Assert.True(result.ExitCode == 0, $"The quick start failed (exit {result.ExitCode}):\n{script}\n---\n{result.Output}");
            Assert.Empty(ProblemLines().Matches(result.Output).Select(m => m.Value));
            // The templates were installed: the repo was generated, with the feed in its nuget.config only.
            var repo = Path.Combine(work, "Acme.Widgets");
            Assert.Contains(new Uri(sdk.Feed + Path.DirectorySeparatorChar).AbsoluteUri, File.ReadAllText(Path.Combine(repo, "nuget.config")), StringComparison.Ordinal);
            // The tool of the SDK's version, from the repo's manifest.
            Assert.Contains($"\"version\": \"{sdk.Version}\"", File.ReadAllText(Path.Combine(repo, ".config", "dotnet-tools.json")), StringComparison.Ordinal);
            // `dotnet standards --help`: the usage and the command list of the tool.
            Assert.True(result.Output.Contains("Usage:", StringComparison.Ordinal), $"No usage from `dotnet standards --help`:\n{result.Output}");
            Assert.Matches(@"(?m)^\s+adopt\b", result.Output);
            Assert.Matches(@"(?m)^\s+update\b", result.Output);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first bash block after the README's "A new repo" paragraph.</summary>
    private static string QuickStartBlock()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("**A new repo: `dotnet new std-lib`**", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no quick start for a new repo");
        var open = readme.IndexOf("```bash\n", start, StringComparison.Ordinal) + "```bash\n".Length;
        var close = readme.IndexOf("```", open, StringComparison.Ordinal);
        return readme[open..close];
    }

    /// <summary>An error or warning line of the template engine (<c>Error: Failed to load template</c>), NuGet or MSBuild.</summary>
    [GeneratedRegex(@"^(Error|Warning):.*$|^.*: (error|warning) [A-Z]+\d+.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ProblemLines();
}
