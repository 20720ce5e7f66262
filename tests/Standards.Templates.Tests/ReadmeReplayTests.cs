using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The first hour of a new user, replayed as written (<see cref="NewcomerReplay"/>: a newcomer's machine, every
/// block but the named not-run ones): every shell block of each generated repo's README and of the README's quick
/// start, in order, in one terminal session. A command that serves (<c>dotnet run</c> of a service) runs in the
/// background until it answers, the next blocks run against it, and it is stopped at the end.
/// </summary>
public sealed class ReadmeReplayTests
{
    private static string Feed => PackedSdk.Instance.Feed;

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
        var config = NewcomerReplay.Fill("docs/adopting.md", Regex.Match(adopting, "```xml\n(<\\?xml.*?)```", RegexOptions.Singleline).Groups[1].Value, Feed);
        Assert.Contains(NewcomerReplay.FeedUri(Feed), config, StringComparison.Ordinal);
        var fixture = Path.Combine(RepoPaths.Root, "tests", "fixtures", "adopt-library");
        var existingRepo = $"""
            cd "$REPLAY_WORK" && cp -R {DocReplay.Quote(fixture)} Fluent.Guard && cd Fluent.Guard
            cat > nuget.config <<'NUGET_CONFIG'
            {config.TrimEnd('\n')}
            NUGET_CONFIG
            git init -q && git add -A && git commit -q -m "Fluent.Guard before adoption"
            """;

        string? adoptedGlobalJson = null;
        var output = NewcomerReplay.Replay(
            blocks,
            folder: null,
            Feed,
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

        var toRun = DocReplay.ToRun(blocks, NewcomerReplay.NotRunBlocks);

        Assert.Equal(blocks.Count - NewcomerReplay.NotRunBlocks.Count(n => n.Document == document), toRun.Count);
        Assert.Contains(toRun, b => b.Text.Contains("dotnet build", StringComparison.Ordinal));
    }

    /// <summary>Generates the template into an empty folder (the feed in its nuget.config, a first commit) and replays its README at the repo root.</summary>
    private static string ReplayGenerated(string template, string name, IReadOnlyList<LongRunning> longRunning, Action<string>? inspect = null)
    {
        var repo = GeneratedRepo.Generate(template, name);
        try
        {
            var blocks = DocReplay.ShellBlocks($"{template} README.md", repo.Read("README.md"));
            return NewcomerReplay.Replay(blocks, repo.Root, Feed, longRunning, inspect: inspect);
        }
        finally
        {
            repo.Delete();
        }
    }
}
