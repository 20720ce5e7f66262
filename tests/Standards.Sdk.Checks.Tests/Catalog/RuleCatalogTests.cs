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
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing; eng/update-generated.sh writes its first version");
        var problems = RulePages.Problems(RuleCatalog.Find(id)!, File.ReadAllText(path));
        Assert.True(problems.Count == 0, $"docs/rules/{id}.md: " + string.Join("; ", problems));
    }

    [Fact]
    public void Every_security_rule_exists_in_the_pinned_analyzers_ruleset()
    {
        Assert.Equal(68, RuleCatalog.SecurityRuleIds.Count);
        Assert.All(RuleCatalog.SecurityRuleIds, id => Assert.True(RuleCatalog.Find(id)!.Locked));
    }
}
