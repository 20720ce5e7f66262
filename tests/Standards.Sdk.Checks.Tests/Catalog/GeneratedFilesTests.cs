using CsCheck;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// The shipped schema, the rules index and the machine-readable catalog (sdk/catalog/rules.json) are generated from the rule catalog, the analyzers'
/// AnalyzerReleases.Unshipped.md from the analyzer rule declarations, and the GitLab CI/CD component
/// (templates/standards-ci/template.yml) is a copy of ci-templates/gitlab/standards-ci.yml, and the repo templates'
/// template.json and dotnetcli.host.json files are composed from the layers in templates/template-config/, by the eng/ tool
/// Standards.Sdk.DocsGenerator. These tests fail when the committed copies drift; `eng/update-generated.sh` runs the
/// tool to rewrite them.
/// </summary>
public class GeneratedFilesTests
{
    [Fact]
    public void Shipped_schema_matches_the_catalog() =>
        AssertGenerated(Path.Combine("sdk", "schema", "standards.schema.json"), PolicySchemaWriter.Write());

    [Fact]
    public void Rules_index_matches_the_catalog() =>
        AssertGenerated(Path.Combine("docs", "rules", "README.md"), RuleIndexWriter.Write());

    [Fact]
    public void Shipped_rule_catalog_matches_the_catalog() =>
        AssertGenerated(RuleCatalogWriter.RepoPath, RuleCatalogWriter.Write());

    [Fact]
    public void Analyzer_release_tracking_matches_the_declarations() =>
        AssertGenerated(AnalyzerReleasesWriter.UnshippedPath, AnalyzerReleasesWriter.Unshipped(Program.ShippedReleases(RepoRoot.Path)));

    /// <summary>
    /// Each policy feature file opens with the properties of ours it reads that other files set, and those it sets that
    /// other files read (StandardsRepoRoot, StandardsPolicyFile and the intermediate folder cross files).
    /// </summary>
    [Fact]
    public void Feature_files_open_with_the_properties_they_read_and_set_across_files()
    {
        var files = FeatureHeaderWriter.Files(RepoRoot.Path);
        Assert.Contains(files, f => f.Path == "sdk/features/Standards.RepositoryChecks.targets");
        Assert.All(files, f => AssertGenerated(f.Path, f.Write(RepoRoot.Path)));
        var policy = File.ReadAllText(Path.Combine(RepoRoot.Path, "sdk", "features", "Standards.Policy.targets"));
        Assert.Contains("    Reads (set in other files of the SDK): ", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_writes_exactly_the_files_these_tests_compare() =>
        Assert.Equal(
            [
                "sdk/schema/standards.schema.json", "docs/rules/README.md", RuleCatalogWriter.RepoPath, "templates/standards-ci/template.yml", AnalyzerReleasesWriter.UnshippedPath,
                "docs/rules/recommended-analyzer-rules.md", "docs/rules/STD0101.md", "docs/settings.md",
                "templates/content/std-lib/.template.config/template.json", "templates/content/std-lib/.template.config/dotnetcli.host.json",
                "templates/content/std-service/.template.config/template.json", "templates/content/std-service/.template.config/dotnetcli.host.json",
                "templates/content/std-worker/.template.config/template.json", "templates/content/std-worker/.template.config/dotnetcli.host.json",
            ],
            Program.Files.Select(f => f.Path));

    /// <summary>docs/settings.md is what the section readers' declarations generate now (<see cref="SettingsPageTests"/> holds its coverage of the keys).</summary>
    [Fact]
    public void Settings_reference_matches_the_declarations() =>
        AssertGenerated(SettingsPageWriter.PagePath, SettingsPageWriter.Write());

    [Fact]
    public void Recommended_analyzer_rules_page_matches_the_declaration() =>
        AssertGenerated(RecommendedRulesPageWriter.PagePath, RecommendedRulesPageWriter.Write());

    [Fact]
    public void Nullable_ids_on_the_STD0101_page_match_the_declaration() =>
        AssertGenerated(RecommendedRulesPageWriter.NullablePagePath, RecommendedRulesPageWriter.Std0101Page(RepoRoot.Path));

    /// <summary>
    /// GitLab reads a component only from templates/&lt;name&gt;/template.yml at the project root; the same pipeline is
    /// included with <c>include: project:</c> from ci-templates/gitlab/, beside the other CI templates, which is the
    /// one to edit. Byte for byte the same, so the two ways in cannot differ.
    /// </summary>
    [Fact]
    public void GitLab_component_is_the_gitlab_template() =>
        AssertGenerated(Path.Combine("templates", "standards-ci", "template.yml"), Program.GitLabComponent(RepoRoot.Path));

    /// <summary>A repo template's committed template.json and dotnetcli.host.json are what their layers in templates/template-config/ compose.</summary>
    [Theory]
    [InlineData("std-lib", "template.json")]
    [InlineData("std-service", "template.json")]
    [InlineData("std-worker", "template.json")]
    [InlineData("std-lib", "dotnetcli.host.json")]
    [InlineData("std-service", "dotnetcli.host.json")]
    [InlineData("std-worker", "dotnetcli.host.json")]
    public void Template_configuration_is_composed_from_its_layers(string template, string file) =>
        AssertGenerated(TemplateConfigWriter.ConfigPath(template, file), TemplateConfigWriter.Write(RepoRoot.Path, template, file));

    /// <summary>Every analyzer rule the policy configures that is not ours (CA, IDE, RS0030, CS), from the catalog itself.</summary>
    public static TheoryData<string> AnalyzerRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => !r.Id.StartsWith("STD", StringComparison.Ordinal)))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    /// <summary>
    /// Each analyzer rule the policy configures has its page, docs/rules/&lt;id&gt;.md, wholly generated from its
    /// declaration (a stale one fails), with the heading, header table and sections every rule page has.
    /// </summary>
    [Theory]
    [MemberData(nameof(AnalyzerRules))]
    public void Analyzer_rule_page_matches_the_catalog(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var text = AnalyzerRulePageWriter.Write(rule, RepoRoot.Path);
        AssertGenerated(Path.Combine("docs", "rules", id + ".md"), text);
        Assert.Empty(RulePages.Problems(rule, text));
        Assert.Contains(AnalyzerRulePageWriter.Files, f => f.Path == $"docs/rules/{id}.md");
    }

