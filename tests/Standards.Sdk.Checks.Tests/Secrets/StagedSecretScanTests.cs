using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Secrets;

public class StagedSecretScanTests
{
    private static RepositorySnapshot Staged(params (string Path, string Text)[] files)
    {
        var map = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        return new RepositorySnapshot(FakeRepo.Root, [.. map.Keys], [], p => map.TryGetValue(p, out var t) ? t : null);
    }

    private static string Token(int seed) => "ghp_" + SecretCorpus.Chars(new Random(seed), "abcdefghijklmnopqrstuvwxyz0123456789", 36);

    [Fact]
    public void A_staged_secret_and_key_store_are_the_only_findings_of_a_snapshot_that_breaks_every_layout_rule()
    {
        // A commit's staged files alone: no README, no standards.json, no projects. Only the secret check speaks.
        var staged = Staged(("deploy/settings.env", $"A=1\nGITHUB_TOKEN={Token(1)}\n"), ("certs/server.pfx", "\u0001"), ("docs/notes.yml", "a: b\n"));
        var outcome = StagedSecretScan.Run(staged, StandardsPolicy.Default, FakeRepo.Today, baseline: null);
        FindingAssert.Exactly(outcome.Reported, (SecretRuleIds.KeyStoreCommitted, "certs/server.pfx", 0), (SecretRuleIds.SecretInFile, "deploy/settings.env", 2));
        Assert.All(outcome.Reported, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.DoesNotContain(Token(1), outcome.Reported.Single(f => f.Code == SecretRuleIds.SecretInFile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staged_file_too_large_to_search_in_full_is_named_before_the_commit()
    {
        var staged = Staged(("data/dump.txt", new string('\n', SecretsCheck.MaxSearchedBytes + 10)));
        var outcome = StagedSecretScan.Run(staged, StandardsPolicy.Default, FakeRepo.Today, baseline: null);
        FindingAssert.Exactly(outcome.Reported, (SecretRuleIds.FileTooLargeToSearch, "data/dump.txt", 0));
    }

    [Fact]
    public void Clean_staged_files_give_no_finding()
    {
        var staged = Staged(("deploy/settings.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n"), ("README.md", "no project here\n"));
        FindingAssert.None(StagedSecretScan.Run(staged, StandardsPolicy.Default, FakeRepo.Today, baseline: null).Reported);
    }

    [Fact]
    public void Exceptions_of_standards_json_and_the_baseline_apply_and_other_entries_of_the_baseline_are_not_judged()
    {
        const string policy = """
            { "exceptions": [ { "rule": "STD3040", "scope": "tests/fixtures/**", "owner": "@a", "reason": "fake credentials of the fixtures", "expires": "2026-12-31" } ] }
            """;
        var known = ("config/app.json", $"{{\n  \"Token\": \"{Token(2)}\"\n}}\n");
        var recorded = StagedSecretScan.Run(Staged(known), StandardsPolicy.Default, FakeRepo.Today, baseline: null);
        var layout = new Finding("STD3001", Severity.Error, "README.md is missing", "README.md");
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", BaselineFile.Write([layout, .. recorded.Current], FakeRepo.Root));
        var baseline = new BaselineInput("standards-baseline.json", file, problems);

        var staged = Staged(known, ("tests/fixtures/app.json", $"{{ \"Token\": \"{Token(3)}\" }}\n"), ("deploy/.env", $"TOKEN={Token(4)}\n"));
        var outcome = StagedSecretScan.Run(staged, FakeRepo.Policy(policy), FakeRepo.Today, baseline);
        FindingAssert.Exactly(outcome.Reported, (SecretRuleIds.SecretInFile, "deploy/.env", 1));
        FindingAssert.Exactly(outcome.Baselined, (SecretRuleIds.SecretInFile, "config/app.json", 2));
    }

    [Fact]
    public void A_staged_file_that_cannot_be_read_is_reported_not_passed()
    {
        var snapshot = new RepositorySnapshot(FakeRepo.Root, ["deploy/.env"], [], _ => throw new UnauthorizedAccessException("denied"));
        FindingAssert.Exactly(StagedSecretScan.Run(snapshot, StandardsPolicy.Default, FakeRepo.Today, null).Reported, (PolicyRuleIds.InputUnreadable, "deploy/.env", 0));
    }
}
