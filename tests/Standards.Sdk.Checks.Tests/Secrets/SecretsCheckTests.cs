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
    public void Values_under_secret_names_are_reported_in_configuration_files_and_not_in_code_or_prose()
    {
        var value = SecretCorpus.Chars(new Random(26), "abcdefghijklmnopqrstuvwxyz0123456789", 20);
        var files = Files(("appsettings.json", $"{{ \"Password\": \"{value}\" }}\n"), ("src/Api/Login.cs", $"var password = \"{value}\";\nif (token == accessToken) {{ }}\n"), ("docs/setup.md", $"password = {value}\n"));
        FindingAssert.Exactly(Run(files, files.Keys), (SecretRuleIds.SecretInFile, "appsettings.json", 1));
        Assert.True(SecretsCheck.IsConfiguration("deploy/.env.production"));
        Assert.False(SecretsCheck.IsConfiguration("src/Api/Program.cs"));
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

    /// <summary>Every tracked text file is searched, whatever its name: these were passed over when the check went by a list of names.</summary>
    [Theory]
    [InlineData("Dockerfile", "ENV GITHUB_VALUE={0}\n")]
    [InlineData("api/orders.http", "GET https://api.github.com/user\nAuthorization: Bearer {0}\n")]
    [InlineData("Directory.Build.props", "<Project><PropertyGroup><Feed>{0}</Feed></PropertyGroup></Project>\n")]
    [InlineData("build/push.targets", "<Project><Target Name=\"Push\"><Exec Command=\"gh auth login --with {0}\" /></Target></Project>\n")]
    [InlineData("infra/main.tf", "locals {{\n  github = \"{0}\"\n}}\n")]
    [InlineData("tools/release.py", "HEADERS = {{\"Authorization\": \"token {0}\"}}\n")]
    [InlineData("site/app.js", "const github = '{0}';\n")]
    [InlineData("scratch/Uncompiled.cs", "// var token = \"{0}\";\n")]
    [InlineData("README.md", "Run `gh auth login --with-token {0}`.\n")]
    [InlineData("noextension", "{0}\n")]
    public void A_github_token_in_any_tracked_text_file_is_found(string path, string template)
    {
        var text = "first line\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Token(4));
        var line = text.Split('\n').TakeWhile(l => !l.Contains(Token(4), StringComparison.Ordinal)).Count() + 1;
        var files = Files((path, text));
        FindingAssert.Exactly(Run(files, files.Keys), (SecretRuleIds.SecretInFile, path, line));
    }

    [Fact]
    public void Binary_content_is_not_searched_and_text_of_any_encoding_git_calls_text_is()
    {
        var folder = Standards.Sdk.Testing.PackedSdk.NewTempDirectory("secrets-binary");
        File.WriteAllBytes(Path.Combine(folder, "logo.png"), [0x89, 0x50, 0x4e, 0x47, 0, 0, .. System.Text.Encoding.ASCII.GetBytes(" " + Token(20))]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "\uFEFFnotes " + Token(21) + "\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var (snapshot, _) = RepositorySnapshotLoader.Load(folder, useGit: false);
        FindingAssert.Exactly(new SecretsCheck().Run(snapshot, StandardsPolicy.Default, Today), (SecretRuleIds.SecretInFile, "notes.txt", 1));
        Assert.True(SecretsCheck.IsBinary([1, 2, 0]));
        Assert.False(SecretsCheck.IsBinary([.. Enumerable.Repeat((byte)'a', SecretsCheck.BinarySniffBytes), 0]));
    }

    [Fact]
    public void A_tracked_file_that_gitignore_also_matches_is_searched()
    {
        // Added with `git add -f`: committed, so CI's build must judge it whatever .gitignore says.
        var files = Files((".env", $"TOKEN={Token(32)}\n"), ("src/App.cs", "class App { }\n"));
        var findings = new SecretsCheck().Run(Snapshot(files, files.Keys, ignored: [".env"]), StandardsPolicy.Default, Today);
        FindingAssert.Exactly(findings, (SecretRuleIds.SecretInFile, ".env", 1));
    }

    [Fact]
    public void A_search_past_its_time_limit_is_STD3043_naming_the_file_never_an_internal_error_or_a_pass()
    {
        var files = Files(("wwwroot/lib/site.min.js", "var a=1;"), ("appsettings.json", $"{{ \"Token\": \"{Token(31)}\" }}\n"));
        var check = new SecretsCheck(SecretsCheck.MaxSearchedBytes, (text, names) =>
            text.StartsWith("var a", StringComparison.Ordinal) ? throw new System.Text.RegularExpressions.RegexMatchTimeoutException(text, "x", SecretDetector.MatchTimeout) : SecretDetector.Find(text, names));

        var findings = check.Run(Snapshot(files, files.Keys), StandardsPolicy.Default, Today);

        // The other files are still searched; the one that ran out of time is named with its own code.
        FindingAssert.Exactly(findings, (SecretRuleIds.SearchTimedOut, "wwwroot/lib/site.min.js", 0), (SecretRuleIds.SecretInFile, "appsettings.json", 1));
        Assert.Contains("could not be searched for secrets in full", findings.Single(f => f.Code == SecretRuleIds.SearchTimedOut).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_searched_up_to_it_and_named_never_skipped()
    {
        var early = $"a = \"{Token(22)}\"\n";
        var text = early + new string('x', 2000) + $"\nb = \"{Token(23)}\"\n";
        var folder = Standards.Sdk.Testing.PackedSdk.NewTempDirectory("secrets-large");
        File.WriteAllText(Path.Combine(folder, "data.json"), text);
        var (onDisk, _) = RepositorySnapshotLoader.Load(folder, useGit: false);
        var inMemory = Snapshot(Files(("data.json", text)), ["data.json"]);
        foreach (var snapshot in new[] { onDisk, inMemory })
        {
            var findings = new SecretsCheck(1000).Run(snapshot, StandardsPolicy.Default, Today);
            FindingAssert.Exactly(findings, (SecretRuleIds.SecretInFile, "data.json", 1), (SecretRuleIds.FileTooLargeToSearch, "data.json", 0));
            Assert.Contains("only its first 1,000 bytes were searched", findings.Single(f => f.Code == SecretRuleIds.FileTooLargeToSearch).Message, StringComparison.Ordinal);
            FindingAssert.Exactly(new SecretsCheck(10_000).Run(snapshot, StandardsPolicy.Default, Today), (SecretRuleIds.SecretInFile, "data.json", 1), (SecretRuleIds.SecretInFile, "data.json", 3));
        }
    }

    [Fact]
    public void A_symbolic_link_is_not_followed_out_of_the_repo()
    {
        var outside = Standards.Sdk.Testing.PackedSdk.NewTempDirectory("secrets-outside");
        File.WriteAllText(Path.Combine(outside, "token.txt"), Token(24) + "\n");
        var folder = Standards.Sdk.Testing.PackedSdk.NewTempDirectory("secrets-link");
        File.CreateSymbolicLink(Path.Combine(folder, "linked.txt"), Path.Combine(outside, "token.txt"));
        var (snapshot, _) = RepositorySnapshotLoader.Load(folder, useGit: false);
        Assert.Contains("linked.txt", snapshot.Files);
        FindingAssert.None(new SecretsCheck().Run(snapshot, StandardsPolicy.Default, Today));
    }

    [Fact]
    public void The_aws_documentation_example_keys_are_allowed_and_a_real_looking_pair_is_not()
    {
        var example = Files(("deploy/.env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"));
        FindingAssert.None(Run(example, example.Keys));
        var random = new Random(25);
        var real = Files(("deploy/.env", $"AWS_ACCESS_KEY_ID=AKIA{SecretCorpus.Chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}\nAWS_SECRET_ACCESS_KEY={SecretCorpus.Chars(random, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+", 40)}\n"));
        FindingAssert.Exactly(Run(real, real.Keys), (SecretRuleIds.SecretInFile, "deploy/.env", 1), (SecretRuleIds.SecretInFile, "deploy/.env", 2));
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
    /// The adoption fixture repos (tests/fixtures/adopt-*), each searched as a repo of its own: every file is a
    /// candidate, and the false positives are none, as docs/rules/STD3040.md reports them.
    /// </summary>
    [Theory]
    [InlineData("adopt-library")]
    [InlineData("adopt-service")]
    public void The_adoption_fixture_repos_give_no_false_positive(string fixture)
    {
        var (snapshot, _) = RepositorySnapshotLoader.Load(Path.Combine(Standards.Sdk.Testing.RepoPaths.Root, "tests", "fixtures", fixture), useGit: false);
        Assert.All(snapshot.Files, f => Assert.True(SecretsCheck.IsScanned(f), f));
        FindingAssert.None(new SecretsCheck().Run(snapshot, StandardsPolicy.Default, Today));
    }

    [Theory]
    [InlineData("src/Api/appsettings.Development.json", true)]
    [InlineData("deploy/.env", true)]
    [InlineData("deploy/.env.production", true)]
    [InlineData("charts/api/values.yaml", true)]
    [InlineData("scripts/deploy.sh", true)]
    [InlineData("certs/server.pem", true)]
    [InlineData("src/Api/Program.cs", true)]
    [InlineData("Dockerfile", true)]
    [InlineData("infra/main.tf", true)]
    [InlineData("src/Lib/key.snk", true)]
    [InlineData("certs/server.pfx", false)]
    public void Searched_files_are_content_inputs_of_the_repository_fingerprint(string path, bool scanned)
    {
        Assert.Equal(scanned, SecretsCheck.IsScanned(path));
        Assert.Equal(scanned, RepositoryFingerprint.IsContentInput(path));
    }

    /// <summary>
    /// The check's inputs are every file's content, so the fingerprint must change with any of them (the same size
    /// and the same modification time included) and stay the same when nothing changed (a no-op build skips the check).
    /// </summary>
    [Fact]
    public void The_fingerprint_changes_with_the_content_of_any_file_and_not_otherwise()
    {
        var folder = Standards.Sdk.Testing.PackedSdk.NewTempDirectory("secrets-fingerprint");
        Directory.CreateDirectory(Path.Combine(folder, "src", "Api"));
        var program = Path.Combine(folder, "src", "Api", "Program.cs");
        File.WriteAllText(Path.Combine(folder, "src", "Api", "Dockerfile"), "FROM scratch\n");
        File.WriteAllText(program, "var a = 1;\n");
        var hashes = ContentHashCache.Parse(null);
        string Fingerprint() => RepositoryFingerprint.Compute(folder, ["today=2026-02-01"], [], hashes).Text;

        var before = Fingerprint();
        Assert.Equal(before, Fingerprint());
        var written = File.GetLastWriteTimeUtc(program);
        File.WriteAllText(program, "var a = 2;\n");
        File.SetLastWriteTimeUtc(program, written);
        var changed = Fingerprint();
        Assert.NotEqual(before, changed);
        File.WriteAllText(Path.Combine(folder, "src", "Api", "notes.txt"), "x\n");
        Assert.NotEqual(changed, Fingerprint());
    }
}
