using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Baseline;

/// <summary>The runner: checks in turn, exceptions, baseline, relative paths, a failing check.</summary>
public class RepositoryCheckRunnerTests
{
    private static readonly DateOnly Today = FakeRepo.Today;

    [Fact]
    public void Exceptions_suppress_by_glob_folder_or_project_and_expire()
    {
        var repo = FakeRepo.Library().Without("SECURITY.md").WithProject("src/Legacy/Legacy.csproj");
        const string policy = """
            {
              "exceptions": [
                { "rule": "STD3031", "scope": "SECURITY.md", "owner": "@sec", "reason": "policy lives in the org repo", "expires": "2026-12-31" },
                { "rule": "STD3008", "scope": "Legacy", "owner": "@legacy", "reason": "tests land with the rewrite", "expires": "2026-06-30" }
              ]
            }
            """;
        var outcome = Run(repo, policy);
        FindingAssert.None(outcome.Reported);
        Assert.Equal(2, outcome.Excepted);

        var folderScope = Run(repo, policy.Replace("\"Legacy\"", "\"src/Legacy\"", StringComparison.Ordinal));
        FindingAssert.None(folderScope.Reported);

        var later = RepositoryCheckRunner.Run(repo.Snapshot(), FakeRepo.Policy(policy), new DateOnly(2026, 7, 1), [new LayoutCheck()], null);
        FindingAssert.Exactly(later.Reported, ("STD3008", "src/Legacy/Legacy.csproj", 1));
    }

    [Fact]
    public void Exception_for_another_rule_or_scope_does_not_apply()
    {
        const string policy = """
            { "exceptions": [ { "rule": "STD3030", "scope": "docs/**", "owner": "@a", "reason": "r", "expires": "2026-12-31" } ] }
            """;
        FindingAssert.Exactly(Run(FakeRepo.Library().Without("SECURITY.md").Without(".github/pull_request_template.md"), policy).Reported,
            ("STD3031", "SECURITY.md", 0), ("STD3030", ".github/pull_request_template.md", 0));
    }

    [Fact]
    public void An_expired_baseline_entry_is_STD3050_naming_it_its_reason_and_date_and_its_finding_is_reported_again()
    {
        var repo = FakeRepo.Library().Without("SECURITY.md");
        var expires = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var text = $$"""
            {
              "version": 1,
              "findings": [
                { "code": "STD3031", "file": "SECURITY.md", "message": "m", "reason": "Standards.Sdk 1.4.0 -> 1.5.0", "expires": "{{expires}}" }
              ]
            }
            """;
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", text);
        Assert.Empty(problems);
        var outcome = RepositoryCheckRunner.Run(repo.Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], new BaselineInput("standards-baseline.json", file, problems));
        FindingAssert.Exactly(outcome.Reported, ("STD3031", "SECURITY.md", 0), ("STD3050", "standards-baseline.json", 4));
        var expired = outcome.Reported.Single(f => f.Code == "STD3050");
        Assert.Equal(Severity.Warning, expired.Severity);
        Assert.Equal(
            $"standards-baseline.json: the entry for STD3031 in SECURITY.md (\"m\", recorded for \"Standards.Sdk 1.4.0 -> 1.5.0\") expired on {expires} and no longer hides its finding. Fix the finding and remove the entry, or, if it must wait, set a later \"expires\" date with the reason.",
            expired.Message);
        Assert.Empty(outcome.Baselined);

