using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Secrets;

public class SecretsCheckTests
{
    private static readonly DateOnly Today = FakeRepo.Today;

    private static RepositorySnapshot Snapshot(IReadOnlyDictionary<string, string> files, IEnumerable<string>? tracked, IEnumerable<string>? ignored = null) =>
        new(FakeRepo.Root, [.. files.Keys], [], p => files.TryGetValue(p, out var t) ? t : null,
            tracked is null ? null : new HashSet<string>(tracked, StringComparer.Ordinal),
            ignored is null ? null : new HashSet<string>(ignored, StringComparer.Ordinal));

    private static IReadOnlyList<Finding> Run(IReadOnlyDictionary<string, string> files, IEnumerable<string>? tracked, string? policy = null) =>
        new SecretsCheck().Run(Snapshot(files, tracked), FakeRepo.Policy(policy), Today);

    private static Dictionary<string, string> Files(params (string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);

    private static string Token(int seed) => "ghp_" + SecretCorpus.Chars(new Random(seed), "abcdefghijklmnopqrstuvwxyz0123456789", 36);

    [Fact]
    public void Every_corpus_positive_in_a_tracked_file_is_one_error_at_its_line_naming_kind_and_fingerprint_but_not_the_secret()
    {
        var samples = SecretCorpus.Positives().Select((s, i) => (Path: $"deploy/{i:D3}/{s.FileName}", Sample: s)).ToList();
        var files = samples.ToDictionary(s => s.Path, s => s.Sample.Text, StringComparer.Ordinal);
        var findings = Run(files, files.Keys);
        FindingAssert.Exactly(findings, [.. samples.Select(s => (SecretRuleIds.SecretInFile, (string?)s.Path, s.Sample.Line))]);
        foreach (var (finding, (path, sample)) in findings.OrderBy(f => f.File, StringComparer.Ordinal).Zip(samples))
        {
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.Contains($"({sample.Format}, fingerprint ", finding.Message, StringComparison.Ordinal);
            Assert.True(finding.Column > 0);
            var line = sample.Text.Split('\n')[sample.Line - 1];
            var longest = line.Split('"', '\'', '=', ' ', '<', '>', ';', ':').OrderByDescending(p => p.Length).First();
            Assert.DoesNotContain(longest, finding.Message, StringComparison.Ordinal);
            Assert.StartsWith(path, finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Corpus_negatives_give_no_finding()
    {
        var files = SecretCorpus.Negatives().Select((s, i) => (Path: $"n/{i:D3}/{s.FileName}", s.Text)).ToDictionary(s => s.Path, s => s.Text, StringComparer.Ordinal);
        FindingAssert.None(Run(files, files.Keys));
    }

    [Fact]
    public void Only_tracked_files_are_searched_and_outside_git_every_file_not_ignored()
    {
        var files = Files(("appsettings.json", $"{{ \"GitHub\": \"{Token(1)}\" }}\n"), ("local/.env", $"TOKEN={Token(2)}\n"), ("ignored/.env", $"X={Token(3)}\n"));
        FindingAssert.Exactly(Run(files, ["appsettings.json"]), (SecretRuleIds.SecretInFile, "appsettings.json", 1));
        var outsideGit = new SecretsCheck().Run(Snapshot(files, tracked: null, ignored: ["ignored/.env"]), StandardsPolicy.Default, Today);
        FindingAssert.Exactly(outsideGit, (SecretRuleIds.SecretInFile, "appsettings.json", 1), (SecretRuleIds.SecretInFile, "local/.env", 1));
    }

    [Fact]
    public void Source_and_markdown_files_are_left_to_the_analyzer_and_the_reader()
    {
        var files = Files(("src/Api/Program.cs", $"var t = \"{Token(4)}\";\n"), ("README.md", $"token {Token(5)}\n"));
        FindingAssert.None(Run(files, files.Keys));
    }

    [Fact]
    public void A_key_store_is_a_finding_by_its_presence_and_a_strong_name_key_is_allowed()
    {
        var files = Files(("certs/server.pfx", "\u0001binary"), ("certs/client.P12", "\u0001"), ("src/Lib/key.snk", "\u0007\u0002"));
        var findings = Run(files, files.Keys);
        FindingAssert.Exactly(findings, (SecretRuleIds.KeyStoreCommitted, "certs/server.pfx", 0), (SecretRuleIds.KeyStoreCommitted, "certs/client.P12", 0));
    }

    [Fact]
    public void An_exception_scoped_to_a_folder_allows_its_files()
    {
        const string policy = """
            { "exceptions": [ { "rule": "STD3040", "scope": "tests/fixtures/**", "owner": "@a", "reason": "fake credentials of the fixtures", "expires": "2026-12-31" } ] }
            """;
        var files = Files(("tests/fixtures/appsettings.json", $"{{ \"Token\": \"{Token(6)}\" }}\n"), ("appsettings.json", $"{{ \"Token\": \"{Token(7)}\" }}\n"));
        FindingAssert.Exactly(Run(files, files.Keys, policy), (SecretRuleIds.SecretInFile, "appsettings.json", 1));
    }

    [Fact]
    public void The_rule_turned_off_searches_nothing()
    {
        var files = Files(("appsettings.json", $"{{ \"Token\": \"{Token(8)}\" }}\n"));
        FindingAssert.None(Run(files, files.Keys, """{ "rules": { "STD3040": "none" } }"""));
    }

    [Fact]
    public void A_baselined_secret_is_accepted_and_a_new_secret_on_the_same_line_or_in_its_place_still_fails()
    {
        var before = Files(("appsettings.json", $"{{\n  \"Token\": \"{Token(10)}\"\n}}\n"));
        var recorded = RepositoryCheckRunner.Run(Snapshot(before, before.Keys), StandardsPolicy.Default, Today, [new SecretsCheck()], null);
        var (file, problems) = BaselineFile.Parse("standards-baseline.json", BaselineFile.Write(recorded.Current, FakeRepo.Root));
        var baseline = new BaselineInput("standards-baseline.json", file, problems);

        var same = RepositoryCheckRunner.Run(Snapshot(before, before.Keys), StandardsPolicy.Default, Today, [new SecretsCheck()], baseline);
        FindingAssert.None(same.Reported);
        FindingAssert.Exactly(same.Baselined, (SecretRuleIds.SecretInFile, "appsettings.json", 2));

        var replaced = Files(("appsettings.json", $"{{\n  \"Token\": \"{Token(11)}\"\n}}\n"));
        var outcome = RepositoryCheckRunner.Run(Snapshot(replaced, replaced.Keys), StandardsPolicy.Default, Today, [new SecretsCheck()], baseline);
        Assert.Contains(outcome.Reported, f => f.Code == SecretRuleIds.SecretInFile && f.Line == 2);
        Assert.Contains(outcome.Reported, f => f.Code == BaselineRuleIds.EntryNoLongerNeeded);
        Assert.Empty(outcome.Baselined);

        var added = Files(("appsettings.json", $"{{\n  \"Token\": \"{Token(10)}\", \"Other\": \"{Token(12)}\"\n}}\n"));
        var both = RepositoryCheckRunner.Run(Snapshot(added, added.Keys), StandardsPolicy.Default, Today, [new SecretsCheck()], baseline);
        FindingAssert.Exactly(both.Reported, (SecretRuleIds.SecretInFile, "appsettings.json", 2));
        FindingAssert.Exactly(both.Baselined, (SecretRuleIds.SecretInFile, "appsettings.json", 2));
    }

    [Fact]
    public void An_unreadable_file_is_reported_not_passed()
    {
        var snapshot = new RepositorySnapshot(FakeRepo.Root, ["appsettings.json"], [], _ => throw new UnauthorizedAccessException("denied"), new HashSet<string>(["appsettings.json"]));
        var outcome = RepositoryCheckRunner.Run(snapshot, StandardsPolicy.Default, Today, [new SecretsCheck()], null);
        FindingAssert.Exactly(outcome.Reported, (Rules.PolicyRuleIds.InputUnreadable, "appsettings.json", 0));
    }

    /// <summary>
    /// This repository, templates and test fixtures included, as git tracks it: no finding (our own build does not
    /// run the repository checks, so this is where they meet our files).
    /// </summary>
    [Fact]
    public void Our_own_repository_holds_no_secret()
    {
        var (snapshot, _) = RepositorySnapshotLoader.Load(Standards.Sdk.Testing.RepoPaths.Root);
        Assert.NotNull(snapshot.TrackedFiles);
        Assert.Contains(snapshot.TrackedFiles, SecretsCheck.IsScanned);
        FindingAssert.None(new SecretsCheck().Run(snapshot, StandardsPolicy.Default, Today));
    }

    /// <summary>
    /// The adoption fixture repos (tests/fixtures/adopt-*), each searched as a repo of its own: the files the check
    /// searches there and its false positives (none), as docs/rules/STD3040.md reports them.
    /// </summary>
    [Theory]
    [InlineData("adopt-library", "global.json")]
    [InlineData("adopt-service", "global.json", "src/Acme.Catalog.Web/appsettings.json", "templates/acme-module/.template.config/template.json")]
    public void The_adoption_fixture_repos_give_no_false_positive(string fixture, params string[] searched)
    {
        var (snapshot, _) = RepositorySnapshotLoader.Load(Path.Combine(Standards.Sdk.Testing.RepoPaths.Root, "tests", "fixtures", fixture), useGit: false);
        Assert.Equal(searched, snapshot.Files.Where(SecretsCheck.IsScanned).Order(StringComparer.Ordinal));
        FindingAssert.None(new SecretsCheck().Run(snapshot, StandardsPolicy.Default, Today));
    }

    [Theory]
    [InlineData("src/Api/appsettings.Development.json", true)]
    [InlineData("deploy/.env", true)]
    [InlineData("deploy/.env.production", true)]
    [InlineData("charts/api/values.yaml", true)]
    [InlineData("scripts/deploy.sh", true)]
    [InlineData("certs/server.pem", true)]
    [InlineData("src/Api/Program.cs", false)]
    [InlineData("src/Lib/key.snk", false)]
    public void Searched_files_are_content_inputs_of_the_repository_fingerprint(string path, bool scanned)
    {
        Assert.Equal(scanned, SecretsCheck.IsScanned(path));
        Assert.Equal(scanned, RepositoryFingerprint.IsContentInput(path));
    }

    /// <summary>
    /// IsScanned answers by set lookups (the fingerprint asks it for every file of the repo on every build); it must
    /// say exactly what the globs of ScannedNames say, in any case, and no pattern may be of a form it does not know.
    /// </summary>
    [Fact]
    public void The_fast_name_test_says_what_the_scanned_name_globs_say()
    {
        Assert.All(SecretsCheck.ScannedNames, p => Assert.True(
            (p.StartsWith("*.", StringComparison.Ordinal) && p.LastIndexOf('*') == 0) || !p.Contains('*', StringComparison.Ordinal) || (p.IndexOf('*', StringComparison.Ordinal) == p.Length - 1 && p.EndsWith(".*", StringComparison.Ordinal)),
            $"{p} is of a form IsScanned does not know"));
        string[] names =
        [
            .. SecretsCheck.ScannedNames.Select(p => p.Replace("*", "x", StringComparison.Ordinal)),
            .. SecretsCheck.ScannedNames.Select(p => p.Replace("*", string.Empty, StringComparison.Ordinal).ToUpperInvariant()),
            .. SecretsCheck.ScannedNames.Select(p => p.Replace("*", "a.b", StringComparison.Ordinal) + ".bak"),
            .. SecretsCheck.ScannedNames.Select(p => "pre" + p.Replace("*", "x", StringComparison.Ordinal)),
            "Program.cs", "key.snk", "README.md", "json", "env", ".envrc", "x.env.local", ".ENV.Production", "appsettings.JSON", "id_rsa.pub", "a.jsonx", "noextension", ".",
        ];
        foreach (var name in names)
        {
            var expected = SecretsCheck.ScannedNames.Any(p => Glob.IsMatch(p, name.ToLowerInvariant()));
            Assert.True(expected == SecretsCheck.IsScanned("some/folder/" + name), $"{name}: the globs say {expected}");
            Assert.Equal(expected, SecretsCheck.IsScanned(name));
        }
    }
}
