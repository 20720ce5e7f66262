using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

public class PolicyLoaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static PolicyLoadResult Load(string json) => PolicyLoader.Load("/repo/standards.json", json, Today);

    [Fact]
    public void Valid_file_is_read_with_comments_and_trailing_commas()
    {
        var result = Load("""
            {
              // numbers for this repo
              "profile": "strict",
              "kind": "service",
              "rules": {
                "STD1001": { "severity": "error", "maxLines": 40 },
                "CA1502": "warning",
              },
              "exceptions": [
                { "rule": "STD0101", "scope": "src/Legacy", "owner": "@team", "reason": "interop", "expires": "2027-01-31" }
              ]
            }
            """);

        Assert.Empty(result.Findings);
        Assert.True(result.Policy.IsStrict);
        Assert.Equal("service", result.Policy.RepoKind);
        Assert.Equal(Severity.Error, result.Policy.Rules["STD1001"].Severity);
        Assert.Equal("40", result.Policy.Rules["STD1001"].Parameters["maxLines"]);
        Assert.Equal(Severity.Warning, result.Policy.Rules["ca1502"].Severity);
        var exception = Assert.Single(result.Policy.Exceptions);
        Assert.Equal(("STD0101", "src/Legacy", new DateOnly(2027, 1, 31)), (exception.Rule, exception.Scope, exception.Expires));
    }

    [Fact]
    public void Unparsable_json_is_STD0001_with_line()
    {
        var result = Load("{\n  \"profile\": \"strict\"\n  \"kind\": \"service\"\n}");

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("STD0001", Severity.Error, "/repo/standards.json", 3), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Same(StandardsPolicy.Default.Rules.GetType(), result.Policy.Rules.GetType());
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("   ", 1)]
    [InlineData("{}\n{}", 2)]
    [InlineData("{\n\"rules\": {\n", 3)]
    public void Empty_truncated_or_trailing_content_is_STD0001(string json, int line)
    {
        var finding = Assert.Single(Load(json).Findings);
        Assert.Equal(("STD0001", line), (finding.Code, finding.Line));
    }

    [Fact]
    public void Top_level_array_is_STD0002()
    {
        var finding = Assert.Single(Load("[1, 2]").Findings);
        Assert.Equal(("STD0002", 1), (finding.Code, finding.Line));
    }

    [Fact]
    public void Unknown_setting_is_STD0002_at_its_line()
    {
        var finding = Assert.Single(Load("{\n  \"profle\": \"strict\"\n}").Findings);
        Assert.Equal(("STD0002", 2, 3), (finding.Code, finding.Line, finding.Column));
        Assert.Contains("profle", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_is_STD0003_with_line_and_suggestion()
    {
        var finding = Assert.Single(Load("{\n  \"rules\": {\n    \"STD9999\": \"error\"\n  }\n}").Findings);
        Assert.Equal(("STD0003", 3), (finding.Code, finding.Line));
        Assert.Contains("STD9999", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"loud\"")]
    [InlineData("3")]
    [InlineData("{ \"severity\": \"fatal\" }")]
    [InlineData("{ \"maxLines\": \"fifty\" }")]
    [InlineData("{ \"maxLines\": 0 }")]
    [InlineData("{ \"maxLines\": 12.5 }")]
    [InlineData("{ \"maxDepth\": 3 }")]
    public void Bad_rule_settings_are_STD0002_at_the_value(string value)
    {
        var result = Load($"{{\n  \"rules\": {{\n    \"STD1001\":\n      {value}\n  }}\n}}");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("STD0002", finding.Code);
        Assert.InRange(finding.Line, 3, 4);
    }

    [Fact]
    public void Unknown_setting_of_a_rule_is_STD0002_in_the_readers_one_wording_at_the_key()
    {
        var result = Load("{\n  \"rules\": {\n    \"STD1001\": { \"maxLine\": 40 },\n    \"MA0051\": { \"severty\": \"error\" }\n  }\n}");

        Assert.Equal(
            [
                ("STD0002", 3, 18, "Unknown setting 'maxLine' in 'rules.STD1001'. Did you mean 'maxLines'? Known settings: severity, testSeverity, maxLines."),
                ("STD0002", 4, 17, "Unknown setting 'severty' in 'rules.MA0051'. Did you mean 'severity'? Known settings: severity, testSeverity. 'MA0051' is not one of Standards.Sdk's rules: set the analyzer's own options in .editorconfig."),
            ],
            result.Findings.Select(f => (f.Code, f.Line, f.Column, f.Message)));
    }

    [Fact]
    public void List_parameter_must_be_strings()
    {
        var finding = Assert.Single(Load("{ \"rules\": { \"STD1005\": { \"names\": [\"Util\", 3] } } }").Findings);
        Assert.Equal("STD0002", finding.Code);
    }

    [Fact]
    public void Exception_missing_fields_is_STD0004_for_each_field()
    {
        var findings = Load("{\n \"exceptions\": [\n  { \"rule\": \"STD0101\", \"scope\": \"x\" }\n ]\n}").Findings;
        Assert.Equal(
            new[] { "owner", "reason", "expires" }.Select(f => ("STD0004", 3, 3, $"\"{f}\" is missing in an exception entry. Every exception needs rule, scope, owner, reason and expires (YYYY-MM-DD).")),
            findings.Select(f => (f.Code, f.Line, f.Column, f.Message)));
    }

    [Theory]
    [InlineData("31/01/2027")]
    [InlineData("2027-13-01")]
    [InlineData("2027-02-30")]
    [InlineData("tomorrow")]
    public void Malformed_exception_date_is_STD0004_at_the_date(string date)
    {
        var result = Load($$"""
            {
              "exceptions": [
                { "rule": "STD0101", "scope": "x", "owner": "@o", "reason": "r",
                  "expires": "{{date}}" }
              ]
            }
            """);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("STD0004", 4), (finding.Code, finding.Line));
        Assert.Empty(result.Policy.Exceptions);
    }

    [Fact]
    public void Exception_for_unknown_STD_rule_or_malformed_id_is_STD0003()
    {
        var unknownStd = Assert.Single(Load("{ \"exceptions\": [ { \"rule\": \"STD9999\", \"scope\": \"x\", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2030-01-01\" } ] }").Findings);
        Assert.Equal("STD0003", unknownStd.Code);
        var malformed = Assert.Single(Load("{ \"exceptions\": [ { \"rule\": \"CA-9999\", \"scope\": \"x\", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2030-01-01\" } ] }").Findings);
        Assert.Equal("STD0003", malformed.Code);
        Assert.Contains("Did you mean 'CA9999'?", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_for_another_analyzers_diagnostic_is_accepted()
    {
        var result = Load("{ \"exceptions\": [ { \"rule\": \"MA0051\", \"scope\": \"src/Legacy\", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2030-01-01\" } ] }");
        Assert.Empty(result.Findings);
        Assert.Equal("MA0051", Assert.Single(result.Policy.Exceptions).Rule);
    }

    [Fact]
    public void Any_well_formed_diagnostic_id_is_accepted_as_an_external_rule()
    {
        var result = Load("""
            {
              "rules": {
                "CA2201": "warning",
                "IDE0005": "error",
                "CS1998": "none",
                "MA0051": { "severity": "warning", "testSeverity": "none" },
                "SA1600": "none",
                "S1234": "suggestion",
                "xUnit1004": "error"
              }
            }
            """);

        Assert.Empty(result.Findings);
        Assert.Equal(["CA2201", "CS1998", "IDE0005", "MA0051", "S1234", "SA1600", "xUnit1004"], result.Policy.ExternalRules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Severity.None, result.Policy.ExternalRules["MA0051"].TestSeverity);
        Assert.Empty(result.Policy.Rules);
    }

    [Theory]
    [InlineData("CA 2201", "CA2201")]
    [InlineData("ca-2201", "CA2201")]
    [InlineData("8602", "CS8602")]
    [InlineData("NOPE", null)]
    [InlineData("CA2201.severity", null)]
    public void Malformed_id_is_STD0003_with_a_suggestion(string id, string? suggestion)
    {
        var finding = Assert.Single(Load($"{{ \"rules\": {{ \"{id}\": \"warning\" }} }}").Findings);
        Assert.Equal("STD0003", finding.Code);
        Assert.Contains("is not a diagnostic id", finding.Message, StringComparison.Ordinal);
        if (suggestion is null)
        {
            Assert.DoesNotContain("Did you mean", finding.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"Did you mean '{suggestion}'?", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void External_rule_with_a_parameter_or_a_nullable_id_is_STD0002()
    {
        var result = Load("""{ "rules": { "MA0051": { "maximumLinesPerMethod": 80 }, "CS8602": "none" } }""");
        Assert.Equal(["STD0002", "STD0002"], result.Findings.Select(f => f.Code));
        Assert.Contains(result.Findings, f => f.Message.Contains("nullable lock (STD0101)", StringComparison.Ordinal));
        Assert.False(result.Policy.ExternalRules.ContainsKey("CS8602"));
    }

    [Fact]
    public void Expired_exception_is_STD0005_naming_the_owner_and_is_not_applied()
    {
        var result = Load("""
            {
              "exceptions": [
                { "rule": "RS0030", "scope": "src/Clock", "owner": "@platform-team", "reason": "r", "expires": "2026-11-20" }
              ]
            }
            """);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("STD0005", 3), (finding.Code, finding.Line));
        Assert.Contains("@platform-team", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", finding.Message, StringComparison.Ordinal);
        Assert.Empty(result.Policy.Exceptions);
    }

    [Fact]
    public void Exception_expiring_today_still_applies()
    {
        var result = Load("{ \"exceptions\": [ { \"rule\": \"RS0030\", \"scope\": \"x\", \"owner\": \"@o\", \"reason\": \"r\", \"expires\": \"2026-11-21\" } ] }");
        Assert.Empty(result.Findings);
        Assert.Single(result.Policy.Exceptions);
    }

    [Fact]
    public void Bad_entries_do_not_hide_good_ones()
    {
        var result = Load("""
            {
              "profile": "lenient",
              "rules": { "STD1004": { "maxLines": 800 }, "NOPE": "error" }
            }
            """);

        Assert.Equal(["STD0002", "STD0003"], result.Findings.Select(f => f.Code).Order());
        Assert.Equal("800", result.Policy.Rules["STD1004"].Parameters["maxLines"]);
        Assert.Equal("default", result.Policy.Profile);
    }
}
