using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The first hour of a new user, replayed as written: every shell block of each generated repo's README and of the
/// README's quick start, in order, in one terminal session, on a machine set up as a newcomer's is: a private home
/// (its own NuGet configuration, user secrets, tools and template hive), an empty NuGet packages folder, the
/// Standards feed both in the user NuGet configuration and in the repo's <c>nuget.config</c>, and a PostgreSQL server
/// named by the variables of PostgreSQL's own tools (<c>PGHOST</c>, <c>PGPORT</c>, <c>PGUSER</c>,
/// <c>PGPASSWORD</c>). A command that serves (<c>dotnet run</c> of a service) runs in the background until it
/// answers, the next blocks run against it, and it is stopped at the end. A block that is not run is named in
/// <see cref="NotRunBlocks"/> with the reason; every other block runs, so a new block in a README is replayed
/// without a change here. Documented placeholders are filled from <see cref="Placeholders"/>.
/// </summary>
public sealed class ReadmeReplayTests
{
    /// <summary>The key of the Standards feed in the replay's user NuGet configuration, as the docs name the organisation's feed.</summary>
    private const string UserLevelFeedKey = "your-org";

    /// <summary>The blocks that cannot run in a test, each with the reason.</summary>
    private static readonly NotRun[] NotRunBlocks =
    [
        new("std-service README.md", "-t:PublishContainer", "pushes an image to a container registry; registry.example.com is an example host"),
        new("std-worker README.md", "-t:PublishContainer", "pushes an image to a container registry; registry.example.com is an example host"),
    ];

    /// <summary>
    /// The documented placeholders, each with the value of the run: the organisation's feed, and the version of a
    /// package the docs install without one (the run's packages are prereleases, which NuGet takes only when named).
    /// </summary>
    private static readonly (string Document, string Text, Func<string> Value, string Why)[] Placeholders =
    [
        ("README.md", "https://pkgs.example.com/your-org/index.json", () => FeedUri, "the organisation's feed: the run's feed"),
        ("README.md", "dotnet new install Standards.Templates ", () => $"dotnet new install Standards.Templates::{PackedSdk.Instance.Version} ", "the run's prerelease, not another source's release"),
        ("README.md", "dotnet tool install Standards.Tool ", () => $"dotnet tool install Standards.Tool --version {PackedSdk.Instance.Version} ", "the run's prerelease, which NuGet takes only when named"),
        ("docs/adopting.md", "https://pkgs.example.com/platform/nuget/v3/index.json", () => FeedUri, "the organisation's feed: the run's feed"),
    ];

    /// <summary>One private packages folder for every replay of the run: empty at first, so the first restore takes every package from the feeds.</summary>
    private static readonly Lazy<string> PackagesFolder = new(() => PackedSdk.NewTempDirectory("replay-gpf"), LazyThreadSafetyMode.ExecutionAndPublication);

    private static string FeedUri => new Uri(PackedSdk.Instance.Feed + Path.DirectorySeparatorChar).AbsoluteUri;

    [Fact]
    public void The_service_readme_runs_as_written_and_its_api_answers_with_a_user_jwts_token()
    {
        var output = ReplayGenerated("std-service", "Acme.Orders", [new LongRunning("run --project cmd/Acme.Orders.Api", "http://localhost:5080/health")]);

        // The POST answered with the item and the list holds it (curl --fail-with-body fails the block on an error status).
        Assert.Matches("""\{"id":"[^"]+","name":"Widget"[^}]*\}""", output);
        Assert.Matches("""\{"items":\[\{"id":"[^"]+","name":"Widget""", output);
        // The README's database is named after the project, and the running service migrated it.
        Assert.Equal("1", PrivatePostgres.Shared.Psql("SELECT count(*) FROM items", "acme_orders").EnsureSuccess("psql").Output.Trim());
    }

    [Fact]
    public void The_worker_readme_runs_as_written_on_the_database_it_creates()
    {
        ReplayGenerated("std-worker", "Acme.Jobs", [new LongRunning("run --project cmd/Acme.Jobs.Worker", "http://localhost:5090/health")]);

        // The README's database is named after the project, and the README's enqueue put its message there: waiting in
        // the queue, or claimed by the running worker (it is claimed before it leaves the queue).
        var messages = PrivatePostgres.Shared.Psql("SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM processed_messages)", "acme_jobs").EnsureSuccess("psql").Output;
        Assert.True(int.Parse(messages.Trim(), CultureInfo.InvariantCulture) >= 1, $"acme_jobs holds no message: {messages}");
    }

