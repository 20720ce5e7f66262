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

    [Fact]
    public void The_tool_writes_exactly_the_files_these_tests_compare() =>
        Assert.Equal(
            [
                "sdk/schema/standards.schema.json", "docs/rules/README.md", RuleCatalogWriter.RepoPath, "templates/standards-ci/template.yml", AnalyzerReleasesWriter.UnshippedPath,
                "templates/content/std-lib/.template.config/template.json", "templates/content/std-lib/.template.config/dotnetcli.host.json",
                "templates/content/std-service/.template.config/template.json", "templates/content/std-service/.template.config/dotnetcli.host.json",
                "templates/content/std-worker/.template.config/template.json", "templates/content/std-worker/.template.config/dotnetcli.host.json",
            ],
            Program.Files.Select(f => f.Path));

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

    private static void AssertGenerated(string relativePath, string expected)
    {
        var path = Path.Combine(RepoRoot.Path, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Assert.True(File.Exists(path), $"{relativePath} is missing; run eng/update-generated.sh");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(actual == expected, $"{relativePath} is out of date with its source; run eng/update-generated.sh and commit the result.");
    }
}
