using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.DocsGenerator;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// Follows docs/contributing.md, "Adding a rule", for a sample rule of each kind: the declaration is all a rule needs
/// for the catalog to look it up and for the generators to give it its schema entry, its index row, its first page
/// and (an analyzer rule) its release-tracking row. No other file is touched: the sample exists only in the test. A
/// task or repo-check rule's declaration is [Rule] (and [RuleParameter]) on its id constant; the tests declare theirs
/// on constants of classes of their own, read the same way the catalog reads the *RuleIds classes.
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
        var catalog = RuleCatalog.Compose([.. StandardsAnalyzerRules.All, sample], Declared());

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
    public void A_per_project_policy_rule_declared_on_its_id_constant_gets_everything_else()
    {
        // Step 1 of the guide: [Rule] on the id constant in PolicyRuleIds.cs (here SamplePolicyRuleIds), nothing else.
        var sample = Assert.Single(RuleDeclarations.Of(typeof(SamplePolicyRuleIds)));
        Assert.Equal(("STD0199", "Sample policy rule", RuleCatalog.BuildPolicy, Severity.Error, "locked-settings", true, RuleOrigin.StandardsTask),
            (sample.Id, sample.Title, sample.Area, sample.DefaultSeverity, sample.Source, sample.Locked, sample.Origin));
        var catalog = RuleCatalog.Compose(StandardsAnalyzerRules.All, [.. Declared(), sample]);
        AssertGeneratedFor(sample, catalog, string.Empty);

        // Among the policy rules, in id order (after STD0104, before the code-shape rules).
        var ids = catalog.Select(r => r.Id).ToList();
        Assert.Equal(ids.IndexOf(PolicyRuleIds.FileExceptionNotApplicable) + 1, ids.IndexOf(sample.Id));
    }

    [Fact]
    public void A_repository_check_rule_declared_on_its_id_constant_gets_everything_else()
    {
        // Step 1 of the guide: [Rule] and [RuleParameter] on the id constant in LayoutRuleIds.cs (here SampleLayoutRuleIds).
        var sample = Assert.Single(RuleDeclarations.Of(typeof(SampleLayoutRuleIds)));
        Assert.Equal("Repository layout", sample.Area);
        Assert.Equal(new RuleParameter("minFiles", "3", null, "Fewest files a sample folder may have."), Assert.Single(sample.Parameters));
        var catalog = RuleCatalog.Compose(StandardsAnalyzerRules.All, [.. Declared(), sample]);
        AssertGeneratedFor(sample, catalog, "`minFiles` 3");

        // Among the STD30xx rules, in id order (after the highest one below it, STD3051).
        var ids = catalog.Select(r => r.Id).ToList();
        Assert.Equal(ids.IndexOf(BaselineRuleIds.CodeEntryExpired) + 1, ids.IndexOf(sample.Id));
    }

    [Fact]
    public void Every_class_that_declares_rules_is_read_by_the_catalog()
    {
        var declaring = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Any(f => f.IsDefined(typeof(RuleAttribute), false)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        Assert.Equal(declaring, RuleCatalog.DeclaringClasses.OrderBy(t => t.FullName, StringComparer.Ordinal));
        Assert.All(declaring, t => Assert.NotNull(System.Reflection.CustomAttributeExtensions.GetCustomAttribute<RuleAreaAttribute>(t)));
        Assert.Equal(Declared().Count + StandardsAnalyzerRules.All.Count, RuleCatalog.All.Count(r => r.Id.StartsWith(DiagnosticIds.OwnPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rule_declared_twice_is_a_failure_not_a_silent_override()
    {
        var twice = Assert.Single(RuleDeclarations.Of(typeof(DuplicateRuleIds)));
        Assert.Throws<ArgumentException>(() => RuleCatalog.Index([.. RuleCatalog.All, twice]));
    }

    /// <summary>The declarations the catalog reads today.</summary>
    private static List<RuleDefinition> Declared() => [.. RuleCatalog.DeclaringClasses.SelectMany(RuleDeclarations.Of)];

    [RuleArea("Policy configuration")]
    private static class SamplePolicyRuleIds
    {
        [Rule("Sample policy rule", Severity.Error, "locked-settings", Area = RuleCatalog.BuildPolicy, Locked = true)]
        public const string SamplePolicy = "STD0199";
    }

    [RuleArea("Repository layout")]
    private static class SampleLayoutRuleIds
    {
        [Rule("Sample layout rule", Severity.Warning, "required-files")]
        [RuleParameter("minFiles", "3", "Fewest files a sample folder may have.")]
        public const string SampleLayout = "STD3099";
    }

    [RuleArea("Policy configuration")]
    private static class DuplicateRuleIds
    {
        [Rule("Another title", Severity.Warning, "policy-file")]
        public const string PolicyShapeAgain = PolicyRuleIds.PolicyShape;
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
