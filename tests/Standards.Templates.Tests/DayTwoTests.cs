using System.Text.Json;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// Day two end to end, on two packed releases (<see cref="TwoReleases"/>: B lowers STD1001's default limit and
/// changes two template files): a std-lib repo generated from A upgrades to B green, with the findings that are new
/// under B baselined and the changelog naming the rule; a std-lib repo generated from A with the team's edits
/// updates to B's templates with those edits kept and one conflict where both changed the same line.
/// </summary>
[Collection(TwoReleasesCollectionDefinition.Name)]
public sealed class DayTwoTests(TwoReleases releases, ITestOutputHelper output)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(40);

    [Fact]
    public void A_repo_on_release_A_upgrades_to_B_green_with_the_new_findings_baselined_and_the_rule_in_the_changelog()
    {
        var repo = Generate("Acme.Upgraded");
        try
        {
            var upgrade = Tool(repo, "upgrade", "--to", releases.VersionB, "--grace", "30");
            Assert.True(upgrade.ExitCode == 0, upgrade.Output);
            Assert.Contains($"\"Standards.Sdk\": \"{releases.VersionB}\"", repo.Read("global.json"), StringComparison.Ordinal);
            Assert.Contains($"\"version\": \"{releases.VersionB}\"", repo.Read(".config/dotnet-tools.json"), StringComparison.Ordinal);

            var changelog = repo.Read("artifacts/standards/upgrade.md");
            Assert.Contains($"# Standards.Sdk {releases.A.Version} -> {releases.VersionB}", changelog, StringComparison.Ordinal);
            Assert.Contains($"- STD1001 `maxLines`: 50 -> {TwoReleases.StricterMaxLines}", changelog, StringComparison.Ordinal);
            Assert.Matches(@"\n- STD1001: [1-9][0-9]* \(", changelog);
            Assert.DoesNotContain("## Not baselined", changelog, StringComparison.Ordinal);
            var recorded = CodeBaselineIds(repo);
            Assert.Contains("STD1001", recorded);

            // Each entry the upgrade added expires after the grace period, with a reason naming the upgrade.
            var codeBaseline = repo.Read("standards-code-baseline.json");
            var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var dated = $"\"reason\": \"new under Standards.Sdk {releases.VersionB} (dotnet standards upgrade from {releases.A.Version})\", \"expires\": \"{expires}\" }}";
            Assert.Equal(Count(codeBaseline, "\"id\": \"STD1001\""), Count(codeBaseline, dated));

            // The CI build on B, as the repo's pipeline runs it, is green with the new baselines.
            GeneratedRepo.Git(repo.Root, "add", "-A");
            GeneratedRepo.Git(repo.Root, "commit", "-q", "-m", "Standards.Sdk " + releases.VersionB);
            var restore = repo.Restore();
            Assert.True(restore.Succeeded, restore.Output);
            var build = repo.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.Empty(build.Errors);

            // Past the date, the entries suppress nothing: STD1001 fails CI again and STD3051 names each entry.
            File.WriteAllText(repo.PathOf("standards-code-baseline.json"), codeBaseline.Replace($"\"expires\": \"{expires}\"", "\"expires\": \"2000-01-01\"", StringComparison.Ordinal));
            var expired = repo.Build();
            Assert.False(expired.Succeeded);
            Assert.Equal(["STD1001", "STD3051"], expired.Errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal));
            Assert.Contains(expired.Errors, e => e.Code == "STD3051" && e.Message.Contains("expired on 2000-01-01", StringComparison.Ordinal));
        }
        finally
        {
            repo.Delete();
        }
    }

    [Fact]
    public void A_repo_generated_from_A_updates_to_Bs_templates_keeping_its_edits_with_one_conflict_and_check_fails_until_it_is_resolved()
    {
        const string Overlap = "Copy this file to `docs/design/<area>/<kebab-case-title>.md` and open it as a draft pull request.";
        var repo = Generate("Acme.Drifted");
        try
        {
            // The changed line goes on after the part both sides change: the conflict holds the whole line.
            var generated = repo.Read("docs/design/TEMPLATE.md");
            var lineAt = generated.IndexOf(TwoReleases.CopyLineA, StringComparison.Ordinal);
            var rest = generated[(lineAt + TwoReleases.CopyLineA.Length)..generated.IndexOf('\n', lineAt)];
            Edit(repo, "SECURITY.md", "Do not open a public issue for a security problem.", "Do not open a public issue or discussion for a security problem.");
            Edit(repo, "README.md", "\n", "\nOur team's note.\n");
            Edit(repo, "docs/design/TEMPLATE.md", TwoReleases.CopyLineA, Overlap);
            GeneratedRepo.Git(repo.Root, "commit", "-q", "-am", "The team's edits");

            var behind = Tool(repo, "update", "--check");
            Assert.True(behind.ExitCode == 1, behind.Output);
            Assert.Contains($"Behind: std-lib {releases.A.Version} -> {releases.VersionB}", behind.Output, StringComparison.Ordinal);

            var update = Tool(repo, "update", "--to", releases.VersionB);
            Assert.True(update.ExitCode == 1, update.Output);
            Assert.Matches(@"merged +SECURITY\.md\n", update.Output);
            Assert.Matches(@"conflict +docs/design/TEMPLATE\.md  \[STD7535\]", update.Output);
            Assert.Single(update.Output.Split('\n'), l => l.Contains("[STD7535]", StringComparison.Ordinal));

            var security = repo.Read("SECURITY.md");
            Assert.Contains("Do not open a public issue or discussion for a security problem.", security, StringComparison.Ordinal);
            Assert.Contains(TwoReleases.AcknowledgementB, security, StringComparison.Ordinal);
            Assert.Contains(TwoReleases.AddedLine, security, StringComparison.Ordinal);
            Assert.DoesNotContain("<<<<<<<", security, StringComparison.Ordinal);
            Assert.Contains("Our team's note.", repo.Read("README.md"), StringComparison.Ordinal);
            var design = repo.Read("docs/design/TEMPLATE.md");
            Assert.Contains("<<<<<<< docs/design/TEMPLATE.md (yours)\n" + Overlap + rest + "\n=======\n" + TwoReleases.CopyLineB + rest + "\n>>>>>>> docs/design/TEMPLATE.md (template now)\n", design, StringComparison.Ordinal);
            Assert.Contains($"\"version\": \"{releases.VersionB}\"", repo.Read(".standards/template-record.json"), StringComparison.Ordinal);

            var unresolved = Tool(repo, "update", "--check");
            Assert.True(unresolved.ExitCode == 1, unresolved.Output);
            Assert.Contains("docs/design/TEMPLATE.md  [STD7535]", unresolved.Output, StringComparison.Ordinal);

            File.WriteAllText(repo.PathOf("docs/design/TEMPLATE.md"), design.Replace("<<<<<<< docs/design/TEMPLATE.md (yours)\n", string.Empty, StringComparison.Ordinal)
                .Replace("\n=======\n" + TwoReleases.CopyLineB + rest + "\n>>>>>>> docs/design/TEMPLATE.md (template now)\n", "\n", StringComparison.Ordinal));
            GeneratedRepo.Git(repo.Root, "commit", "-q", "-am", "Templates of " + releases.VersionB);
            var resolved = Tool(repo, "update", "--check");
            Assert.True(resolved.ExitCode == 0, resolved.Output);
        }
        finally
        {
            repo.Delete();
        }
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    private static void Edit(GeneratedRepo repo, string file, string from, string to)
    {
        var text = repo.Read(file);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no '{from}'");
        File.WriteAllText(repo.PathOf(file), string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    private static List<string> CodeBaselineIds(GeneratedRepo repo)
    {
        using var document = JsonDocument.Parse(repo.Read("standards-code-baseline.json"));
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Distinct()];
    }

    /// <summary>std-lib generated from release A, Standards.* from the feed of both releases, the tool of A (which the generated tool manifest pins) restored.</summary>
    private GeneratedRepo Generate(string name)
    {
        var repo = GeneratedRepo.Generate("std-lib", name, releases.Feed, ["--ci", "none"]);
        Assert.Contains($"\"version\": \"{releases.A.Version}\"", repo.Read(".config/dotnet-tools.json"), StringComparison.Ordinal);
        var restore = repo.Dotnet(["tool", "restore"], ci: false);
        Assert.True(restore.Succeeded, restore.Output);
        return repo;
    }

    /// <summary>`dotnet standards &lt;arguments&gt;` in the repo, outside CI mode, as a person runs it.</summary>
    private BuildResult Tool(GeneratedRepo repo, params string[] arguments)
    {
        var result = HeavyWork.Run(() => DotnetCommand.Run(["standards", .. arguments], repo.Root, GeneratedRepo.Environment, repo.BinaryLogFolder, ToolTimeout));
        output.WriteLine($"dotnet standards {string.Join(' ', arguments)}: exit {result.ExitCode}, {result.Elapsed?.TotalSeconds:F1} s\n{result.Output}");
        return result;
    }
}
