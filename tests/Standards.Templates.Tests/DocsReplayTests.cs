using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// docs/adopting.md and docs/upgrading.md replayed as written (<see cref="NewcomerReplay"/>: a newcomer's machine,
/// the feed at user level and in the repo): every shell block of each, in order, in one terminal session. What a
/// block assumes and its document states in words (an existing repo, the compliance records a fleet's CI builds
/// publish, a repo generated before the template record existed) is a set-up run just before it, found by a text of
/// that block; a set-up that matches no block or several fails the test, so it cannot outlive the document.
/// </summary>
public sealed partial class DocsReplayTests
{
    /// <summary>
    /// docs/adopting.md on the adoption fixture: the feed's nuget.config of step 1, the tool installed and committed,
    /// adopt (dry run, then for real), the survey and its check, the commit, the ratchet run, the fleet page from the
    /// repo's compliance record, and the repository baseline written by the build without the tool.
    /// </summary>
    [Fact]
    public void Adopting_runs_as_written_on_an_existing_repo()
    {
        const string Document = "docs/adopting.md";
        var feed = PackedSdk.Instance.Feed;
        var blocks = NewcomerReplay.BlocksOf(Document);
        var adopting = File.ReadAllText(Path.Combine(RepoPaths.Root, Document)).ReplaceLineEndings("\n");
        var config = NewcomerReplay.Fill(Document, NuGetConfigBlock().Match(adopting).Groups[1].Value, feed);
        Assert.Contains(NewcomerReplay.FeedUri(feed), config, StringComparison.Ordinal);
        var fixture = Path.Combine(RepoPaths.Root, "tests", "fixtures", "adopt-library");

        (string Marker, string Script)[] setUps =
        [
            // "An existing repo", and step 1's nuget.config at its root; the block commits it.
            ("dotnet new tool-manifest", $"""
                cd "$REPLAY_WORK" && cp -R {DocReplay.Quote(fixture)} Fluent.Guard && cd Fluent.Guard
                git init -q && git add -A && git commit -q -m "Fluent.Guard before adoption"
                cat > nuget.config <<'NUGET_CONFIG'
                {config.TrimEnd('\n')}
                NUGET_CONFIG
                """),

            // "Each CI build publishes artifacts/standards/compliance.json": one CI build of the adopted repo, its
            // record downloaded as the fleet's artifacts are.
            ("dotnet standards report downloads/", """
                CI=true dotnet build -nologo -v:q
                mkdir -p downloads/fluent-guard && cp artifacts/standards/compliance.json downloads/fluent-guard/
                """),

            // "Without the tool": the repository baseline is not there yet, so the build has findings to accept. The
            // fleet's page the block before made is checked, then it and the downloads go: they are not the repo's.
            ("-p:StandardsUpdateBaseline=true", """
                test -s fleet-report/index.html && test -s fleet-report/fleet.json
                rm -rf downloads fleet-report
                git rm -q standards-baseline.json && git commit -q -m "Fluent.Guard without its repository baseline"
                """),
        ];
        AssertEachMatchesOneBlock(blocks, setUps.Select(s => s.Marker));

        string? globalJson = null;
        string? log = null;
        var output = NewcomerReplay.Replay(
            blocks,
            folder: null,
            feed,
            [],
            block => setUps.Where(s => block.Text.Contains(s.Marker, StringComparison.Ordinal)).Select(s => s.Script).SingleOrDefault(),
            work =>
            {
                globalJson = File.ReadAllText(Path.Combine(work, "Fluent.Guard", "global.json"));
                log = GeneratedRepo.Git(Path.Combine(work, "Fluent.Guard"), "log", "--format=%s").Output;
            });

        // Each block ran with errexit: adopt exited 0 (its CI-mode build green), survey --check found nothing the
        // baselines do not hold, and a commit with nothing to commit would have failed the replay.
        Assert.Contains($"\"Standards.Sdk\": \"{PackedSdk.Instance.Version}\"", globalJson, StringComparison.Ordinal);
        Assert.Contains("::: replay done", output, StringComparison.Ordinal);
        // Every documented commit was made, in the documented order; the last one holds the baseline the build wrote.
        Assert.Equal(
            ["Adopt Standards.Sdk: baseline of existing findings", "Fluent.Guard without its repository baseline", "Adopt Standards.Sdk", "Standards.Sdk feed and tool", "Fluent.Guard before adoption"],
            log!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    internal static void AssertEachMatchesOneBlock(IReadOnlyList<DocBlock> blocks, IEnumerable<string> markers)
    {
        foreach (var marker in markers)
        {
            var matches = blocks.Count(b => b.Text.Contains(marker, StringComparison.Ordinal));
            Assert.True(matches == 1, $"The set-up for the block holding '{marker}' matches {matches} blocks of {blocks[0].Document}, not one: update it with the document.");
        }
    }

    [GeneratedRegex("```xml\n(<\\?xml.*?)```", RegexOptions.Singleline, 5000)]
    private static partial Regex NuGetConfigBlock();
}

/// <summary>
/// docs/upgrading.md replayed as written (<see cref="DocsReplayTests"/> says how), on a feed that serves two releases
/// (<see cref="TwoReleases"/>).
/// </summary>
[Collection(TwoReleasesCollectionDefinition.Name)]
public sealed class UpgradingDocReplayTests(TwoReleases releases)
{
    /// <summary>
    /// docs/upgrading.md on a std-service repo generated from release A with the options its <c>update --init</c>
    /// block names, on a feed that serves A and B: the upgrade (dry run, then for real, committed with its
    /// changelog), then the template record written for a repo generated before the templates wrote one.
    /// </summary>
    [Fact]
    public void Upgrading_runs_as_written_on_a_repo_generated_from_the_previous_release()
    {
        const string Document = "docs/upgrading.md";
        var blocks = NewcomerReplay.BlocksOf(Document);
        var repo = GeneratedRepo.Generate("std-service", "Acme.Orders", releases.Feed, ["--owner=@acme/orders", "--ci=gitlab", "--generated-on=2025-06-01"]);
        try
        {
            (string Marker, string Script)[] setUps =
            [
                // "A repo generated before the templates wrote the record".
                ("update --init", """
                    git rm -q .standards/template-record.json && git commit -q -m "Acme.Orders as generated before the template record"
                    """),
            ];
            DocsReplayTests.AssertEachMatchesOneBlock(blocks, setUps.Select(s => s.Marker));
            var record = repo.Read(".standards/template-record.json");

            var output = NewcomerReplay.Replay(
                blocks,
                repo.Root,
                releases.Feed,
                [],
                block => setUps.Where(s => block.Text.Contains(s.Marker, StringComparison.Ordinal)).Select(s => s.Script).SingleOrDefault());

            Assert.Contains($"\"Standards.Sdk\": \"{releases.VersionB}\"", repo.Read("global.json"), StringComparison.Ordinal);
            // The documented commits, newest first: the record, the set-up's "before the record", the upgrade, whose
            // message is its changelog (git keeps the changelog's heading: -F without an editor strips no line).
            var messages = GeneratedRepo.Git(repo.Root, "log", "-3", "--format=%B%x00").Output
                .Split('\0', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, messages.Length);
            Assert.Equal("Acme.Orders as generated before the template record", messages[1]);
            Assert.StartsWith($"# Standards.Sdk {releases.A.Version} -> {releases.VersionB}", messages[2], StringComparison.Ordinal);
            // The record written by --init says what the template's own record said: the template, the version, the
            // date, and each option the block gives with the value the template recorded for it (the template records
            // every option; --init the ones given, the others being the recorded version's defaults).
            var written = JsonNode.Parse(record)!.AsObject();
            var initialised = JsonNode.Parse(repo.Read(".standards/template-record.json"))!.AsObject();
            foreach (var key in new[] { "template", "version", "generatedOn" })
            {
                Assert.Equal(written[key]!.ToJsonString(), initialised[key]!.ToJsonString());
            }

            var options = initialised["options"]!.AsObject();
            Assert.Equal(["ci", "name", "owner"], options.Select(o => o.Key).Order(StringComparer.Ordinal));
            Assert.All(options, o => Assert.Equal(written["options"]![o.Key]!.ToString(), o.Value!.ToString()));
            Assert.Equal("Record the template that generated the repo", GeneratedRepo.Git(repo.Root, "log", "-1", "--format=%s").Output.Trim());
            Assert.DoesNotContain("Run dotnet tool restore", output, StringComparison.Ordinal);
        }
        finally
        {
            repo.Delete();
        }
    }
}