        var dayBefore = RepositoryCheckRunner.Run(repo.Snapshot(), StandardsPolicy.Default, Today.AddDays(-1), [new LayoutCheck()], new BaselineInput("standards-baseline.json", file, problems));
        FindingAssert.None(dayBefore.Reported);
    }

    [Fact]
    public void Baseline_downgrades_known_findings_reports_new_and_removable_ones()
    {
        var before = FakeRepo.Library().Without("SECURITY.md").Without("CHANGELOG.md");
        var recorded = Run(before, null);
        var text = BaselineFile.Write(recorded.Current, FakeRepo.Root);
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", text);
        var baseline = new BaselineInput("standards-baseline.json", file, problems);

        // CHANGELOG.md fixed, README.md newly missing.
        var after = before.With("CHANGELOG.md").Without("README.md");
        var outcome = RepositoryCheckRunner.Run(after.Snapshot(), StandardsPolicy.Default, Today, [new LayoutCheck()], baseline);
        FindingAssert.Exactly(outcome.Baselined, ("STD3031", "SECURITY.md", 0));
        var changelogLine = -1 + text.Split('\n').ToList().FindIndex(l => l.Contains("\"file\": \"CHANGELOG.md\"", StringComparison.Ordinal));
        FindingAssert.Exactly(outcome.Reported, ("STD3001", "README.md", 0), ("STD3902", "standards-baseline.json", changelogLine));
        Assert.Equal(1, outcome.Removable);
        Assert.Contains("CHANGELOG.md", outcome.Reported.Single(f => f.Code == "STD3902").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_problems_are_reported_and_removable_entries_can_be_turned_down()
    {
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", "{ \"version\": 1, \"findings\": [ { \"code\": \"STD3031\", \"file\": \"SECURITY.md\", \"message\": \"m\" }, 7 ] }");
        var baseline = new BaselineInput("standards-baseline.json", file, problems);
        var outcome = RepositoryCheckRunner.Run(FakeRepo.Library().Snapshot(), FakeRepo.Policy("""{ "rules": { "STD3902": "info" } }"""), Today, [new LayoutCheck()], baseline);
        FindingAssert.Exactly(outcome.Reported, ("STD3901", "standards-baseline.json", 1), ("STD3902", "standards-baseline.json", 1));
        Assert.Equal(Severity.Info, outcome.Reported.Single(f => f.Code == "STD3902").Severity);
    }

    [Fact]
    public void A_failing_check_is_STD0000_and_the_others_still_run()
    {
        var outcome = RepositoryCheckRunner.Run(FakeRepo.Library().Without("SECURITY.md").Snapshot(), StandardsPolicy.Default, Today, [new ThrowingCheck(), new LayoutCheck()], null);
        FindingAssert.Exactly(outcome.Reported, ("STD0000", null, 0), ("STD3031", "SECURITY.md", 0));
        Assert.Equal(["boom", "layout"], outcome.Timings.Select(t => t.Name));
        Assert.Contains("StandardsRepositoryChecks=false", outcome.Reported[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absolute_paths_below_the_root_become_relative()
    {
        var outcome = RepositoryCheckRunner.Run(FakeRepo.Library().Snapshot(), StandardsPolicy.Default, Today, [new AbsoluteCheck()], null);
        FindingAssert.Exactly(outcome.Reported, ("STD3031", "docs/x.md", 2), ("STD3031", "/elsewhere/y.md", 3), ("STD3031", "win/path.md", 4));
    }

    [Fact]
    public void Registered_checks_are_dependencies_then_layout_then_secrets() =>
        Assert.Equal(["dependencies", "layout", "secrets"], RepositoryChecks.All.Select(c => c.Name));

    private static RepositoryCheckOutcome Run(FakeRepo repo, string? policy) =>
        RepositoryCheckRunner.Run(repo.Snapshot(), FakeRepo.Policy(policy), Today, [new LayoutCheck()], null);

    private sealed class ThrowingCheck : IRepositoryCheck
    {
        public string Name => "boom";

        public void Run(RepositoryCheckContext context) =>
            throw new InvalidOperationException("bug");
    }

    private sealed class AbsoluteCheck : IRepositoryCheck
    {
        public string Name => "absolute";

        public void Run(RepositoryCheckContext context) => context.Reporter.AddRange(
        [
            new Finding("STD3031", Severity.Warning, "m", "/repo/docs/x.md", 2),
            new Finding("STD3031", Severity.Warning, "m", "/elsewhere/y.md", 3),
            new Finding("STD3031", Severity.Warning, "m", "win\\path.md", 4),
            new Finding("STD3031", Severity.None, "off", "docs/z.md", 5),
        ]);
    }
}
