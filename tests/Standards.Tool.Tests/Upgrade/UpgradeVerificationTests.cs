using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;
using Standards.Tool.Commands.Upgrade;

namespace Standards.Tool.Tests.Upgrade;

/// <summary>
/// Upgrade's restore and builds on the new version (adopt's, in a copy of the repo), with git real and dotnet
/// scripted: the copy's restore reads the repo's relative feed as an absolute path of the repo's; a build that did
/// not build the repo (the SDK not found) or compiled nothing is a coded error; a CI build that stays red writes
/// nothing. In each failing case the repo keeps every byte.
/// </summary>
public sealed class UpgradeVerificationTests : IDisposable
{
    private const string Project = "src/A/A.csproj";
    private readonly string parent = Path.Combine(Path.GetTempPath(), "upgrade-verify-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ScriptedBuilds dotnet = new();

    public UpgradeVerificationTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, ".config"));
        Directory.CreateDirectory(Path.Combine(Root, "src", "A"));
        File.WriteAllText(Path.Combine(Root, "global.json"), "{ \"msbuild-sdks\": { \"Standards.Sdk\": \"1.0.0\" } }\n");
        File.WriteAllText(Path.Combine(Root, ".config", "dotnet-tools.json"), "{ \"version\": 1, \"tools\": { \"standards.tool\": { \"version\": \"1.0.0\", \"commands\": [\"dotnet-standards\"] } } }\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"../feed\" />\n  </packageSources>\n</configuration>\n");
        File.WriteAllText(Path.Combine(Root, Project), "<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(Root, "src", "A", "Class1.cs"), "namespace A;\n\npublic sealed class Class1 : Missing { }\n");
    }

    private string Root => Path.Combine(parent, "repo");

    public void Dispose() => Directory.Delete(parent, recursive: true);

    private UpgradeResult Run() =>
        new Upgrader(dotnet, new UpgraderFeeds(), TextWriter.Null).Run(new UpgradeOptions(Root, "1.1.0"));

    private Dictionary<string, byte[]> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllBytes, StringComparer.Ordinal);

    private static string SurveyLine(string workspace) =>
        $"  Standards survey: {workspace}/{Project} [net10.0] TreatWarningsAsErrors=false WarningsAsErrors= WarningsNotAsErrors= ErrorsConfig={workspace}/obj/none.globalconfig";

    [Fact]
    public void The_copys_restore_reads_the_repos_relative_feed_as_the_repo_does_and_the_user_config_keeps_its_bytes()
    {
        var config = File.ReadAllBytes(Path.Combine(Root, "nuget.config"));
        dotnet.Build = (workspace, survey) => (0, survey ? SurveyLine(workspace) : string.Empty);

        var result = Run();

        Assert.True(result.Written);
        Assert.Contains("\"Standards.Sdk\": \"1.1.0\"", File.ReadAllText(Path.Combine(Root, "global.json")), StringComparison.Ordinal);
        Assert.Contains($"<add key=\"local\" value=\"{Path.Combine(parent, "feed")}\" />", dotnet.RestoredWith, StringComparison.Ordinal);
        Assert.Equal(config, File.ReadAllBytes(Path.Combine(Root, "nuget.config")));
    }

    [Theory]
    [InlineData("error MSB4236: The SDK 'Standards.Sdk/1.1.0' specified could not be found.", "MSB4236")]
    [InlineData("error NETSDK1004: Assets file 'obj/project.assets.json' not found. Run a NuGet package restore to generate this file.", "NETSDK1004")]
    [InlineData("error MSB4019: The imported project \"/elsewhere/Shared.props\" was not found.", "MSB4019")]
    public void A_build_that_did_not_build_the_repo_is_STD7516_and_the_repo_keeps_every_byte(string error, string code)
    {
        var before = Files();
        dotnet.Build = (workspace, _) => (1, $"{workspace}/{Project} : {error} [{workspace}/{Project}]");

        var ex = Assert.Throws<ToolException>(Run);

        Assert.Equal((ToolRuleIds.BuildDidNotRun, Project), (ex.Code, ex.File));
        Assert.StartsWith($"The survey build did not build the repo, so it measured nothing: {Project}: {code}: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_restore_that_skipped_a_project_is_STD7516_though_it_exits_0()
    {
        var before = Files();
        dotnet.Restore = workspace => (0, $"{workspace}/{Project} : warning NU1503: Skipping restore for project '{workspace}/{Project}'. The project file may be invalid or missing targets required for restore.");

        var ex = Assert.Throws<ToolException>(Run);

        Assert.Equal(ToolRuleIds.BuildDidNotRun, ex.Code);
        Assert.StartsWith($"`dotnet restore` did not build the repo, so it measured nothing: {Project}: NU1503: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_survey_build_that_compiled_nothing_and_reported_nothing_is_STD7517_not_no_new_findings()
    {
        var before = Files();
        dotnet.Build = (_, _) => (0, string.Empty);

        var ex = Assert.Throws<ToolException>(Run);

        Assert.Equal(ToolRuleIds.NothingAnalysed, ex.Code);
        Assert.Contains($"compiled the code of none of the 1 project(s) on Standards.Sdk, so there is nothing to count: {Project}: not analysed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_ci_build_that_stays_red_on_the_new_version_writes_nothing_and_the_changelog_says_so()
    {
        var before = Files();
        dotnet.Build = (workspace, survey) =>
            (1, (survey ? SurveyLine(workspace) + "\n" : string.Empty) + $"{workspace}/src/A/Class1.cs(3,29): error CS0246: The type or namespace name 'Missing' could not be found [{workspace}/{Project}]");

        var result = Run();

        Assert.False(result.Green);
        Assert.False(result.Written);
        Assert.Equal(before, Files());
        var changelog = UpgradeChangelog.Markdown(result);
        Assert.Contains("Made by `dotnet standards upgrade` (nothing was written: the CI build on the new version fails on what is listed under Not baselined).", changelog, StringComparison.Ordinal);
        Assert.Contains("- CS0246 src/A/Class1.cs(3): a compiler error", changelog, StringComparison.Ordinal);
    }

    /// <summary>
    /// The signal arrives while the last command (the tests) runs, and that command still ends normally: the upgrade,
    /// green on the new version, is cancelled before it writes the repo.
    /// </summary>
    [Fact]
    public void A_signal_during_the_last_command_writes_nothing()
    {
        var before = Files();
        dotnet.Build = (workspace, survey) => (0, survey ? SurveyLine(workspace) : string.Empty);
        using var cancel = new CancellationTokenSource();
        dotnet.Test = cancel.Cancel;

        Assert.Throws<OperationCanceledException>(() => new Upgrader(dotnet, new UpgraderFeeds(), TextWriter.Null) { Cancellation = cancel.Token }.Run(new UpgradeOptions(Root, "1.1.0")));
        Assert.Equal(before, Files());
    }

    /// <summary>
    /// Ctrl-C while upgrade restores the local tools (after it wrote the upgrade; the runner ends a command the signal
    /// stopped with <see cref="OperationCanceledException"/>): the same "Cancelled." line and exit code 130 as every
    /// other command and every other point of upgrade.
    /// </summary>
    [Fact]
    public void Ctrl_C_during_the_tool_restore_prints_Cancelled_and_exits_130()
    {
        dotnet.Build = (workspace, survey) => (0, survey ? SurveyLine(workspace) : string.Empty);
        var restored = false;
        dotnet.ToolRestore = () =>
        {
            restored = true;
            throw new OperationCanceledException("`dotnet` was interrupted (exit code 130).");
        };
        var feeds = UpgradeCommand.Feeds;
        UpgradeCommand.Feeds = _ => new UpgraderFeeds();
        try
        {
            var error = new StringWriter();
            var code = CommandLine.Run(["upgrade", Root, "--to", "1.1.0", "--allow-dirty"], TextWriter.Null, error, dotnet);

            Assert.True(restored);
            Assert.Equal((CommandLine.Cancelled, "Cancelled."), (code, error.ToString().Trim()));
        }
        finally
        {
            UpgradeCommand.Feeds = feeds;
        }
    }

    /// <summary>`upgrade --format json` prints one JSON document whatever the outcome: green, red on the new version, nothing to do.</summary>
    [Theory]
    [InlineData(true, null, 0, "ok")]
    [InlineData(false, null, 1, "findings")]
    [InlineData(true, "1.0.0", 0, "ok")]
    public void Json_is_one_document_for_each_outcome(bool green, string? to, int exit, string status)
    {
        dotnet.Build = (workspace, survey) => green
            ? (0, survey ? SurveyLine(workspace) : string.Empty)
            : (1, (survey ? SurveyLine(workspace) + "\n" : string.Empty) + $"{workspace}/src/A/Class1.cs(3,29): error CS0246: The type or namespace name 'Missing' could not be found [{workspace}/{Project}]");
        var feeds = UpgradeCommand.Feeds;
        UpgradeCommand.Feeds = _ => new UpgraderFeeds();
        try
        {
            var output = new StringWriter();
            var code = CommandLine.Run(["upgrade", Root, "--to", to ?? "1.1.0", "--allow-dirty", "--format", "json"], output, TextWriter.Null, dotnet);
            var document = System.Text.Json.Nodes.JsonNode.Parse(output.ToString())!;
            Assert.Equal((exit, exit, status, "upgrade"), (code, (int)document["exitCode"]!, (string?)document["status"], (string?)document["command"]));
            Assert.Equal((to is not null, green && to is null), ((bool)document["result"]!["upToDate"]!, (bool)document["result"]!["written"]!));
        }
        finally
        {
            UpgradeCommand.Feeds = feeds;
        }
    }

    /// <summary>The feeds serve 1.0.0 and 1.1.0 of the SDK and the tool, with the same catalog.</summary>
    private sealed class UpgraderFeeds : IPackageFeeds
    {
        public string Describe(string packageId) => "test (/feed)";

        public IReadOnlyList<FeedVersion> Versions(string packageId) =>
            [new(NuGet.Versioning.NuGetVersion.Parse("1.0.0"), true), new(NuGet.Versioning.NuGetVersion.Parse("1.1.0"), true)];

        public string? ReadFile(string packageId, NuGet.Versioning.NuGetVersion version, string pathInPackage) =>
            "{ \"formatVersion\": 1, \"rules\": [] }";
    }

    /// <summary>git runs for real; dotnet restore, build and test are scripted.</summary>
    private sealed class ScriptedBuilds : ICommandRunner
    {
        private readonly ProcessCommandRunner real = new();

        /// <summary>The restore: exit code and output for the workspace.</summary>
        public Func<string, (int ExitCode, string Output)> Restore { get; set; } = _ => (0, string.Empty);

        /// <summary>A build: exit code and output for the workspace and whether it is the survey build.</summary>
        public Func<string, bool, (int ExitCode, string Output)> Build { get; set; } = (_, _) => (0, string.Empty);

        /// <summary>Called when `dotnet tool restore` runs, which then passes.</summary>
        public Action ToolRestore { get; set; } = () => { };

        /// <summary>Called when `dotnet test` runs, which then passes.</summary>
        public Action Test { get; set; } = () => { };

        /// <summary>The workspace's nuget.config as the restore saw it.</summary>
        public string RestoredWith { get; private set; } = string.Empty;

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            if (command != "dotnet")
            {
                return real.Run(command, arguments, workingDirectory, environment);
            }

            var (exitCode, output) = arguments[0] switch
            {
                "restore" => Restored(workingDirectory),
                "build" => Build(workingDirectory, arguments.Contains("-p:StandardsSurveyBuild=true")),
                "test" => Tested(),
                "tool" => ToolRestored(),
                "--version" => (0, "10.0.100\n"),
                _ => (0, string.Empty),
            };
            return new CommandResult(exitCode, output);
        }

        private (int, string) ToolRestored()
        {
            ToolRestore();
            return (0, string.Empty);
        }

        private (int, string) Tested()
        {
            Test();
            return (0, string.Empty);
        }

        private (int, string) Restored(string workspace)
        {
            RestoredWith = File.ReadAllText(Path.Combine(workspace, "nuget.config"));
            return Restore(workspace);
        }
    }
}
