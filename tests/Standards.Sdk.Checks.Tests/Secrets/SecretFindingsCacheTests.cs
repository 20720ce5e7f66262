using CsCheck;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Secrets;

/// <summary>
/// The secret check's findings by content: a build after an edit searches only the texts it has not searched
/// before, and reports exactly what a search of every file reports.
/// </summary>
public class SecretFindingsCacheTests
{
    private static readonly DateOnly Today = FakeRepo.Today;

    private static string Token(int seed) => "ghp_" + SecretCorpus.Chars(new Random(seed), "abcdefghijklmnopqrstuvwxyz0123456789", 36);

    private static RepositorySnapshot Snapshot(IReadOnlyDictionary<string, string> files) =>
        new(FakeRepo.Root, [.. files.Keys], [], p => files.TryGetValue(p, out var t) ? t : null,
            new HashSet<string>(files.Keys, StringComparer.Ordinal), null);

    /// <summary>Runs the check with a counting search over a cache read from <paramref name="cacheText"/>; gives the findings, the texts searched and the cache to store.</summary>
    private static (IReadOnlyList<(string Code, string? File, int Line)> Findings, List<string> Searched, string Cache) Run(
        Dictionary<string, string> files, string? cacheText, string version = "v1")
    {
        var searched = new List<string>();
        var cache = SecretFindingsCache.Parse(cacheText, version);
        var check = new SecretsCheck(SecretsCheck.MaxSearchedBytes, (text, names) =>
        {
            searched.Add(text);
            return SecretDetector.Find(text, names);
        }, cache);
        var findings = check.Run(Snapshot(files), StandardsPolicy.Default, Today)
            .Select(f => (f.Code, f.File, f.Line)).OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        Assert.Equal(searched.Count, cache.Searched);
        return (findings, searched, cache.Write());
    }

    private static Dictionary<string, string> Repo() => new(StringComparer.Ordinal)
    {
        ["appsettings.json"] = $"{{\n  \"GitHub\": \"{Token(1)}\"\n}}\n",
        ["src/App.cs"] = "class App { }\n",
        ["docs/notes.md"] = $"a token: {Token(2)}\n",
    };

    [Fact]
    public void A_build_after_no_change_searches_nothing_and_reports_the_same_findings()
    {
        var files = Repo();
        var first = Run(files, null);
        Assert.Equal(3, first.Searched.Count);
        Assert.Equal([(SecretRuleIds.SecretInFile, "appsettings.json", 2), (SecretRuleIds.SecretInFile, "docs/notes.md", 1)], first.Findings);

        var second = Run(files, first.Cache);

        Assert.Empty(second.Searched);
        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Cache, second.Cache);
    }

    [Fact]
    public void A_changed_or_added_file_is_searched_again_and_a_removed_ones_findings_are_dropped()
    {
        var files = Repo();
        var cache = Run(files, null).Cache;

        files["src/App.cs"] = $"class App {{ const string T = \"{Token(3)}\"; }}\n";
        files["deploy/run.sh"] = $"export T={Token(4)}\n";
        files.Remove("docs/notes.md");
        var after = Run(files, cache);

        Assert.Equal([files["src/App.cs"], files["deploy/run.sh"]], after.Searched.Order(StringComparer.Ordinal));
        Assert.Equal([(SecretRuleIds.SecretInFile, "appsettings.json", 2), (SecretRuleIds.SecretInFile, "deploy/run.sh", 1), (SecretRuleIds.SecretInFile, "src/App.cs", 1)], after.Findings);
        Assert.Equal(3, after.Cache.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);

        // The removed file's text comes back: its entry was dropped, so it is searched again.
        files["docs/notes.md"] = Repo()["docs/notes.md"];
        var restored = Run(files, after.Cache);
        Assert.Equal([files["docs/notes.md"]], restored.Searched);
        Assert.Contains((SecretRuleIds.SecretInFile, "docs/notes.md", 1), restored.Findings);
    }

    [Fact]
    public void The_same_text_as_a_configuration_file_and_as_code_are_two_entries()
    {
        // In a configuration file values under secret names are searched too: the findings of one are not the other's.
        var text = "password = hunter2-is-long-enough\n";
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["src/a.txt"] = text };
        var cache = Run(files, null).Cache;

        var asConfiguration = Run(new Dictionary<string, string>(StringComparer.Ordinal) { ["src/a.txt"] = text, ["a.ini"] = text }, cache);

        Assert.Equal([text], asConfiguration.Searched);
    }

    [Fact]
    public void A_cache_of_another_detector_version_or_a_damaged_one_is_not_reused()
    {
        var files = Repo();
        var cache = Run(files, null, version: "v1").Cache;

        Assert.Equal(3, Run(files, cache, version: "v2").Searched.Count);
        Assert.Equal(3, Run(files, "standards-secret-findings v1\n" + string.Join('\n', cache.Split('\n').Skip(1)), version: "v1").Searched.Count);

        // An entry whose findings are damaged is searched again, never taken as a file without secrets.
        var lines = cache.Split('\n');
        var damaged = string.Join('\n', lines.Select((l, i) => i > 0 && l.Contains(' ', StringComparison.Ordinal) ? l[..^3] + " x" : l));
        var again = Run(files, damaged, version: "v1");
        Assert.Equal(2, again.Searched.Count);
        Assert.Equal(Run(files, null).Findings, again.Findings);
    }

    [Fact]
    public void The_detector_version_is_the_build_of_the_checks_assembly()
    {
        Assert.Equal(typeof(SecretDetector).Assembly.ManifestModule.ModuleVersionId.ToString("N"), SecretFindingsCache.Version);
    }

    [Fact]
    public void Any_text_as_a_cache_is_read_without_an_exception_and_every_file_gets_the_findings_a_full_search_gives()
    {
        var files = Repo();
        var expected = Run(files, null).Findings;
        Gen.String.Sample(text => Assert.Equal(expected, Run(files, "standards-secret-findings v1\tv1\n" + text).Findings), iter: 200);
    }
}
