using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Baseline;

/// <summary>
/// The adoption baseline as a run of the repository checks uses it: read (missing, unreadable, malformed) and
/// rewritten with the current findings (what was added and removed, what is then accepted, the text written).
/// </summary>
public class AdoptionBaselineTests
{
    private const string BaselinePath = "standards-baseline.json";

    [Fact]
    public void A_missing_file_is_no_baseline()
    {
        Assert.Null(AdoptionBaseline.Read(BaselinePath, exists: false, text: null));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_STD3901_and_accepts_nothing()
    {
        var input = AdoptionBaseline.Read("config/baseline.json", exists: true, text: null)!;
        Assert.Empty(input.File.Entries);
        var problem = Assert.Single(input.Problems);
        Assert.Equal(("STD3901", Severity.Error, "config/baseline.json"), (problem.Code, problem.Severity, problem.File));
        Assert.Equal("config/baseline.json could not be read; check its permissions.", problem.Message);
    }

    [Fact]
    public void A_readable_file_gives_its_entries_and_problems()
    {
        var input = AdoptionBaseline.Read(BaselinePath, exists: true,
            text: "{ \"version\": 1, \"findings\": [ { \"code\": \"STD3031\", \"file\": \"SECURITY.md\", \"message\": \"m\" }, 7 ] }")!;
        Assert.Equal(BaselinePath, input.Path);
        Assert.Equal(["STD3031"], input.File.Entries.Select(e => e.Code));
        Assert.Equal(["STD3901"], input.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Rewriting_without_a_previous_file_records_and_accepts_every_baselinable_finding()
    {
        var outcome = Run(FakeRepo.Library().Without("SECURITY.md").Without("CHANGELOG.md"), "{ \"rules\": { \"STD3031\": \"warning\" } }");
        var configuration = new Finding("STD0002", Severity.Error, "bad standards.json", "standards.json", 3);
        outcome = outcome with { Current = [.. outcome.Current, configuration], Reported = [.. outcome.Reported, configuration] };

        var rewrite = AdoptionBaseline.Rewrite(outcome, FakeRepo.Root, BaselinePath, previousText: null);

        Assert.Equal(BaselineFile.Write(outcome.Current, FakeRepo.Root), rewrite.Text);
        Assert.Equal(2, rewrite.Entries);
        Assert.Equal(["STD3001", "STD3031"], rewrite.Added.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Empty(rewrite.Removed);
        FindingAssert.Exactly(rewrite.Outcome.Reported, ("STD0002", "standards.json", 3));
        Assert.Equal(["STD3001", "STD3031"], rewrite.Outcome.Baselined.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Equal(BaselinePath, rewrite.Outcome.Baseline!.Path);
        Assert.Equal(2, rewrite.Outcome.Baseline.File.Entries.Count);
        Assert.Empty(rewrite.Outcome.Baseline.Problems);
        Assert.Equal(outcome.Current, rewrite.Outcome.Current);
        Assert.Equal(
            "Standards: wrote standards-baseline.json with 2 findings (2 added, 0 removed). Review the added entries below, then commit the file.",
            rewrite.Summary);
        Assert.All(rewrite.AddedLines, line => Assert.StartsWith("Standards: baseline entry added: STD30", line, StringComparison.Ordinal));
        Assert.Contains(rewrite.AddedLines, line => line.StartsWith("Standards: baseline entry added: STD3031 SECURITY.md: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Rewriting_reports_what_was_added_and_removed_against_the_previous_file()
    {
        var before = FakeRepo.Library().Without("SECURITY.md").Without("CHANGELOG.md");
        var previous = BaselineFile.Write(Run(before, null).Current, FakeRepo.Root);

        // CHANGELOG.md fixed, README.md newly missing.
        var after = Run(before.With("CHANGELOG.md").Without("README.md"), null);
        var rewrite = AdoptionBaseline.Rewrite(after, FakeRepo.Root, BaselinePath, previous);

        Assert.Equal([("STD3001", "README.md")], rewrite.Added.Select(f => (f.Code, f.File)));
        Assert.Equal([("STD3001", "CHANGELOG.md")], rewrite.Removed.Select(e => (e.Code, e.File)));
        Assert.Equal(2, rewrite.Entries);
        Assert.Equal("Standards: wrote standards-baseline.json with 2 findings (1 added, 1 removed). Review the added entries below, then commit the file.", rewrite.Summary);
        Assert.Equal([$"Standards: baseline entry added: STD3001 README.md: {after.Current.Single(f => f.File == "README.md").Message}"], rewrite.AddedLines);
        FindingAssert.None(rewrite.Outcome.Reported);
    }

    [Fact]
    public void Rewriting_an_unchanged_repo_gives_the_same_bytes_and_no_changes()
    {
        var outcome = Run(FakeRepo.Library().Without("SECURITY.md"), null);
        var first = AdoptionBaseline.Rewrite(outcome, FakeRepo.Root, BaselinePath, previousText: null);
        var second = AdoptionBaseline.Rewrite(outcome, FakeRepo.Root, BaselinePath, first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Empty(second.Added);
        Assert.Empty(second.Removed);
        Assert.Equal("Standards: wrote standards-baseline.json with 1 finding (0 added, 0 removed). Review the added entries below, then commit the file.", second.Summary);
    }

    [Fact]
    public void A_malformed_previous_file_counts_as_empty()
    {
        var outcome = Run(FakeRepo.Library().Without("SECURITY.md"), null);
        var rewrite = AdoptionBaseline.Rewrite(outcome, FakeRepo.Root, BaselinePath, "{ not json");
        Assert.Equal(["STD3031"], rewrite.Added.Select(f => f.Code));
        Assert.Empty(rewrite.Removed);
    }

    [Fact]
    public void The_rewritten_outcome_passes_a_run_against_the_file_it_wrote()
    {
        var repo = FakeRepo.Library().Without("SECURITY.md").Without("CHANGELOG.md");
        var rewrite = AdoptionBaseline.Rewrite(Run(repo, null), FakeRepo.Root, BaselinePath, previousText: null);
        var next = RepositoryCheckRunner.Run(repo.Snapshot(), StandardsPolicy.Default, FakeRepo.Today, [new LayoutCheck()],
            AdoptionBaseline.Read(BaselinePath, exists: true, rewrite.Text));
        FindingAssert.None(next.Reported);
        Assert.Equal(rewrite.Outcome.Baselined.Select(f => (f.Code, f.File)), next.Baselined.Select(f => (f.Code, f.File)));
    }

    [Fact]
    public void Licence_entries_are_judged_by_the_project_builds_kept_on_rewrite_and_never_reported_removable_by_the_repository_checks()
    {
        var repo = FakeRepo.Library().Without("SECURITY.md");
        var licence = new Finding("STD2011", Severity.Warning, "Package Eula 3.0.0 (a direct dependency) has an unknown licence", "src/Acme/Acme.csproj");
        var previous = BaselineFile.Write([licence, .. Run(repo, null).Current], FakeRepo.Root);

        var rewrite = AdoptionBaseline.Rewrite(Run(repo, null), FakeRepo.Root, BaselinePath, previous);
        Assert.Equal(previous, rewrite.Text);
        Assert.Empty(rewrite.Removed);
        Assert.Empty(rewrite.Added);

        var next = RepositoryCheckRunner.Run(repo.Snapshot(), StandardsPolicy.Default, FakeRepo.Today, [new LayoutCheck()],
            AdoptionBaseline.Read(BaselinePath, exists: true, rewrite.Text));
        FindingAssert.None(next.Reported);
    }

    private static RepositoryCheckOutcome Run(FakeRepo repo, string? policy) =>
        RepositoryCheckRunner.Run(repo.Snapshot(), FakeRepo.Policy(policy), FakeRepo.Today, [new LayoutCheck()], null);
}
