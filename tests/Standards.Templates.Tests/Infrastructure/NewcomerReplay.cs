using System.Globalization;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// Replays documented shell blocks on a machine set up as a newcomer's is: a private home (its own NuGet
/// configuration, user secrets, tools and template hive), an empty NuGet packages folder, the Standards feed both in
/// the user NuGet configuration and in the repo's <c>nuget.config</c>, and a PostgreSQL server named by the variables
/// of PostgreSQL's own tools (<c>PGHOST</c>, <c>PGPORT</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>). A block that is not
/// run is named in <see cref="NotRunBlocks"/> with the reason; every other block runs, so a new block in a document
/// is replayed without a change here. Documented placeholders are filled by <see cref="Fill"/>.
/// </summary>
public static class NewcomerReplay
{
    /// <summary>The key of the Standards feed in the replay's user NuGet configuration, as the docs name the organisation's feed.</summary>
    private const string UserLevelFeedKey = "your-org";

    /// <summary>The blocks that cannot run in a test, each with the reason.</summary>
    public static readonly NotRun[] NotRunBlocks =
    [
        new("std-service README.md", "-t:PublishContainer", "pushes an image to a container registry; registry.example.com is an example host"),
        new("std-worker README.md", "-t:PublishContainer", "pushes an image to a container registry; registry.example.com is an example host"),
    ];

    /// <summary>One private packages folder for every replay of the run: empty at first, so the first restore takes every package from the feeds.</summary>
    private static readonly Lazy<string> PackagesFolder = new(() => PackedSdk.NewTempDirectory("replay-gpf"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The run's feed as a file URI, as a <c>nuget.config</c> names it.</summary>
    public static string FeedUri(string feed) => new Uri(feed + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>
    /// The documented placeholders of <paramref name="document"/> filled with the run's values: the organisation's
    /// feed (<paramref name="feed"/>), the version of a package the docs install without one or with an example
    /// one (the run's packages are prereleases, which NuGet takes only when named), and BenchmarkDotNet's job.
    /// </summary>
    public static string Fill(string document, string text, string feed)
    {
        ArgumentNullException.ThrowIfNull(text);
        var version = PackedSdk.Instance.Version;
        (string Document, string Text, string Value)[] placeholders =
        [
            ("README.md", "https://pkgs.example.com/your-org/index.json", FeedUri(feed)),
            ("README.md", "dotnet new install Standards.Templates ", $"dotnet new install Standards.Templates@{version} "),
            ("README.md", "dotnet tool install Standards.Tool ", $"dotnet tool install Standards.Tool --version {version} "),
            ("docs/adopting.md", "https://pkgs.example.com/platform/nuget/v3/index.json", FeedUri(feed)),
            ("docs/adopting.md", "dotnet tool install Standards.Tool --version 1.4.0", $"dotnet tool install Standards.Tool --version {version}"),
            ("docs/upgrading.md", "--from 1.2.0 ", $"--from {version} "),
            // BenchmarkDotNet's short job (3 warm-ups, 3 iterations) instead of its default (about 7 minutes on the
            // 2-core machine): the gate after it reads the same report with the same allocations, and the replay
            // proves the commands, not the timings.
            ("std-lib README.md", "-- --filter '*'", "-- --filter '*' --job short"),
        ];
        return placeholders.Where(p => p.Document == document).Aggregate(text, (current, p) => current.Replace(p.Text, p.Value, StringComparison.Ordinal));
    }

    /// <summary>The shell blocks of a document of this repository (a path relative to its root, e.g. <c>docs/adopting.md</c>).</summary>
    public static IReadOnlyList<DocBlock> BlocksOf(string document) =>
        DocReplay.ShellBlocks(document, File.ReadAllText(Path.Combine(RepoPaths.Root, document)));

    /// <summary>
    /// Replays the blocks (but the not-run ones, placeholders filled from <paramref name="feed"/>) in
    /// <paramref name="folder"/>, or in an empty folder (<c>$REPLAY_WORK</c>); <paramref name="before"/> gives the
    /// set-up a block assumes and its document states in words; <paramref name="inspect"/> sees the folder the
    /// replay ran in before it is deleted. Returns what the blocks and the background commands printed; fails with
    /// the block that failed.
    /// </summary>
    public static string Replay(
        IReadOnlyList<DocBlock> blocks,
        string? folder,
        string feed,
        IReadOnlyList<LongRunning> longRunning,
        Func<DocBlock, string?>? before = null,
        Action<string>? inspect = null)
    {
        Assert.NotEmpty(blocks);
        var scratch = PackedSdk.NewTempDirectory("replay");
        var (home, logs, work) = (Path.Combine(scratch, "home"), Path.Combine(scratch, "logs"), Path.Combine(scratch, "work"));
        Directory.CreateDirectory(logs);
        Directory.CreateDirectory(work);
        try
        {
            var filled = DocReplay.ToRun(blocks, NotRunBlocks).Select(b => b with { Text = Fill(b.Document, b.Text, feed) }).ToList();
            var script = DocReplay.Script(filled, longRunning, logs, before);
            var environment = NewcomerEnvironment(home, feed);
            environment["REPLAY_WORK"] = work;
            var result = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-c", script], folder ?? work, environment, TimeSpan.FromMinutes(40)));
            var output = result.Output + "\n" + BackgroundLogs(logs);

            Assert.True(result.ExitCode == 0, $"{blocks[0].Document} failed at block {DocReplay.LastBlock(result.Output)} (exit {result.ExitCode}):\n{output}");
            Assert.Contains("::: replay done", result.Output, StringComparison.Ordinal);
            inspect?.Invoke(folder ?? work);
            return output;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// A newcomer's machine: a private home whose user NuGet configuration names nuget.org and the run's feed (the
    /// feed at user level as well as in the repo), an empty packages folder, PostgreSQL through the PG* variables,
    /// a git identity, and no CI or app variables.
    /// </summary>
    private static Dictionary<string, string?> NewcomerEnvironment(string home, string feed)
    {
        var nuget = Path.Combine(home, ".nuget", "NuGet");
        Directory.CreateDirectory(nuget);
        File.WriteAllText(Path.Combine(nuget, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="{UserLevelFeedKey}" value="{FeedUri(feed)}" />
              </packageSources>
            </configuration>
            """);
        var postgres = PrivatePostgres.Shared;
        return new Dictionary<string, string?>(PackedSdk.Instance.BuildEnvironment)
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = PackagesFolder.Value,
            ["PGHOST"] = "127.0.0.1",
            ["PGPORT"] = postgres.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = "postgres",
            ["PGPASSWORD"] = postgres.Password,
            ["GIT_AUTHOR_NAME"] = "Standards Tests",
            ["GIT_AUTHOR_EMAIL"] = "tests@example.invalid",
            ["GIT_COMMITTER_NAME"] = "Standards Tests",
            ["GIT_COMMITTER_EMAIL"] = "tests@example.invalid",
            ["CI"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["TEST_POSTGRES_CONNECTION_STRING"] = null,
            ["ConnectionStrings__Database"] = null,
        };
    }

    private static string BackgroundLogs(string folder) =>
        string.Join('\n', Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
}
