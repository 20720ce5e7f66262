using System.Globalization;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// docs/settings.md, the settings reference, is generated from the section readers' declarations
/// (<see cref="SettingsPageWriter"/>; its drift test is in <see cref="GeneratedFilesTests"/>). These tests hold the
/// other ends: every section the loader hands to a reader has its part, every key a reader declares has its row,
/// the defaults shown are the ones the readers apply, and the feature docs send readers to the page.
/// </summary>
public sealed class SettingsPageTests
{
    /// <summary>The section readers' shapes, named here independently of the generator's list.</summary>
    private static readonly (string Name, JsonShape Shape)[] ReaderShapes =
    [
        ("dependencies", LicensePolicy.SectionShape),
        ("layout", LayoutSettings.Shape),
        ("coverage", CoverageSettings.Shape),
        ("budgets", BudgetSettings.Shape),
        ("release", ReleaseSettings.Shape),
    ];

    /// <summary>The feature docs that explain the sections, and the configuration reference's top-level keys.</summary>
    private static readonly string[] FeatureDocs = ["quality-gates.md", "layout.md", "release.md", "dependencies.md", "configuration.md"];

    private static readonly Regex Heading = new(@"^#{1,6} (?<text>.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Page => File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "settings.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Every section the loader leaves to a check's reader (a key of any type at the top) is one the page documents, with that reader's shape.</summary>
    [Fact]
    public void Every_section_the_loader_hands_to_a_reader_is_on_the_page_with_its_readers_shape()
    {
        var handedOver = PolicyLoader.Root.Keys.Where(k => k.Type == JsonType.Any).Select(k => k.Name).Order(StringComparer.Ordinal);
        Assert.Equal(handedOver, FeatureSections.All.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(handedOver, ReaderShapes.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(ReaderShapes, r => Assert.Same(r.Shape, FeatureSections.All.Single(s => s.Name == r.Name).Shape));
        Assert.All(FeatureSections.All, s => Assert.Contains($"\n## {s.Name}\n", Page, StringComparison.Ordinal));
    }

    /// <summary>A key a reader declares, at any depth (an object's fields, a map's values), has its row: a new key cannot be undocumented.</summary>
    [Fact]
    public void Every_key_the_readers_declare_has_a_row_with_its_description()
    {
        var page = Page;
        var keys = ReaderShapes.SelectMany(r => Keys(r.Name, r.Shape)).ToList();
        Assert.Contains(keys, k => k.Path == "budgets.benchmarks.<pattern>.mean");
        Assert.Contains(keys, k => k.Path == "release.signing.packages");
        Assert.Contains(keys, k => k.Path == "dependencies.licenses.packages");
        Assert.All(keys, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Key.Description), $"{k.Path} declares no Description");
            var row = page.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{k.Path}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/settings.md has no row for {k.Path}; run eng/update-generated.sh");
            Assert.EndsWith($"| {k.Key.Description!.Replace("|", "\\|", StringComparison.Ordinal)} |", row, StringComparison.Ordinal);
        });
        Assert.Equal(keys.Count, page.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Contains('.', StringComparison.Ordinal) && !l.Contains("](#", StringComparison.Ordinal)));
    }

    /// <summary>The page (and the schema) show a default only where the reader applies that very value when the key is absent.</summary>
    [Fact]
    public void The_defaults_declared_are_the_ones_the_readers_apply()
    {
        var findings = new List<Finding>();
        var policy = PolicyLoader.Load("standards.json", """{ "coverage": {}, "budgets": {}, "layout": {}, "release": {}, "dependencies": { "licenses": {} } }""", new DateOnly(2026, 11, 28)).Policy;
        var coverage = CoverageSettings.Read(policy, findings);
        var budgets = BudgetSettings.Read(policy, findings);
        var layout = LayoutSettings.Read(policy, findings);
        var release = ReleaseSettings.Read("standards.json", policy.Document?.Get("release"), findings);
        var (licences, problems) = LicensePolicy.From(policy);
        Assert.Empty(findings);
        Assert.Empty(problems);

        Assert.Equal(coverage.Line, Default("coverage.line"));
        Assert.Equal(coverage.Branch, Default("coverage.branch"));
        Assert.Equal(coverage.CriticalLine, Default("coverage.criticalLine"));
        Assert.Equal(coverage.Tolerance, Default("coverage.tolerance"));
        Assert.Equal(budgets.Regression, Default("budgets.regression"));
        Assert.Equal(budgets.AllocationRegression, Default("budgets.allocationRegression"));
        Assert.Equal(budgets.Noise, Default("budgets.noise"));
        Assert.Equal(licences.Allowed.Order(StringComparer.Ordinal), ((IEnumerable<string>)Default("dependencies.licenses.allow")!).Order(StringComparer.Ordinal));
        Assert.Equal(licences.Denied.Order(StringComparer.Ordinal), ((IEnumerable<string>)Default("dependencies.licenses.deny")!).Order(StringComparer.Ordinal));
        Assert.Equal(layout.CheckProjectsWithoutStandardsSdk ? "check" : "ignore", Default("layout.projectsWithoutStandardsSdk"));
        Assert.Equal(release.SbomFormat ?? "spdx", Default("release.sbom.format"));
        Assert.Equal(release.SbomEnabled, Default("release.sbom.enabled"));
        Assert.Equal(Word(release.StrongName), Default("release.signing.strongName"));
        Assert.Equal(Word(release.Packages), Default("release.signing.packages"));
    }

    /// <summary>Each feature doc and the configuration reference link to the generated page for the key reference.</summary>
    [Theory]
    [MemberData(nameof(Docs))]
    public void The_feature_docs_link_to_the_settings_reference(string doc)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", doc));
        Assert.Contains("](settings.md", text, StringComparison.Ordinal);
    }

    /// <summary>The feature docs the page links to have the headings its anchors name.</summary>
    [Fact]
    public void The_pages_links_to_the_feature_docs_land_on_headings()
    {
        foreach (var (_, target) in FeatureSections.All.SelectMany(s => s.Docs))
        {
            var parts = target.Split('#');
            var anchors = Heading.Matches(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", parts[0]))).Select(m => Slug(m.Groups["text"].Value));
            Assert.True(anchors.Contains(parts[1]), $"docs/{parts[0]} has no heading for #{parts[1]}");
        }
    }

    public static TheoryData<string> Docs() => [.. FeatureDocs];

    private static object? Default(string path) =>
        FeatureSections.All.SelectMany(SettingsPageWriter.Rows).Single(r => r.Path == path).Key.Default;

    private static string Word(SigningRequirement requirement)
    {
        var name = requirement.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static IEnumerable<(string Path, JsonKey Key)> Keys(string prefix, JsonShape shape) =>
        shape.Keys.SelectMany(key =>
        {
            var path = prefix + "." + key.Name;
            var inner = key.Fields is { } fields ? Keys(path, fields)
                : key.EachValue is { } each ? Keys($"{path}.<{key.EachKeyName ?? "name"}>", each)
                : [];
            return inner.Prepend((path, key));
        });

    // GitHub's heading anchors: lower case, punctuation other than '-' dropped, spaces as '-'.
    private static string Slug(string heading) =>
        string.Concat(heading.Trim().ToLower(CultureInfo.InvariantCulture).Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c));
}
