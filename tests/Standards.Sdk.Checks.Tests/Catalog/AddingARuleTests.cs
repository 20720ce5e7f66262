using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// Follows docs/contributing.md, "Adding a rule", for a sample rule of each kind: the declaration is all a rule needs
/// for the catalog to look it up and for the generators to give it its schema entry, its index row, its first page
/// and (an analyzer rule) its release-tracking row. No other file is touched: the sample exists only in the test.
/// </summary>
public class AddingARuleTests
{
    [Fact]
    public void An_analyzer_rule_declared_in_StandardsAnalyzerRules_gets_everything_else()
    {
        // Step 1 of the guide: the declaration in StandardsAnalyzerRules.cs (here built with the same Declare).
        var maxThings = StandardsAnalyzerRules.Number("maxThings", 7, "Most things a member may have.", "standards.sample.max_things");
        var sample = StandardsAnalyzerRules.Declare(
            id: "STD1098",
            title: "Sample rule",
            messageFormat: "'{0}' has {1} things; the limit is {2}. See {3}",
            category: StandardsAnalyzerRules.Category,
            defaultSeverity: Severity.Warning,
            isEnabledByDefault: true,
            description: "A rule declared by a test.",
            profile: "method-length",
            parameters: [maxThings]);
        var catalog = RuleCatalog.Compose([.. StandardsAnalyzerRules.All, sample]);

        AssertGeneratedFor(sample, catalog, "`maxThings` 7");
        Assert.Equal(RuleOrigin.StandardsAnalyzer, sample.Origin);
        Assert.Equal("standards.sample.max_things", Assert.Single(sample.Parameters).AnalyzerOption);

        // Among the code-shape rules, in id order (after STD1007, which the project-name check reports).
        var codeRules = catalog.Where(r => r.Id.StartsWith("STD10", StringComparison.Ordinal)).Select(r => r.Id).ToList();
        Assert.Equal([.. codeRules.Order(StringComparer.Ordinal)], codeRules);
        Assert.Contains("STD1098", codeRules);

        // The release-tracking row the analyzers' build (RS2000) and RuleDeclarationTests expect.
        Assert.Contains("\nSTD1098 | Standards | Warning | Sample rule\n", AnalyzerReleasesWriter.Unshipped([.. StandardsAnalyzerRules.All, sample], string.Empty), StringComparison.Ordinal);
        Assert.DoesNotContain("STD1098", AnalyzerReleasesWriter.Unshipped(
            [.. StandardsAnalyzerRules.All, sample], "## Release 1.0.0\n\n### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\nSTD1098 | Standards | Warning | Sample rule\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_project_policy_rule_declared_in_the_catalog_gets_everything_else()
    {
        // Step 1 of the guide: the id in PolicyRuleIds.cs and the entry in RuleCatalog.cs's PolicyRules().
        var sample = RuleCatalog.Task("STD0199", "Sample policy rule", RuleCatalog.BuildPolicy, Severity.Error, "locked-settings") with { Locked = true };
        AssertGeneratedFor(sample, [.. RuleCatalog.All, sample], string.Empty);
    }

    [Fact]
    public void A_repository_check_rule_declared_in_the_catalog_gets_everything_else()
    {
        // Step 1 of the guide: the id in LayoutRuleIds.cs and the entry in RuleCatalog.Layout.cs.
        var sample = RuleCatalog.Task("STD3099", "Sample layout rule", "Repository layout", Severity.Warning, "required-files") with
        {
            Parameters = [new RuleParameter("minFiles", "3", null, "Fewest files a sample folder may have.")],
        };
        AssertGeneratedFor(sample, [.. RuleCatalog.All, sample], "`minFiles` 3");
    }

    [Fact]
    public void A_rule_declared_twice_is_a_failure_not_a_silent_override()
    {
        var twice = RuleCatalog.Task(PolicyRuleIds.PolicyShape, "Another title", RuleCatalog.BuildPolicy, Severity.Warning, "policy-file");
        Assert.Throws<ArgumentException>(() => RuleCatalog.Index([.. RuleCatalog.All, twice]));
    }

    /// <summary>What the generators and the catalog give a rule from its declaration alone.</summary>
    private static void AssertGeneratedFor(RuleDefinition sample, IReadOnlyList<RuleDefinition> catalog, string numbers)
    {
        // The catalog looks it up, case-insensitively, and it has what the severity lookups need.
        var index = RuleCatalog.Index(catalog);
        Assert.Same(sample, index[sample.Id.ToLowerInvariant()]);
        Assert.Equal(sample.DefaultSeverity, index[sample.Id].SeverityFor(ProjectKinds.Library));
        Assert.Null(RuleCatalog.Find(sample.Id));

        // The schema: the rule's entry with its parameters and their defaults, and its id accepted for exceptions.
        var schema = JsonNode.Parse(PolicySchemaWriter.Write(catalog))!;
        var entry = schema["properties"]!["rules"]!["properties"]![sample.Id];
        Assert.NotNull(entry);
        Assert.Equal($"{sample.Title} (default: {SeverityNames.ToWord(sample.DefaultSeverity)}).", entry["description"]!.GetValue<string>());
        foreach (var parameter in sample.Parameters)
        {
            Assert.Equal(int.Parse(parameter.Default, System.Globalization.CultureInfo.InvariantCulture), entry["oneOf"]![1]!["properties"]![parameter.Name]!["default"]!.GetValue<int>());
        }

        Assert.Contains(schema["definitions"]!["exception"]!["properties"]!["rule"]!["anyOf"]![0]!["enum"]!.AsArray(), id => id!.GetValue<string>() == sample.Id);

        // The index: a row under the rule's area, with its link, title, severity and numbers.
        var row = $"| <a id=\"{sample.Id.ToLowerInvariant()}\"></a>[{sample.Id}]({sample.Id}.md) | {sample.Title} | {SeverityNames.ToWord(sample.DefaultSeverity)}{(sample.Locked ? " (locked)" : string.Empty)} |  | {numbers} |";
        var markdown = RuleIndexWriter.Write(catalog);
        Assert.Contains(row, markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("## " + sample.Area + "\n", StringComparison.Ordinal) < markdown.IndexOf(row, StringComparison.Ordinal));

        // The page: a first version that passes the checks every page passes, and that the tests refuse to let
        // stay a first version; the tool writes it only where no page exists.
        var page = RulePageWriter.Write(sample);
        Assert.Empty(RulePages.Problems(sample, page));
        Assert.Contains(RulePageWriter.SkeletonMarker, page, StringComparison.Ordinal);
        Assert.Equal([$"docs/rules/{sample.Id}.md"], RulePageWriter.Missing(RepoRoot.Path, catalog).Select(p => p.Path));
    }
}
