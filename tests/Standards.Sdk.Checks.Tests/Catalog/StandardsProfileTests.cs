using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// Users learn where a rule comes from in docs/standards-profile.md, which names the organisation's document and
/// section in plain words. Every rule points at rows of it, every link into it lands on a row, and nothing a user
/// reads cites line numbers of the organisation's source documents (users do not have those files).
/// </summary>
public sealed class StandardsProfileTests
{
    /// <summary>
    /// A line citation of the source documents ("003 L228", "002 L465-471", "004 pipeline"), their file names, or
    /// "seed" used for them. (Not [GeneratedRegex]: this file is also compiled against the netstandard2.0 checks,
    /// whose GeneratedRegex polyfill would clash with .NET's.)
    /// </summary>
    private static readonly Regex Citation = new(
        @"\b00[0-4] (?:L\d+|pipeline\b)|\b00[0-4]_[0-9a-f]{16}\b|\bseeds? 00\d\b|\b[Tt]he seeds?\b|\bseed(?:'s)? (?:standards?|documents?|files?|lines?|source)\b",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Anchor = new(@"<a id=""(?<id>[a-z0-9-]+)""></a>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex Link = new(@"standards-profile\.md#(?<anchor>[A-Za-z0-9_-]+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Lazy<HashSet<string>> ProfileAnchors = new(() =>
        [.. Anchor.Matches(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "standards-profile.md"))).Select(m => m.Groups["id"].Value)]);

    public static TheoryData<string> OwnRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Id.StartsWith("STD", StringComparison.Ordinal) && r.Id != "STD0000"))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Every_rule_cites_rows_that_exist_in_the_standards_profile()
    {
        var problems = RuleCatalog.All
            .Where(r => r.Id != "STD0000")
            .SelectMany(r => r.ProfileAnchors.Count == 0
                ? [$"{r.Id} cites no row of the standards profile (RuleDefinition.Source)"]
                : r.ProfileAnchors.Where(a => !ProfileAnchors.Value.Contains(a)).Select(a => $"{r.Id} cites '{a}', which docs/standards-profile.md has no <a id=\"{a}\"></a> for"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Empty(RuleCatalog.Find("STD0000")!.ProfileAnchors);
    }

    [Theory]
    [MemberData(nameof(OwnRules))]
    public void Rule_page_source_cites_the_profile_rows_of_its_catalog_entry(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "rules", id + ".md"));
        var source = page.Split('\n').SingleOrDefault(l => l.StartsWith("| Source |", StringComparison.Ordinal));
        Assert.True(source is not null, $"docs/rules/{id}.md has no '| Source |' row");

        var cited = Link.Matches(source).Select(m => m.Groups["anchor"].Value).Order(StringComparer.Ordinal);
        Assert.Equal(RuleCatalog.Find(id)!.ProfileAnchors.Order(StringComparer.Ordinal), cited);
    }

    [Fact]
    public void Every_link_into_the_standards_profile_lands_on_a_row()
    {
        var broken = UserFiles()
            .SelectMany(file => Link.Matches(File.ReadAllText(file)).Select(m => (File: file, Anchor: m.Groups["anchor"].Value)))
            .Where(link => !ProfileAnchors.Value.Contains(link.Anchor))
            .Select(link => $"{Relative(link.File)}: #{link.Anchor} is not an anchor of docs/standards-profile.md")
            .ToList();

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void User_docs_cite_the_standards_profile_not_lines_of_the_source_documents()
    {
        var files = UserFiles();
        Assert.Contains("docs/rules/README.md", files.Select(Relative));
        Assert.Contains(files, f => Relative(f).StartsWith("templates/content/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains(files, f => Relative(f).StartsWith("sdk/", StringComparison.Ordinal) && f.EndsWith(".targets", StringComparison.Ordinal));

        var citations = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (File: file, Number: index + 1, Match: Citation.Match(line))))
            .Where(c => c.Match.Success)
            .Select(c => $"{Relative(c.File)}:{c.Number}: '{c.Match.Value}'")
            .ToList();

        Assert.True(citations.Count == 0,
            "Users do not have the organisation's source documents: say where a rule comes from by linking its row of "
            + "docs/standards-profile.md (…/standards-profile.md#anchor), which names the document and section in plain words.\n"
            + string.Join('\n', citations));
    }

    [Theory]
    [InlineData("Source: 003 L228")]
    [InlineData("(002 L465-471, L1684-1685)")]
    [InlineData("seed 002 L1328 asks for 10")]
    [InlineData("the seed standards require it")]
    [InlineData("see 003_cad9a7af552655f3.txt")]
    [InlineData("004 pipeline (`clippy -- -D warnings`)")]
    public void Citation_pattern_catches_the_forms_docs_have_used(string text) =>
        Assert.Matches(Citation, text);

    [Theory]
    [InlineData("CA1502 with a threshold of 15 (L15 cache)")]
    [InlineData("a random seed for the test data")]
    [InlineData("version 0.0.1 and 10.0.401")]
    public void Citation_pattern_leaves_ordinary_text_alone(string text) =>
        Assert.DoesNotMatch(Citation, text);

    /// <summary>
    /// What users read: README.md, docs/, the template pack (its docs and the files it generates into users'
    /// repos), the CI templates and the SDK package's own files.
    /// </summary>
    private static List<string> UserFiles()
    {
        string[] extensions = [".md", ".props", ".targets", ".proj", ".json", ".yml", ".yaml", ".cs", ".editorconfig", ".txt"];
        var roots = new[] { "docs", "templates", "ci-templates", "sdk" }.Select(r => Path.Combine(RepoRoot.Path, r)).Where(Directory.Exists);
        var files = roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) || Path.GetFileName(f) == ".editorconfig")
            .Where(f => !Relative(f).Split('/').Any(segment => segment is "bin" or "obj" or "node_modules"));
        return [.. files.Append(Path.Combine(RepoRoot.Path, "README.md")).Order(StringComparer.Ordinal)];
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/');
}
