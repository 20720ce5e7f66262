using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests.Upgrade;

public class CatalogDiffTests
{
    private static CatalogRule Rule(string id, Severity severity = Severity.Warning, bool locked = false, Severity? test = null, params CatalogParameter[] parameters) =>
        new(id, id + " title", "Area", "StandardsTask", severity, test, locked, null, parameters);

    [Fact]
    public void The_shipped_catalog_file_reads_back_as_this_versions_catalog()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        var read = RuleCatalogDocument.Read("rules.json", File.ReadAllText(Path.Combine(dir.FullName, "sdk", "catalog", "rules.json")));
        var expected = RuleCatalog.All.Select(CatalogRule.From).ToList();
        Assert.Equal(expected.Count, read.Count);
        Assert.All(expected.Zip(read), pair => Assert.True(pair.First.SameAs(pair.Second), $"{pair.First.Id} reads back as {pair.Second}"));
        Assert.True(CatalogDiff.Between(expected, read).IsEmpty);
    }

    [Fact]
    public void Every_kind_of_change_is_reported_once_in_its_list()
    {
        CatalogRule[] before =
        [
            Rule("STD0001"), Rule("STD0002", Severity.Warning), Rule("STD0003"), Rule("STD0004", Severity.Error),
            Rule("STD0005", Severity.Warning, test: Severity.Info), Rule("STD0006", parameters: [new CatalogParameter("maxLines", "60", "40")]), Rule("STD0007", locked: true),
        ];
        CatalogRule[] after =
        [
            Rule("STD0002", Severity.Error), Rule("STD0003", locked: true), Rule("STD0004", Severity.Info),
            Rule("STD0005", Severity.Warning), Rule("STD0006", parameters: [new CatalogParameter("maxLines", "50", "40")]), Rule("STD0007"), Rule("STD0008"),
        ];

        var diff = CatalogDiff.Between(before, after);

        Assert.Equal(["STD0008"], diff.Added.Select(r => r.Id));
        Assert.Equal(["STD0001"], diff.Removed.Select(r => r.Id));
        Assert.Equal(["STD0002", "STD0005"], diff.SeverityRaised.Select(c => c.After.Id));
        Assert.Equal(["STD0004"], diff.SeverityLowered.Select(c => c.After.Id));
        Assert.Equal(["STD0003"], diff.NewlyLocked.Select(r => r.Id));
        Assert.Equal(["STD0007"], diff.Unlocked.Select(r => r.Id));
        Assert.Equal([new ParameterChange("STD0006", "maxLines", "60 (strict 40)", "50 (strict 40)")], diff.DefaultsChanged);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void A_parameter_added_or_removed_is_a_changed_default()
    {
        var diff = CatalogDiff.Between(
            [Rule("STD1001", parameters: [new CatalogParameter("old", "1", null)])],
            [Rule("STD1001", parameters: [new CatalogParameter("new", "2", null)])]);
        Assert.Equal([new ParameterChange("STD1001", "new", null, "2"), new ParameterChange("STD1001", "old", "1", null)], diff.DefaultsChanged);
    }

    [Fact]
    public void Ids_compare_case_insensitively_and_an_identical_catalog_is_empty()
    {
        Assert.True(CatalogDiff.Between([Rule("std0001")], [Rule("STD0001")]).IsEmpty);
    }

    [Theory]
    [InlineData("", 1, "not valid JSON")]
    [InlineData("{\n  \"rules\": [] }", 1, "not a rule catalog")]
    [InlineData("{ \"formatVersion\": 2, \"rules\": [] }", 1, "newer than this tool reads")]
    [InlineData("{ \"formatVersion\": 1, \"rules\": {} }", 1, "\"rules\" must be an array")]
    [InlineData("{ \"formatVersion\": 1, \"rules\": [ { \"id\": \"STD0001\" } ] }", 1, "rule #1 has no string \"title\"")]
    [InlineData("{ \"formatVersion\": 1,\n \"rules\": [ ,\n ] }", 2, "not valid JSON")]
    public void A_file_that_is_not_the_catalog_is_STD7510_with_file_and_line(string text, int line, string why)
    {
        var ex = Assert.Throws<ToolException>(() => RuleCatalogDocument.Read("pkg/catalog/rules.json", text));
        Assert.Equal(ToolRuleIds.CatalogMalformed, ex.Code);
        Assert.Equal("pkg/catalog/rules.json", ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_listed_twice_or_with_an_unknown_severity_is_STD7510()
    {
        const string rule = "{ \"id\": \"STD0001\", \"title\": \"t\", \"area\": \"a\", \"origin\": \"StandardsTask\", \"severity\": \"warning\" }";
        var twice = Assert.Throws<ToolException>(() => RuleCatalogDocument.Read("r.json", $"{{ \"formatVersion\": 1, \"rules\": [ {rule}, {rule} ] }}"));
        Assert.Contains("STD0001 is listed 2 times", twice.Message, StringComparison.Ordinal);
        var severity = Assert.Throws<ToolException>(() => RuleCatalogDocument.Read("r.json", $"{{ \"formatVersion\": 1, \"rules\": [ {rule.Replace("warning", "loud", StringComparison.Ordinal)} ] }}"));
        Assert.Contains("unknown severity 'loud'", severity.Message, StringComparison.Ordinal);
        Assert.Equal(ToolRuleIds.CatalogMalformed, severity.Code);
    }
}
