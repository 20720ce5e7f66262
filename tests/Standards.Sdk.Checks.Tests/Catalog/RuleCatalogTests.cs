using System.Text.RegularExpressions;
using Standards.Sdk.Analyzers;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Catalog;

public class RuleCatalogTests
{
    public static TheoryData<string> OwnRules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All.Where(r => r.Id.StartsWith("STD", StringComparison.Ordinal)))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(RuleCatalog.All, r => Assert.Matches("^(STD|CA|RS|IDE|CS)[0-9]{4}$", r.Id));
    }

    [Theory]
    [MemberData(nameof(OwnRules))]
    public void Every_own_rule_has_a_one_page_doc_with_the_required_sections(string id)
    {
        var path = Path.Combine(RepoRoot.Path, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(path);
        var rule = RuleCatalog.Find(id)!;
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        foreach (var heading in new[] { "## What it checks", "## Why", "## How to fix", "## How to configure or except" })
        {
            Assert.Contains("\n" + heading + "\n", text, StringComparison.Ordinal);
        }

        Assert.Matches(new Regex(@"\| Severity \| " + SeverityNames.ToWord(rule.DefaultSeverity)), text);
        Assert.Contains("| Source |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_descriptors_match_the_catalog()
    {
        // The analyzer rules, plus the two lock rules the analyzer also reports for what the source does (#pragma, #nullable).
        var catalogRules = RuleCatalog.All.Where(r => r.Origin == RuleOrigin.StandardsAnalyzer || r.Id is "STD0101" or "STD0103").ToList();
        Assert.Equal(catalogRules.Select(r => r.Id).Order(), StandardsDescriptors.All.Select(d => d.Id).Order());
        foreach (var descriptor in StandardsDescriptors.All)
        {
            var rule = RuleCatalog.Find(descriptor.Id)!;
            var severity = descriptor.DefaultSeverity switch
            {
                Microsoft.CodeAnalysis.DiagnosticSeverity.Error => Severity.Error,
                Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => Severity.Warning,
                Microsoft.CodeAnalysis.DiagnosticSeverity.Info => Severity.Info,
                _ => Severity.None,
            };
            Assert.Equal(rule.DefaultSeverity, severity);
        }
    }

    [Fact]
    public void Analyzer_option_keys_match_the_catalog()
    {
        var keys = typeof(StandardsOptionKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var parameter in RuleCatalog.All.SelectMany(r => r.Parameters).Where(p => p.AnalyzerOption is not null))
        {
            Assert.Contains(parameter.AnalyzerOption!, keys);
        }
    }

    [Fact]
    public void Every_security_rule_exists_in_the_pinned_analyzers_ruleset()
    {
        Assert.Equal(68, RuleCatalog.SecurityRuleIds.Count);
        Assert.All(RuleCatalog.SecurityRuleIds, id => Assert.True(RuleCatalog.Find(id)!.Locked));
    }
}