    /// <summary>The page says what the policy sets (severity per project kind, numbers) and links the vendor's page.</summary>
    [Fact]
    public void Analyzer_rule_page_states_the_policy_and_links_the_vendor()
    {
        var complexity = AnalyzerRulePageWriter.Write(RuleCatalog.Get("CA1502"), RepoRoot.Path);
        Assert.Contains("| Severity | error |", complexity, StringComparison.Ordinal);
        Assert.Contains("- `maxComplexity`: 15 (10 under `\"profile\": \"strict\"`).", complexity, StringComparison.Ordinal);
        Assert.Contains("\"CA1502\": { \"severity\": \"error\", \"maxComplexity\": 15 }", complexity, StringComparison.Ordinal);
        Assert.Contains("<https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca1502>", complexity, StringComparison.Ordinal);

        var banned = AnalyzerRulePageWriter.Write(RuleCatalog.Get("RS0030"), RepoRoot.Path);
        Assert.Contains("| Severity | error (locked) |", banned, StringComparison.Ordinal);
        Assert.Contains("| In test projects | none |", banned, StringComparison.Ordinal);
        Assert.Contains("[banned apis](../standards-profile.md#banned-apis)", banned, StringComparison.Ordinal);
        Assert.Contains("[STD0103](STD0103.md)", banned, StringComparison.Ordinal);
        Assert.Contains("BannedApiAnalyzers.Help.md>", banned, StringComparison.Ordinal);
    }

    /// <summary>RS0030's fix names the replacement of every ban the SDK ships and shows the TimeProvider pattern, with its test clock.</summary>
    [Fact]
    public void The_banned_api_page_lists_every_ban_with_its_replacement_and_the_TimeProvider_pattern()
    {
        var banned = AnalyzerRulePageWriter.Write(RuleCatalog.Get("RS0030"), RepoRoot.Path);
        foreach (var file in AnalyzerRulePageWriter.BannedSymbolFiles)
        {
            foreach (var line in File.ReadAllLines(Path.Combine(RepoRoot.Path, file)).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                var parts = line.Split(';', 2);
                Assert.Contains($"| {AnalyzerRulePageWriter.CodeSpan(parts[0].Trim())} | {parts[1].Trim()} |", banned, StringComparison.Ordinal);
            }
        }

        // A documentation id with a generic arity holds a backtick: a single-backtick span would end at it.
        Assert.Contains("| `` P:System.Threading.Tasks.Task`1.Result `` |", banned, StringComparison.Ordinal);
        Assert.DoesNotContain("| `P:System.Threading.Tasks.Task`1.Result` |", banned, StringComparison.Ordinal);

        Assert.Contains("builder.Services.AddSingleton(TimeProvider.System);", banned, StringComparison.Ordinal);
        Assert.Contains("(TimeProvider clock)", banned, StringComparison.Ordinal);
        Assert.Contains("`FakeTimeProvider` (package `Microsoft.Extensions.TimeProvider.Testing`)", banned, StringComparison.Ordinal);
    }

    /// <summary>A code span shows its text exactly: its fence is longer than every run of backticks inside it.</summary>
    [Fact]
    public void A_code_span_is_fenced_longer_than_any_backtick_run_of_its_text() =>
        Gen.String.Where(s => s.Length > 0).Sample(text =>
        {
            var span = AnalyzerRulePageWriter.CodeSpan(text);
            var fence = span.TakeWhile(c => c == '`').Count();
            var inner = span[fence..^fence];
            var padded = text.Contains('`', StringComparison.Ordinal);
            Assert.Equal(padded ? " " + text + " " : text, inner);
            Assert.EndsWith(new string('`', fence), span, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('`', fence), text, StringComparison.Ordinal);
        });

    private static void AssertGenerated(string relativePath, string expected)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(File.Exists(path), $"{relativePath} is missing; run eng/update-generated.sh");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, $"{relativePath} is out of date with its source; run eng/update-generated.sh and commit the result.");
    }
}
