using NuGet.Versioning;
using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;
using Standards.Tool.Commands.Upgrade;

namespace Standards.Tool.Tests.Upgrade;

public class VersionChoiceTests
{
    private static readonly FeedVersion[] Served =
    [
        new(NuGetVersion.Parse("1.0.0"), true), new(NuGetVersion.Parse("1.1.0"), true), new(NuGetVersion.Parse("1.2.0"), false),
        new(NuGetVersion.Parse("1.3.0-beta.1"), true), new(NuGetVersion.Parse("0.9.0"), true),
    ];

    private static NuGetVersion Choose(string current, string? to, bool downgrade = false) =>
        VersionChoice.Choose(NuGetVersion.Parse(current), Served, to, downgrade, "standards (/feed)");

    [Fact]
    public void Latest_is_the_newest_listed_stable_version_and_a_prerelease_only_from_a_prerelease() =>
        Assert.Equal(("1.1.0", "1.1.0", "1.3.0-beta.1"), (Choose("1.0.0", null).ToNormalizedString(), Choose("1.1.0", null).ToNormalizedString(), Choose("1.3.0-alpha", null).ToNormalizedString()));

    [Fact]
    public void An_unknown_or_unlisted_version_is_STD7511_listing_what_the_feeds_serve()
    {
        var unknown = Assert.Throws<ToolException>(() => Choose("1.0.0", "2.0.0"));
        Assert.Equal(ToolRuleIds.VersionUnavailable, unknown.Code);
        Assert.Equal("Standards.Sdk 2.0.0 is not served by the feeds mapped to it (standards (/feed)). The newest listed: 1.3.0-beta.1, 1.1.0, 1.0.0, 0.9.0. Pick one of those, or publish the version first.", unknown.Message);
        var unlisted = Assert.Throws<ToolException>(() => Choose("1.0.0", "1.2.0"));
        Assert.Equal(ToolRuleIds.VersionUnavailable, unlisted.Code);
        Assert.StartsWith("Standards.Sdk 1.2.0 is unlisted on the feeds", unlisted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_downgrade_is_STD7514_unless_asked_for()
    {
        var ex = Assert.Throws<ToolException>(() => Choose("1.1.0", "1.0.0"));
        Assert.Equal(ToolRuleIds.Downgrade, ex.Code);
        Assert.Equal("global.json", ex.File);
        Assert.Equal("1.0.0", Choose("1.1.0", "1.0.0", downgrade: true).ToNormalizedString());
    }

    [Fact]
    public void A_version_that_is_not_one_is_STD7508() =>
        Assert.Equal(ToolRuleIds.Usage, Assert.Throws<ToolException>(() => Choose("1.0.0", "latest")).Code);
}

public class VersionMovesTests
{
    private const string GlobalJson = "{\n  \"sdk\": { \"version\": \"10.0.401\" },\n  \"msbuild-sdks\": { \"Standards.Sdk\": \"1.0.0\" }\n}\n";
    private const string Manifest = "{\n  \"version\": 1,\n  \"isRoot\": true,\n  \"tools\": {\n    \"standards.tool\": { \"version\": \"1.0.0\", \"commands\": [ \"dotnet-standards\" ] }\n  }\n}\n";
    private const string Props = "<Project>\n  <ItemGroup>\n    <!-- ours -->\n    <PackageVersion Include=\"Standards.Sdk.Testing\"   Version=\"1.0.0\" />\n    <PackageVersion Include=\"Serilog\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n";

    private static Func<string, string?> Repo(Dictionary<string, string> files) => path => files.GetValueOrDefault(path);

    [Fact]
    public void The_sdk_pin_the_tool_and_the_Standards_packages_move_together_and_nothing_else_changes()
    {
        var read = Repo(new() { ["global.json"] = GlobalJson, [".config/dotnet-tools.json"] = Manifest, ["Directory.Packages.props"] = Props });
        var changes = new ChangeSet();
        var lines = new List<string>();
        VersionMoves.Apply(read, NuGetVersion.Parse("1.1.0"), changes, lines);

        Assert.Equal(["global.json: Standards.Sdk 1.0.0 -> 1.1.0", ".config/dotnet-tools.json: Standards.Tool 1.0.0 -> 1.1.0", "Directory.Packages.props: Standards.Sdk.Testing 1.0.0 -> 1.1.0"], lines);
        Assert.Equal(Props.Replace("Testing\"   Version=\"1.0.0\"", "Testing\"   Version=\"1.1.0\"", StringComparison.Ordinal), changes.Get("Directory.Packages.props"));
        Assert.Contains("\"Standards.Sdk\": \"1.1.0\"", changes.Get("global.json"), StringComparison.Ordinal);
        Assert.Contains("\"version\": \"1.1.0\",\n      \"commands\"", changes.Get(".config/dotnet-tools.json"), StringComparison.Ordinal);
        Assert.Equal(
            [new MovedPackage("Standards.Tool", ".config/dotnet-tools.json", "1.0.0"), new MovedPackage("Standards.Sdk.Testing", "Directory.Packages.props", "1.0.0")],
            VersionMoves.Companions(read));
    }

    [Theory]
    [InlineData(null, "STD7513", "there is no global.json")]
    [InlineData("{ \"sdk\": { \"version\": \"10.0.401\" } }", "STD7513", "does not pin Standards.Sdk")]
    [InlineData("{ \"msbuild-sdks\": { \"Standards.Sdk\": \"one\" } }", "STD7505", "not a version")]
    [InlineData("{ \"msbuild-sdks\": ", "STD7505", "not valid JSON")]
    public void A_repo_without_a_readable_pin_is_coded(string? globalJson, string code, string why)
    {
        var ex = Assert.Throws<ToolException>(() => VersionMoves.PinnedSdk(globalJson));
        Assert.Equal((code, "global.json"), (ex.Code, ex.File));
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_tool_manifest_is_STD7505_with_its_line()
    {
        var ex = Assert.Throws<ToolException>(() => VersionMoves.Companions(Repo(new() { [".config/dotnet-tools.json"] = "{\n  \"tools\": {\n" })));
        Assert.Equal((ToolRuleIds.ConfigurationMalformed, ".config/dotnet-tools.json", 3), (ex.Code, ex.File, ex.Line));
    }
}

/// <summary>Feeds serving <paramref name="versions"/>; the SDK package of a version carries its catalog and, when listed in <paramref name="solutionEntry"/>, the solution entry.</summary>
public sealed class FakeFeeds(Dictionary<string, string[]> versions, Dictionary<string, string>? catalogs = null, string[]? solutionEntry = null, Dictionary<string, string>? banned = null) : IPackageFeeds
{
    public string Describe(string packageId) => "test (/feed)";

    public IReadOnlyList<FeedVersion> Versions(string packageId) =>
        [.. versions.GetValueOrDefault(packageId, []).Select(v => new FeedVersion(NuGetVersion.Parse(v), true))];

    public string? ReadFile(string packageId, NuGetVersion version, string pathInPackage) => pathInPackage switch
    {
        RuleCatalogDocument.PackagePath => catalogs?.GetValueOrDefault(version.ToNormalizedString()),
        Upgrader.SolutionEntryPackagePath when solutionEntry?.Contains(version.ToNormalizedString()) == true => "<Project />",
        "config/BannedSymbols.txt" => banned?.GetValueOrDefault(version.ToNormalizedString()),
        _ => null,
    };
}

public sealed class UpgraderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "upgrade-test-" + Guid.NewGuid().ToString("N")[..8]);

    public UpgraderTests()
    {
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        File.WriteAllText(Path.Combine(root, "global.json"), "{ \"msbuild-sdks\": { \"Standards.Sdk\": \"1.0.0\" } }\n");
        File.WriteAllText(Path.Combine(root, ".config", "dotnet-tools.json"), "{ \"version\": 1, \"tools\": { \"standards.tool\": { \"version\": \"1.0.0\", \"commands\": [\"dotnet-standards\"] } } }\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Catalog(params string[] ids) =>
        "{ \"formatVersion\": 1, \"rules\": [" + string.Join(",", ids.Select(id => $"{{ \"id\": \"{id}\", \"title\": \"{id} title\", \"area\": \"a\", \"origin\": \"StandardsTask\", \"severity\": \"warning\" }}")) + "] }";

    private UpgradeResult Run(FakeFeeds feeds, bool dryRun = false, TextWriter? log = null) =>
        new Upgrader(new ScriptedRunner(), feeds, log ?? TextWriter.Null).Run(new UpgradeOptions(root, "1.1.0", DryRun: dryRun, Build: false));

    [Fact]
    public void It_says_each_phase_as_it_starts()
    {
        var log = new StringWriter();
        Run(new FakeFeeds(
            new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
            new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001") }), log: log);
        Assert.Equal(
            ["Finding the Standards.Sdk versions the feeds serve (1.0.0 pinned)...", "Moving to 1.1.0: checking the release is whole and comparing the rule catalogs...", "Writing 2 file(s)...", "Restoring the local tools of .config/dotnet-tools.json (dotnet tool restore)..."],
            log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_pins_move_and_the_changelog_names_the_new_rule()
    {
        var result = Run(new FakeFeeds(
            new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
            new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001", "STD0002") }));

        Assert.True(result.Written);
        Assert.Contains("\"Standards.Sdk\": \"1.1.0\"", File.ReadAllText(Path.Combine(root, "global.json")), StringComparison.Ordinal);
        Assert.Contains("\"version\": \"1.1.0\"", File.ReadAllText(Path.Combine(root, ".config", "dotnet-tools.json")), StringComparison.Ordinal);
        Assert.Equal(["STD0002"], result.Diff!.Added.Select(r => r.Id));
        Assert.Contains("### Rules added\n\n- STD0002 STD0002 title (warning)\n", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
        Assert.Contains("\"added\": [\n    {\n      \"id\": \"STD0002\"", UpgradeChangelog.Json(result), StringComparison.Ordinal);
    }

    /// <summary>Same rules, one more ban: code that compiled fails RS0030 after the upgrade, so the changelog lists it.</summary>
    [Fact]
    public void A_ban_added_or_removed_is_a_policy_change_the_changelog_lists()
    {
        const string Before = "P:System.DateTime.Now;Inject TimeProvider\nM:System.Threading.Thread.Sleep(System.Int32);Use Task.Delay\n";
        const string After = "P:System.DateTime.Now;Inject TimeProvider\n\nP:System.Environment.TickCount;Use TimeProvider.GetTimestamp\n";
        var result = Run(new FakeFeeds(
            new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
            new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001") },
            banned: new() { ["1.0.0"] = Before, ["1.1.0"] = After }), dryRun: true);

        var markdown = UpgradeChangelog.Markdown(result);
        Assert.False(result.Diff!.IsEmpty);
        Assert.DoesNotContain("No rule", markdown, StringComparison.Ordinal);
        Assert.Contains("### APIs banned (RS0030)\n\n- `P:System.Environment.TickCount` (config/BannedSymbols.txt): Use TimeProvider.GetTimestamp\n", markdown, StringComparison.Ordinal);
        Assert.Contains("### APIs no longer banned\n\n- `M:System.Threading.Thread.Sleep(System.Int32)` (config/BannedSymbols.txt)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\"bannedAdded\": [\n    {\n      \"symbol\": \"P:System.Environment.TickCount\"", UpgradeChangelog.Json(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_its_banned_symbols_is_said_not_read_as_no_bans()
    {
        var result = Run(new FakeFeeds(
            new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
            new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001") },
            banned: new() { ["1.1.0"] = "P:System.DateTime.Now;Inject TimeProvider\n" }), dryRun: true);

        Assert.Empty(result.Diff!.BannedAdded);
        Assert.Contains("The banned APIs could not all be compared: the package of Standards.Sdk 1.0.0 carries no config/BannedSymbols.txt", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_rules_and_bans_say_nothing_changed()
    {
        var result = Run(new FakeFeeds(
            new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
            new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001") },
            banned: new() { ["1.0.0"] = "P:System.DateTime.Now;A\n", ["1.1.0"] = "P:System.DateTime.Now;B\n" }), dryRun: true);
        Assert.Contains("No rule, banned API or default was added, removed or changed.", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_with_the_sdk_but_not_the_tool_of_that_version_is_STD7515_and_nothing_is_written()
    {
        var before = File.ReadAllText(Path.Combine(root, "global.json"));
        var ex = Assert.Throws<ToolException>(() => Run(new FakeFeeds(new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0"] })));
        Assert.Equal((ToolRuleIds.PackagesOutOfStep, ".config/dotnet-tools.json"), (ex.Code, ex.File));
        Assert.Equal(before, File.ReadAllText(Path.Combine(root, "global.json")));
    }

    [Fact]
    public void A_package_without_a_catalog_is_said_in_the_changelog_not_read_as_empty()
    {
        var result = Run(new FakeFeeds(new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.1.0"] }, new() { ["1.1.0"] = Catalog("STD0001") }), dryRun: true);
        Assert.False(result.Written);
        Assert.Null(result.Diff);
        Assert.Contains("The rule catalogs could not be compared: the package of Standards.Sdk 1.0.0 carries no catalog/rules.json", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
        Assert.Contains("\"Standards.Sdk\": \"1.0.0\"", File.ReadAllText(Path.Combine(root, "global.json")), StringComparison.Ordinal);
    }

    private static FakeFeeds WithSolutionEntry(params string[] versions) => new(
        new() { ["Standards.Sdk"] = ["1.0.0", "1.1.0"], ["Standards.Tool"] = ["1.0.0", "1.1.0"] },
        new() { ["1.0.0"] = Catalog("STD0001"), ["1.1.0"] = Catalog("STD0001") },
        versions);

    private static string EntryLine(string how) =>
        $"Directory.Solution.targets: {how}: imports Standards.Sdk's solution entry, so the coverage step on a solution (dotnet build <solution> -t:StandardsCoverage) runs in the projects on Standards.Sdk and leaves the others alone";

    [Fact]
    public void A_repo_without_the_solution_entry_gets_the_file_adopt_writes_with_the_pins_and_the_changelog_says_so()
    {
        var log = new StringWriter();
        var result = Run(WithSolutionEntry("1.1.0"), log: log);

        Assert.True(result.Written);
        Assert.Equal(SolutionEntry.Write(null), File.ReadAllText(Path.Combine(root, SolutionEntry.FileName)));
        Assert.Contains("\"Standards.Sdk\": \"1.1.0\"", File.ReadAllText(Path.Combine(root, "global.json")), StringComparison.Ordinal);
        Assert.Contains("Writing 3 file(s)...", log.ToString(), StringComparison.Ordinal);
        Assert.Contains(EntryLine("created"), result.ChangeLines);
        Assert.Contains("\n- " + EntryLine("created") + "\n", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_Directory_Solution_targets_gains_the_import_and_keeps_every_other_byte()
    {
        File.WriteAllText(Path.Combine(root, SolutionEntry.FileName), "<Project>\r\n\t<Target Name=\"Hello\" />\r\n</Project>\r\n");

        var result = Run(WithSolutionEntry("1.1.0"));

        Assert.Equal(
            "<Project>\r\n\t<Target Name=\"Hello\" />\r\n  <Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />\r\n</Project>\r\n",
            File.ReadAllText(Path.Combine(root, SolutionEntry.FileName)));
        Assert.Contains(EntryLine("updated"), result.ChangeLines);
    }

    [Fact]
    public void A_file_that_imports_the_entry_already_is_not_touched_or_listed()
    {
        var path = Path.Combine(root, SolutionEntry.FileName);
        File.WriteAllText(path, SolutionEntry.Write(null));
        var before = File.GetLastWriteTimeUtc(path);
        var log = new StringWriter();

        var result = Run(WithSolutionEntry("1.1.0"), log: log);

        Assert.DoesNotContain(result.ChangeLines, l => l.StartsWith(SolutionEntry.FileName, StringComparison.Ordinal));
        Assert.Contains("Writing 2 file(s)...", log.ToString(), StringComparison.Ordinal);
        Assert.Equal((SolutionEntry.Write(null), before), (File.ReadAllText(path), File.GetLastWriteTimeUtc(path)));
    }

    [Fact]
    public void A_version_without_the_solution_entry_gets_no_import_of_it_and_the_changelog_says_why()
    {
        var result = Run(WithSolutionEntry());

        Assert.True(result.Written);
        Assert.False(File.Exists(Path.Combine(root, SolutionEntry.FileName)));
        Assert.Contains("Directory.Solution.targets: left as it is: Standards.Sdk 1.1.0 has no solution entry (Sdk/Solution.targets) to import", result.ChangeLines);
    }

    [Fact]
    public void A_Directory_Solution_targets_with_no_closing_tag_is_STD7502_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(root, SolutionEntry.FileName), "<Project />\n");
        var before = File.ReadAllText(Path.Combine(root, "global.json"));

        var ex = Assert.Throws<ToolException>(() => Run(WithSolutionEntry("1.1.0")));

        Assert.Equal((ToolRuleIds.ProjectUnparsable, SolutionEntry.FileName, 1), (ex.Code, ex.File, ex.Line));
        Assert.Equal((before, "<Project />\n"), (File.ReadAllText(Path.Combine(root, "global.json")), File.ReadAllText(Path.Combine(root, SolutionEntry.FileName))));
    }

    /// <summary>The tool manifest moved: the tool at its new version is restored, so the next `dotnet standards` runs.</summary>
    [Fact]
    public void Moving_the_tool_restores_it_in_the_repo()
    {
        var runner = new ScriptedRunner();
        var log = new StringWriter();
        new Upgrader(runner, WithSolutionEntry(), log).Run(new UpgradeOptions(root, "1.1.0", Build: false));
        Assert.Contains(("dotnet tool restore", root), runner.Commands);
        Assert.Contains("Restoring the local tools of .config/dotnet-tools.json (dotnet tool restore)...", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_restore_that_fails_is_STD7506_naming_the_manifest_and_what_to_run()
    {
        var runner = new ScriptedRunner { ToolRestore = new(1, "error NU1101: Unable to find package standards.tool. No packages exist with this id in source(s): local") };
        var ex = Assert.Throws<ToolException>(() => new Upgrader(runner, WithSolutionEntry(), TextWriter.Null).Run(new UpgradeOptions(root, "1.1.0", Build: false)));
        Assert.Equal((ToolRuleIds.BuildFailed, ".config/dotnet-tools.json"), (ex.Code, ex.File));
        Assert.Contains("NU1101: Unable to find package standards.tool", ex.Message, StringComparison.Ordinal);
        Assert.Contains("then run `dotnet tool restore`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_restores_nothing()
    {
        var runner = new ScriptedRunner();
        new Upgrader(runner, WithSolutionEntry(), TextWriter.Null).Run(new UpgradeOptions(root, "1.1.0", DryRun: true, Build: false));
        Assert.DoesNotContain(runner.Commands, c => c.Command.StartsWith("dotnet", StringComparison.Ordinal));
    }

    /// <summary>No git here: git fails, so the folder is not a git repo; `dotnet tool restore` answers <see cref="ToolRestore"/>.</summary>
    private sealed class ScriptedRunner : ICommandRunner
    {
        public CommandResult ToolRestore { get; init; } = new(0, "Restore was successful.");

        public List<(string Command, string Folder)> Commands { get; } = [];

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            Commands.Add((string.Join(' ', [command, .. arguments]), workingDirectory));
            return command == "dotnet" && arguments is ["tool", "restore"] ? ToolRestore : new(128, "not a git repository");
        }
    }
}

public class UpgradeCommandTests
{
    [Fact]
    public void The_options_parse_into_the_record()
    {
        var (options, json) = UpgradeCommand.Parse(["repo", "--to", "1.2.0", "--dry-run", "--allow-downgrade", "--format", "json"]);
        Assert.Equal(new UpgradeOptions("repo", "1.2.0", DryRun: true, AllowDirty: false, AllowDowngrade: true), options);
        Assert.True(json);
    }

    [Fact]
    public void Grace_is_90_days_unless_given_and_must_be_from_1_to_3650()
    {
        Assert.Equal(90, UpgradeCommand.Parse(["repo"]).Options.GraceDays);
        Assert.Equal(30, UpgradeCommand.Parse(["repo", "--grace", "30"]).Options.GraceDays);
        foreach (var days in new[] { "0", "3651", "-5" })
        {
            var ex = Assert.Throws<ToolException>(() => UpgradeCommand.Parse(["repo", "--grace", days]));
            Assert.Equal($"--grace is {days}; give a number of days from 1 to 3650.", ex.Message);
        }
    }

    [Theory]
    [InlineData("--to 1.0.0 --latest", "exclude each other")]
    [InlineData("--to", "'--to'")]
    [InlineData("--format xml", "'xml'")]
    [InlineData("--grace", "'--grace'")]
    public void A_wrong_command_line_is_STD7508(string line, string why)
    {
        var ex = Assert.Throws<ToolException>(() => UpgradeCommand.Parse(line.Split(' ')));
        Assert.Equal(ToolRuleIds.Usage, ex.Code);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }
}

public class UpgradeCommandLineTests
{
    [Fact]
    public void A_path_that_is_not_a_folder_is_STD7508_before_any_feed_is_read()
    {
        var error = new StringWriter();
        var code = CommandLine.Run(["upgrade", Path.Combine(Path.GetTempPath(), "no-such-repo-" + Guid.NewGuid().ToString("N"))], TextWriter.Null, error, new ProcessCommandRunner());
        Assert.Equal(2, code);
        Assert.Contains("error STD7508: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not a folder", error.ToString(), StringComparison.Ordinal);
    }
}

public class BaselinedFindingsTests
{
    [Fact]
    public void Only_entries_new_after_the_upgrade_count_per_rule_with_the_top_files()
    {
        CodeEntry[] before = [new("CA1305", "src/A.cs", "h1")];
        CodeEntry[] after =
        [
            new("CA1305", "src/A.cs", "h1"), new("CA1305", "src/A.cs", "h2"), new("CA1305", "src/B.cs", "h3"),
            new("STD1009", "src/A.cs", "h4"), new("STD1009", "src/C.cs", "h5"), new("STD1009", "src/C.cs", "h6"),
            new("STD1009", "src/D.cs", "h7"), new("STD1009", "src/E.cs", "h8"),
        ];
        var repoAfter = new[] { new Standards.Sdk.Checks.Baseline.BaselineEntry("STD3001", "", "CHANGELOG.md is missing") };

        var found = BaselinedFindings.New(before, after, [], repoAfter);

        Assert.Equal(["STD1009:5", "CA1305:2", "STD3001:1"], found.Select(r => $"{r.RuleId}:{r.Count}"));
        Assert.Equal([("src/C.cs", 2), ("src/A.cs", 1), ("src/D.cs", 1)], found[0].TopFiles);
    }

    [Fact]
    public void A_malformed_repo_baseline_is_STD7504() =>
        Assert.Equal(ToolRuleIds.BaselineMalformed, Assert.Throws<ToolException>(() => BaselinedFindings.RepoEntries("{ not json")).Code);

    [Fact]
    public void The_changelog_says_when_no_build_ran_rather_than_reporting_no_findings()
    {
        var result = new UpgradeResult { From = "1.0.0", To = "1.1.0", ChangeLines = [], Written = false, Diff = CatalogDiff.Between([], []) };
        Assert.Contains("## Findings baselined\n\nNo build ran, so no finding was recorded.\n", UpgradeChangelog.Markdown(result), StringComparison.Ordinal);
        Assert.Contains("\"built\": false", UpgradeChangelog.Json(result), StringComparison.Ordinal);
    }
}
