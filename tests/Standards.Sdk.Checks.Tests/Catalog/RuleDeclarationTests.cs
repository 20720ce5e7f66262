using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using AnalyzerParameter = Standards.Sdk.Analyzers.RuleParameter;
using Descriptors = Standards.Sdk.Analyzers.StandardsAnalyzerRules;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// One declaration per rule, and every place a rule shows up agrees with it: the rule catalog, the analyzers'
/// descriptors (the same declarations compiled into the analyzer assembly), the committed schema, rules index, rule
/// pages and analyzer release-tracking files. Each test names the rule and the place that disagree.
/// </summary>
public class RuleDeclarationTests
{
    private static readonly Regex IndexAnchor = new(@"<a id=""(?<id>[a-z]+[0-9]+)""></a>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex ReleaseRow = new(@"^(?<id>STD[0-9]{4}) \| (?<category>[^|]+) \| (?<severity>[^|]+) \|", RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private static readonly string[] ReleaseFiles = ["AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md"];

    private static IEnumerable<RuleDefinition> OwnRules => RuleCatalog.All.Where(r => r.Id.StartsWith(DiagnosticIds.OwnPrefix, StringComparison.Ordinal));

    [Fact]
    public void Every_analyzer_rule_declaration_is_in_the_catalog_as_declared()
    {
        Assert.NotEmpty(StandardsAnalyzerRules.All);
        foreach (var declared in StandardsAnalyzerRules.All)
        {
            var rule = RuleCatalog.Find(declared.Id)
                ?? throw new InvalidOperationException($"{declared.Id} is declared in StandardsAnalyzerRules.cs but not in the catalog");
            Assert.Equal(declared with { Origin = rule.Origin }, rule);
        }

        Assert.Empty(RuleCatalog.All.Where(r => r.Origin == RuleOrigin.StandardsAnalyzer && !StandardsAnalyzerRules.All.Any(d => d.Id == r.Id)).Select(r => r.Id));
    }

    [Fact]
    public void Analyzer_descriptors_are_the_catalog_rules()
    {
        Assert.Equal(StandardsAnalyzerRules.All.Select(r => r.Id), Descriptors.All.Select(d => d.Id));
        foreach (var descriptor in Descriptors.All)
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.DefaultSeverity, descriptor.DefaultSeverity switch
            {
                RoslynSeverity.Error => Severity.Error,
                RoslynSeverity.Warning => Severity.Warning,
                RoslynSeverity.Info => Severity.Info,
                _ => Severity.None,
            });

            // The message tells users how to change the rule: its id and its parameters as standards.json names them.
            var message = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(rule.Parameters, p => Assert.Contains($"\"{rule.Id}\": {{{{ \"{p.Name}\"", message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Analyzer_parameters_are_the_catalog_parameters()
    {
        // The analyzers read each number from its key with its default; the catalog writes the key with the value
        // standards.json gives, and documents the default. The same declaration, compiled twice: they must agree.
        var analyzers = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AnalyzerParameter))
            .Select(f => (AnalyzerParameter)f.GetValue(null)!)
            .Select(p => (p.AnalyzerOption, p.Name, p.Default, p.IsList))
            .OrderBy(p => p.AnalyzerOption, StringComparer.Ordinal);
        var catalog = RuleCatalog.All.SelectMany(r => r.Parameters)
            .Where(p => p.AnalyzerOption is not null)
            .Select(p => (p.AnalyzerOption!, p.Name, p.Default, p.IsList))
            .OrderBy(p => p.Item1, StringComparer.Ordinal);
        Assert.NotEmpty(catalog);
        Assert.Equal(catalog, analyzers);
    }

    [Fact]
    public void Every_unlocked_analyzer_rule_can_be_recorded_in_the_code_baseline()
    {
        // dotnet standards adopt baselines existing findings; the suppressor must name every id it may suppress up front.
        var suppressible = new Standards.Sdk.Analyzers.Baseline.CodeBaselineSuppressor().SupportedSuppressions.Select(s => s.SuppressedDiagnosticId).ToHashSet();
        Assert.Empty(StandardsAnalyzerRules.All.Where(r => !r.Locked && !suppressible.Contains(r.Id)).Select(r => r.Id));
        Assert.Empty(StandardsAnalyzerRules.All.Where(r => r.Locked && suppressible.Contains(r.Id)).Select(r => r.Id));
    }

    [Fact]
    public void Every_own_rule_has_a_page_and_every_page_a_rule()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "docs", "rules"), "STD*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
        Assert.Equal(OwnRules.Select(r => r.Id).Order(StringComparer.Ordinal), pages);
    }

    [Fact]
    public void No_page_is_still_the_generated_first_version()
    {
        var unwritten = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "docs", "rules"), "STD*.md")
            .Where(f => File.ReadAllText(f).Contains(RulePageMarker, StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f));
        Assert.Empty(unwritten);
    }

    [Fact]
    public void The_committed_schema_configures_every_rule_and_no_other()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "sdk", "schema", "standards.schema.json")))!;
        var rules = schema["properties"]!["rules"]!["properties"]!.AsObject();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), rules.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var rule in RuleCatalog.All.Where(r => r.Parameters.Count > 0))
        {
            var settings = rules[rule.Id]!["oneOf"]![1]!["properties"]!.AsObject();
            Assert.All(rule.Parameters, p => Assert.True(settings.ContainsKey(p.Name), $"the schema has no {rule.Id}.{p.Name}; run eng/update-generated.sh"));
        }
    }

    [Fact]
    public void The_committed_rules_index_lists_every_rule_once()
    {
        var index = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "rules", "README.md"));
        Assert.Equal(
            RuleCatalog.All.Select(r => r.Id.ToLowerInvariant()).Order(StringComparer.Ordinal),
            IndexAnchor.Matches(index).Select(m => m.Groups["id"].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_release_tracking_files_list_every_analyzer_rule_once_as_declared()
    {
        var folder = Path.Combine(RepoRoot.Path, "src", "Standards.Sdk.Analyzers");
        var rows = ReleaseFiles
            .SelectMany(file => ReleaseRow.Matches(File.ReadAllText(Path.Combine(folder, file)).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .Select(m => (Id: m.Groups["id"].Value, Category: m.Groups["category"].Value.Trim(), Severity: m.Groups["severity"].Value.Trim()))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            Descriptors.All.Select(d => (d.Id, d.Category, d.DefaultSeverity.ToString())),
            rows.Select(r => (r.Id, r.Category, r.Severity)));
    }

    [Fact]
    public void The_help_link_base_in_the_SDK_files_is_the_declared_one()
    {
        // C# code names AnalyzerConfigKeys.DefaultHelpBaseUrl; Sdk.props, which cannot, hands the same default to
        // the repository checks.
        var props = File.ReadAllText(Path.Combine(RepoRoot.Path, "sdk", "Sdk", "Sdk.props"));
        Assert.Contains($">{AnalyzerConfigKeys.DefaultHelpBaseUrl}</StandardsHelpBaseUrl>", props, StringComparison.Ordinal);
    }

    /// <summary>The marker of a generated first page (RulePageWriter.SkeletonMarker, in the eng/ tool this project does not always reference).</summary>
    private const string RulePageMarker = "<!-- Generated by eng/update-generated.sh:";
}
