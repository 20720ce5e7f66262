using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Reports;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Reports;

/// <summary>SARIF 2.1.0 (structural check of the required shape; no schema is available offline), summary.md, summary line.</summary>
public class ReportTests
{
    private const string Help = "https://example.invalid/docs/rules/";

    private static readonly ReportItem[] Items =
    [
        new(new Finding("STD3014", Severity.Error, "docs/adr/0002-x.md lacks ## Context | with a pipe.", "docs/adr/0002 x.md", 7), false),
        new(new Finding("STD3031", Severity.Warning, "No SECURITY.md.", "SECURITY.md"), false),
        new(new Finding("STD3032", Severity.Info, "Due for review.", "docs/a.md", 3, 5), false),
        new(new Finding("STD3001", Severity.Error, "No README.md.", "README.md"), true),
        new(new Finding("STD0000", Severity.Error, "Internal error."), false),
    ];

    [Fact]
    public void Sarif_has_the_required_shape()
    {
        using var doc = JsonDocument.Parse(SarifWriter.Write(Items, Help, "1.2.3", hasBaseline: true));
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.StartsWith("https://", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("Standards.Sdk", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["STD0000", "STD3001", "STD3014", "STD3031", "STD3032"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Equal(Help + r.GetProperty("id").GetString() + ".md", r.GetProperty("helpUri").GetString());
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });
        Assert.Equal("ADR section missing", rules[2].GetProperty("shortDescription").GetProperty("text").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Items.Length, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Equal(Items[i].Finding.Code, ruleId);
            Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.EndsWith($"{ruleId}.md", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var located = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("docs/adr/0002%20x.md", located.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", located.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(7, located.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.False(results[1].GetProperty("locations")[0].GetProperty("physicalLocation").TryGetProperty("region", out _));
        Assert.Equal("note", results[2].GetProperty("level").GetString());
        Assert.Equal(5, results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.False(results[4].TryGetProperty("locations", out _));

        Assert.Equal("unchanged", results[3].GetProperty("baselineState").GetString());
        Assert.Equal("external", results[3].GetProperty("suppressions")[0].GetProperty("kind").GetString());
        Assert.Equal("new", results[0].GetProperty("baselineState").GetString());
        Assert.False(results[0].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Sarif_without_findings_is_valid_and_without_baseline_has_no_baseline_state()
    {
        using var empty = JsonDocument.Parse(SarifWriter.Write([], Help, string.Empty, hasBaseline: false));
        Assert.Empty(empty.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        using var doc = JsonDocument.Parse(SarifWriter.Write([Items[0]], Help, "1.0.0", hasBaseline: false));
        Assert.False(doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].TryGetProperty("baselineState", out _));
    }

    [Fact]
    public void Markdown_summary_is_a_table_with_help_links()
    {
        var summary = new RunSummary(2, 2, 1, 1, 42, true, 1, 0, 0);
        var text = MarkdownSummaryWriter.Write(Items, summary, Help, "service");
        var lines = text.Split('\n');
        Assert.Contains("| Code | Severity | Location | Message | Help |", lines);
        Assert.Contains("| STD3014 | error | `docs/adr/0002 x.md:7` | docs/adr/0002-x.md lacks ## Context \\| with a pipe. | [STD3014](https://example.invalid/docs/rules/STD3014.md) |", lines);
        Assert.Contains("| STD0000 | error |  | Internal error. | [STD0000](https://example.invalid/docs/rules/STD0000.md) |", lines);
        Assert.Contains("<details><summary>Accepted by the adoption baseline (1)</summary>", text, StringComparison.Ordinal);
        Assert.Contains(summary.Line(), text, StringComparison.Ordinal);

        var clean = MarkdownSummaryWriter.Write([], new RunSummary(2, 0, 0, 0, 3, false, 0, 0, 0), Help, "library");
        Assert.Contains("No findings.", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<details>", clean, StringComparison.Ordinal);
    }

    /// <summary>
    /// An analyzer rule the policy turns on (RS0030, a CA rule) links to our generated page for it, in the SARIF rule's
    /// helpUri, the result's message and summary.md; a rule of the analysis level links to its row of the recommended rules' page.
    /// </summary>
    [Fact]
    public void Analyzer_rules_the_policy_turns_on_link_to_our_page()
    {
        ReportItem[] items =
        [
            new(new Finding("RS0030", Severity.Error, "The symbol 'DateTime.Now' is banned.", "src/A/C.cs", 4), false),
            new(new Finding("CA1502", Severity.Error, "'M' has a cyclomatic complexity of 30.", "src/A/C.cs", 9), false),
            new(new Finding("CA1305", Severity.Warning, "Specify IFormatProvider.", "src/A/C.cs", 12), false),
        ];
        using var doc = JsonDocument.Parse(SarifWriter.Write(items, Help, "1.0.0", hasBaseline: false));
        var run = doc.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString());
        Assert.Equal("https://example.invalid/docs/rules/RS0030.md", rules["RS0030"]);
        Assert.Equal("https://example.invalid/docs/rules/CA1502.md", rules["CA1502"]);
        Assert.Equal("https://example.invalid/docs/rules/recommended-analyzer-rules.md#ca1305", rules["CA1305"]);
        Assert.Equal(
            "The symbol 'DateTime.Now' is banned. See https://example.invalid/docs/rules/RS0030.md",
            run.GetProperty("results")[0].GetProperty("message").GetProperty("text").GetString());

        var lines = MarkdownSummaryWriter.Write(items, new RunSummary(1, 2, 1, 0, 5, false, 0, 0, 0), Help, "service").Split('\n');
        Assert.Contains("| RS0030 | error | `src/A/C.cs:4` | The symbol 'DateTime.Now' is banned. | [RS0030](https://example.invalid/docs/rules/RS0030.md) |", lines);
        Assert.Contains("| CA1502 | error | `src/A/C.cs:9` | 'M' has a cyclomatic complexity of 30. | [CA1502](https://example.invalid/docs/rules/CA1502.md) |", lines);
    }

    /// <summary>The one function every writer takes a rule's link from: our page for each catalog rule, whatever the case of the code.</summary>
    [Theory]
    [InlineData("STD1001", "https://example.invalid/docs/rules/STD1001.md")]
    [InlineData("RS0030", "https://example.invalid/docs/rules/RS0030.md")]
    [InlineData("rs0030", "https://example.invalid/docs/rules/RS0030.md")]
    [InlineData("CA5394", "https://example.invalid/docs/rules/CA5394.md")]
    [InlineData("IDE0051", "https://example.invalid/docs/rules/IDE0051.md")]
    [InlineData("CS1591", "https://example.invalid/docs/rules/CS1591.md")]
    [InlineData("CA1305", "https://example.invalid/docs/rules/recommended-analyzer-rules.md#ca1305")]
    [InlineData("ca2201", "https://example.invalid/docs/rules/recommended-analyzer-rules.md#ca2201")]
    [InlineData("CS8602", "https://example.invalid/docs/rules/STD0101.md#nullable-warnings")]
    [InlineData("cs8618", "https://example.invalid/docs/rules/STD0101.md#nullable-warnings")]
    [InlineData("CS0168", "https://example.invalid/docs/rules/README.md")]
    [InlineData("xUnit1004", "https://example.invalid/docs/rules/README.md")]
    public void Help_link_is_our_page_for_every_catalog_rule(string code, string expected) =>
        Assert.Equal(expected, RuleHelp.Link("https://example.invalid/docs/rules", code));

    [Theory]
    [InlineData(2, 0, 3, 1, 42, false, 0, 0, 0, "Standards: repository checks: 2 ran, 0 errors, 3 warnings, 1 info in 42 ms. Compiler and analyzer findings are the build's own, not counted here.")]
    [InlineData(2, 1, 1, 0, 7, true, 2, 0, 0, "Standards: repository checks: 2 ran, 1 error, 1 warning, 0 info in 7 ms (baseline: 2 suppressed). Compiler and analyzer findings are the build's own, not counted here.")]
    [InlineData(1, 0, 0, 0, 5, true, 0, 3, 1, "Standards: repository checks: 1 ran, 0 errors, 0 warnings, 0 info in 5 ms (baseline: 0 suppressed, 3 removable; 1 excepted by standards.json). Compiler and analyzer findings are the build's own, not counted here.")]
    public void Summary_line(int checks, int errors, int warnings, int infos, long ms, bool baseline, int suppressed, int removable, int excepted, string expected) =>
        Assert.Equal(expected, new RunSummary(checks, errors, warnings, infos, ms, baseline, suppressed, removable, excepted).Line());

    [Fact]
    public void Summary_counts_warnings_as_errors_when_they_are_logged_so()
    {
        var outcome = new RepositoryCheckOutcome(
            [new Finding("STD3031", Severity.Warning, "w"), new Finding("STD3001", Severity.Error, "e"), new Finding("STD3032", Severity.Info, "i")],
            [], [], 0, [new CheckTiming("layout", 1, 3)], new RepositoryKind("library", "r", false), null);
        Assert.Equal((1, 1, 1), (RunSummary.From(outcome, false, 1).Errors, RunSummary.From(outcome, false, 1).Warnings, RunSummary.From(outcome, false, 1).Infos));
        Assert.Equal((2, 0), (RunSummary.From(outcome, true, 1).Errors, RunSummary.From(outcome, true, 1).Warnings));
    }
}
