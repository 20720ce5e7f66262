namespace Standards.Sdk.IntegrationTests.RepositoryChecks;

/// <summary>
/// The repository checks target on a sequence of real builds of one repo: skipped when nothing changed, re-run
/// when an input changes (an ADR edited, added, renamed, removed), off with StandardsRepositoryChecks=false;
/// and the adoption baseline from recording to shrinking.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class IncrementalAndBaselineTests
{
    private const string Target = "StandardsRepositoryChecks";
    private const string Adr2 = "docs/adr/0002-use-postgres.md";

    /// <summary>
    /// For the builds after a test's first, which restored the repo: what they change (repository files, the
    /// baseline, CI on or off) is no restore input but for CI's locked mode, and the lock files the first restore
    /// wrote are those a locked restore would check; these tests are about the checks, not the restore.
    /// </summary>
    private const string NoRestore = "--no-restore";

    [Fact]
    public void Checks_are_skipped_when_nothing_changed_and_rerun_when_an_input_changes()
    {
        using var repo = LayoutRepos.Compliant("library");

        var first = Build(repo, restore: true);
        Assert.True(first.Succeeded, first.ToString());
        Assert.True(first.Ran(Target), "first build must run the checks");

        var noop = Build(repo);
        Assert.True(noop.Succeeded, noop.ToString());
        Assert.True(noop.Skipped(Target), "no-op build must skip the checks\n" + noop.Output);
        Assert.Single(noop.Messages, m => m.Text.StartsWith("Standards: repository checks up to date (last run: 3 ran, 0 errors", StringComparison.Ordinal));

        // Edit an ADR: a section goes missing.
        repo.WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr.Replace("## Decision", "## Choice", StringComparison.Ordinal));
        var edited = Build(repo);
        Assert.True(edited.Ran(Target));
        Assert.Equal([("STD3014", "docs/adr/0001-record-architecture-decisions.md", 1)], LayoutRepos.RepoFindings(repo, edited));

        // A run with a rule's error is never up to date: the next build runs again and reports again (as a warning
        // in this local build: BuildModeSeverity).
        var again = Build(repo);
        Assert.True(again.Ran(Target));
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal("warning", Assert.Single(again.Diagnostics, d => d.Code == "STD3014").Severity);

        repo.WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr);
        Assert.True(Build(repo).Succeeded);

        // Add a record.
        repo.WriteFile(Adr2, LayoutRepos.Adr.Replace("ADR-0001", "ADR-0002", StringComparison.Ordinal));
        var added = Build(repo);
        Assert.True(added.Ran(Target), "adding a file must re-run the checks");
        Assert.True(added.Succeeded, added.ToString());

        // Rename it (same content): the number now leaves a gap.
        File.Move(repo.PathOf(Adr2), repo.PathOf("docs/adr/0003-use-postgres.md"));
        var renamed = Build(repo);
        Assert.True(renamed.Ran(Target), "renaming a file must re-run the checks");
        Assert.Contains(("STD3012", "docs/adr/0003-use-postgres.md", 0), LayoutRepos.RepoFindings(repo, renamed));

        // Remove it.
        repo.DeleteFile("docs/adr/0003-use-postgres.md");
        var removed = Build(repo);
        Assert.True(removed.Ran(Target), "removing a file must re-run the checks");
        Assert.True(removed.Succeeded, removed.ToString());
        Assert.Empty(LayoutRepos.RepoFindings(repo, removed));

        // A source edit is an input of the checks: the secret check searches every tracked text file, compiled or
        // not. The build after it, with nothing changed, is skipped again.
        repo.WriteFile("src/Acme.Orders/Marker.cs", repo.ReadFile("src/Acme.Orders/Marker.cs") + "\n");
        Assert.True(Build(repo).Ran(Target), "a source edit must re-run the checks: the secret check searches it");
        Assert.True(Build(repo).Skipped(Target));

        var off = Build(repo, extra: "-p:StandardsRepositoryChecks=false");
        Assert.True(off.Succeeded);
        Assert.Equal(0, off.RunCount(Target));
        Assert.Empty(off.TaskRuns("RunRepositoryChecks"));
        Assert.Empty(off.MessagesContaining("Standards: repository checks: 3 ran"));
        Assert.Empty(off.MessagesContaining("repository checks up to date"));

        // Out of process (no task assembly kept by a reused node): same result.
        repo.WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr + "\nMore context.\n");
        var taskHost = Build(repo, extra: "-p:StandardsUseTaskHost=true");
        Assert.True(taskHost.Ran(Target));
        Assert.True(taskHost.Succeeded, taskHost.ToString());
        Assert.Matches(@"Standards: repository checks: 3 ran, 0 errors, 0 warnings, 0 info in \d+ ms", LayoutRepos.SummaryLine(taskHost));
    }

    [Fact]
    public void Baseline_accepts_recorded_findings_fails_new_ones_and_shrinks()
    {
        using var repo = LayoutRepos.Compliant("library");
        repo.DeleteFile("SECURITY.md").DeleteFile("CHANGELOG.md");

        // Adoption: not a CI build, so the rules' errors are warnings there (BuildModeSeverity), as compiler
        // warnings are; the same findings fail a CI build.
        var before = LayoutRepos.BuildAll(repo, ci: false);
        Assert.True(before.Succeeded, before.ToString());
        Assert.Equal("warning", Assert.Single(before.Diagnostics, d => d.Code == "STD3001").Severity);
        Assert.Contains(("STD3001", "CHANGELOG.md", 0), LayoutRepos.RepoFindings(repo, before));
        var inCi = LayoutRepos.BuildAll(repo, ci: true, NoRestore);
        Assert.False(inCi.Succeeded);
        Assert.Equal([("STD3001", "error"), ("STD3031", "error")],
            inCi.Diagnostics.Where(d => d.Code.StartsWith("STD3", StringComparison.Ordinal)).Select(d => (d.Code, d.Severity)).Distinct().Order());

        var record = LayoutRepos.BuildAll(repo, ci: false, NoRestore, "-p:StandardsUpdateBaseline=true");
        Assert.True(record.Succeeded, record.ToString());
        Assert.Single(record.MessagesContaining("wrote standards-baseline.json with 2 findings (2 added, 0 removed)"));
        var baseline = repo.ReadFile("standards-baseline.json");
        Assert.Contains("\"code\": \"STD3031\"", baseline, StringComparison.Ordinal);
        Assert.DoesNotContain(repo.Root, baseline, StringComparison.Ordinal);

        var accepted = LayoutRepos.BuildAll(repo, ci: true, NoRestore);
        Assert.True(accepted.Succeeded, accepted.ToString());
        // The recorded findings are reported as messages with their codes, not as warnings or errors.
        Assert.Equal(["STD3001", "STD3031"], accepted.Messages.Where(m => m.Text.StartsWith("[baseline] ", StringComparison.Ordinal)).Select(m => m.Code).Order(StringComparer.Ordinal));
        Assert.Empty(accepted.Diagnostics);
        Assert.Matches(@"Standards: repository checks: 3 ran, 0 errors, 0 warnings, 0 info in \d+ ms \(baseline: 2 suppressed\)", LayoutRepos.SummaryLine(accepted));

        // A new violation fails; the recorded ones still do not.
        repo.DeleteFile("README.md");
        var regressed = LayoutRepos.BuildAll(repo, ci: true, NoRestore);
        Assert.False(regressed.Succeeded);
        Assert.Equal([("STD3001", "README.md", 0)], LayoutRepos.RepoFindings(repo, regressed));

        // Fixing a recorded one: the entry is reported as removable (a warning outside CI), the baseline does not grow.
        repo.WriteFile("README.md", "# Acme\n").WriteFile("CHANGELOG.md", "# Changelog\n");
        var fixedOne = LayoutRepos.BuildAll(repo, ci: false, NoRestore);
        Assert.True(fixedOne.Succeeded, fixedOne.ToString());
        var stale = Assert.Single(fixedOne.Diagnostics, d => d.Code == "STD3902");
        Assert.Equal(("warning", "standards-baseline.json"), (stale.Severity, stale.FileName));
        Assert.Equal(LineOf(repo.ReadFile("standards-baseline.json"), "\"file\": \"CHANGELOG.md\"") - 2, stale.Line);
        Assert.Contains("baseline: 1 suppressed, 1 removable", LayoutRepos.SummaryLine(fixedOne), StringComparison.Ordinal);
        Assert.Equal(baseline, repo.ReadFile("standards-baseline.json"));

        // Re-recording shrinks it.
        var shrink = LayoutRepos.BuildAll(repo, ci: false, NoRestore, "-p:StandardsUpdateBaseline=true");
        Assert.Single(shrink.MessagesContaining("with 1 finding (0 added, 1 removed)"));

        // A broken baseline is a coded error with its line.
        repo.WriteFile("standards-baseline.json", "{\n  \"version\": 1,\n  \"findings\": [ 7 ]\n}\n");
        var broken = LayoutRepos.BuildAll(repo, ci: false, NoRestore);
        Assert.False(broken.Succeeded);
        Assert.Contains(("STD3901", "standards-baseline.json", 3), LayoutRepos.RepoFindings(repo, broken));
    }

    private static BuildResult Build(TestRepo repo, bool restore = false, string? extra = null)
    {
        List<string> arguments = [];
        if (!restore)
        {
            arguments.Add(NoRestore);
        }

        if (extra is not null)
        {
            arguments.Add(extra);
        }

        return LayoutRepos.BuildAll(repo, ci: false, [.. arguments]);
    }

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').ToList().FindIndex(l => l.Contains(fragment, StringComparison.Ordinal)) + 1;
}