    [Fact]
    public void The_library_readme_runs_as_written()
    {
        IReadOnlyList<string> packages = [];
        ReplayGenerated("std-lib", "Acme.Widgets", [], root => packages = [.. Directory.EnumerateFiles(Path.Combine(root, "artifacts"), "*.nupkg", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>()]);

        // `dotnet pack` of the README and of its CI block: the library's package.
        Assert.Contains(packages, p => p.StartsWith("Acme.Widgets.", StringComparison.Ordinal));
    }

    /// <summary>
    /// The README's quick start from an empty folder: a new repo from the template pack, then an existing repo (the
    /// adoption fixture, with docs/adopting.md's nuget.config, as the block's first line asks) adopted with the tool.
    /// </summary>
    [Fact]
    public void The_readme_quick_start_runs_as_written_for_a_new_and_for_an_existing_repo()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Quick start\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no Quick start section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var firstLine = readme.AsSpan(0, start).Count('\n') + 1;
        var blocks = DocReplay.ShellBlocks("README.md", readme[..end]).Where(b => b.Line > firstLine).ToList();
        Assert.Equal(2, blocks.Count);

        // The existing repo's nuget.config is the one docs/adopting.md gives (step 1), with the run's feed.
        var adopting = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "adopting.md")).ReplaceLineEndings("\n");
        var config = Fill("docs/adopting.md", Regex.Match(adopting, "```xml\n(<\\?xml.*?)```", RegexOptions.Singleline).Groups[1].Value);
        Assert.Contains(FeedUri, config, StringComparison.Ordinal);
        var fixture = Path.Combine(RepoPaths.Root, "tests", "fixtures", "adopt-library");
        var existingRepo = $"""
            cd "$REPLAY_WORK" && cp -R {DocReplay.Quote(fixture)} Fluent.Guard && cd Fluent.Guard
            cat > nuget.config <<'NUGET_CONFIG'
            {config.TrimEnd('\n')}
            NUGET_CONFIG
            git init -q && git add -A && git commit -q -m "Fluent.Guard before adoption"
            """;

        string? adoptedGlobalJson = null;
        var output = Replay(
            blocks,
            repo: null,
            [],
            // By place: the run's blocks are the README's with the placeholders filled in, so their text differs.
            block => block.Line == blocks[1].Line ? existingRepo : null,
            work => adoptedGlobalJson = File.ReadAllText(Path.Combine(work, "Fluent.Guard", "global.json")));

        // The new repo's tool runs; the existing repo is on the run's Standards.Sdk.
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains($"\"Standards.Sdk\": \"{PackedSdk.Instance.Version}\"", adoptedGlobalJson, StringComparison.Ordinal);
    }

    /// <summary>A template's README, generated from the template's source, names every not-run block exactly once (fast: nothing is generated).</summary>
    [Theory]
    [InlineData("std-service")]
    [InlineData("std-worker")]
    [InlineData("std-lib")]
    public void Every_not_run_block_of_a_template_readme_is_one_block_of_it(string template)
    {
        var document = $"{template} README.md";
        var blocks = DocReplay.ShellBlocks(document, File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "content", template, "README.md")));

        var toRun = DocReplay.ToRun(blocks, NotRunBlocks);

        Assert.Equal(blocks.Count - NotRunBlocks.Count(n => n.Document == document), toRun.Count);
        Assert.Contains(toRun, b => b.Text.Contains("dotnet build", StringComparison.Ordinal));
    }

    /// <summary>Generates the template into an empty folder (the feed in its nuget.config, a first commit) and replays its README at the repo root.</summary>
    private static string ReplayGenerated(string template, string name, IReadOnlyList<LongRunning> longRunning, Action<string>? inspect = null)
    {
        var repo = GeneratedRepo.Generate(template, name);
        try
        {
            var blocks = DocReplay.ShellBlocks($"{template} README.md", repo.Read("README.md"));
            return Replay(blocks, repo, longRunning, inspect: inspect);
        }
        finally
        {
            repo.Delete();
        }
    }

    /// <summary>
    /// Replays the blocks (but the not-run ones, placeholders filled) in <paramref name="repo"/>'s root, or in an
    /// empty folder (<c>$REPLAY_WORK</c>); <paramref name="inspect"/> sees that folder before it is deleted. Returns
    /// what the blocks and the background commands printed; fails with the block that failed.
    /// </summary>
    private static string Replay(
        IReadOnlyList<DocBlock> blocks,
        GeneratedRepo? repo,
        IReadOnlyList<LongRunning> longRunning,
        Func<DocBlock, string?>? before = null,
        Action<string>? inspect = null)
    {
        Assert.NotEmpty(blocks);
        var folder = PackedSdk.NewTempDirectory("replay");
        var (home, logs, work) = (Path.Combine(folder, "home"), Path.Combine(folder, "logs"), Path.Combine(folder, "work"));
        Directory.CreateDirectory(logs);
        Directory.CreateDirectory(work);
        try
        {
            var filled = DocReplay.ToRun(blocks, NotRunBlocks).Select(b => b with { Text = Fill(b.Document, b.Text) }).ToList();
            var script = DocReplay.Script(filled, longRunning, logs, before);
            var environment = NewcomerEnvironment(home);
            environment["REPLAY_WORK"] = work;
            var result = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-c", script], repo?.Root ?? work, environment, TimeSpan.FromMinutes(40)));
            var output = result.Output + "\n" + BackgroundLogs(logs);

            Assert.True(result.ExitCode == 0, $"{blocks[0].Document} failed at block {DocReplay.LastBlock(result.Output)} (exit {result.ExitCode}):\n{output}");
            Assert.Contains("::: replay done", result.Output, StringComparison.Ordinal);
            inspect?.Invoke(repo?.Root ?? work);
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Fill(string document, string text) =>
        Placeholders.Where(p => p.Document == document).Aggregate(text, (current, p) => current.Replace(p.Text, p.Value(), StringComparison.Ordinal));

    /// <summary>
    /// A newcomer's machine: a private home whose user NuGet configuration names nuget.org and the run's feed (the
    /// feed at user level as well as in the repo), an empty packages folder, PostgreSQL through the PG* variables,
    /// a git identity, and no CI or app variables.
    /// </summary>
    private static Dictionary<string, string?> NewcomerEnvironment(string home)
    {
        var nuget = Path.Combine(home, ".nuget", "NuGet");
        Directory.CreateDirectory(nuget);
        File.WriteAllText(Path.Combine(nuget, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                <add key="{UserLevelFeedKey}" value="{FeedUri}" />
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
