using System.Text.RegularExpressions;
using CsCheck;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Tests.Policy;

namespace Standards.Sdk.Checks.Tests.Properties;

/// <summary>
/// standards.json is repo input: whatever it holds, the loader and every check's section reader give a policy and
/// coded findings (STD0001-STD0005) naming the file and a line, never an exception, never STD0000, never a hang; a
/// file that is not JSON is STD0001 at the parser's line; and no file turns a nullable warning off for the whole
/// project (only a dated exception can waive it).
/// </summary>
public sealed class PolicyLoaderProperties
{
    private const string FileName = "src/standards.json";

    private static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>Every key the loader and the section readers know, at every level, so random documents get past the syntax.</summary>
    private static readonly string[] Keys =
    [
        "profile", "kind", "helpBaseUrl", "rules", "exceptions", "layout", "dependencies", "coverage", "budgets", "release", "$schema",
        "STD1001", "std1001", "STD1005", "STD0101", "STD3004", "CA1502", "CS8602", "nullable", "IDE0005", "severity", "testSeverity",
        "maxLines", "names", "minOwners", "rule", "scope", "owner", "reason", "expires", "requiredPaths", "criticalProjects",
        "testsFolder", "exclude", "projectsWithoutStandardsSdk", "line", "branch", "criticalLine", "tolerance", "regression",
        "allocationRegression", "noise", "benchmarks", "sizes", "signing", "strongName", "packages", "sbom", "licenses", "allowed", "denied",
    ];

    private const string Skeleton = """
        {
          "profile": §,
          "kind": §,
          "rules": { "STD1001": { "severity": §, "maxLines": § }, "STD1005": { "names": § }, §: § },
          "layout": { "requiredPaths": [§], "testsFolder": §, "exclude": [§] },
          "coverage": { "line": § },
          "exceptions": [ { "rule": §, "scope": §, "owner": "@o", "reason": "r", "expires": § } ]
        }
        """;

    private static readonly string[] SkeletonValues =
        ["\"strict\"", "\"library\"", "\"warning\"", "40", "[\"Util\"]", "\"CA1502\"", "\"error\"", "\"LICENSE\"", "\"test\"", "\"vendor/**\"", "80", "\"STD1001\"", "\"src/**\"", "\"2030-01-01\""];

    [Fact]
    public void Random_documents_give_a_policy_and_coded_findings_with_the_file_and_a_line() =>
        HostileJson.Document(Keys).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void Hostile_values_in_a_valid_skeleton_give_coded_findings_with_the_file_and_a_line() =>
        HostileJson.Skeleton(Skeleton, Keys, SkeletonValues).Sample(AssertTotal, iter: 300, threads: 1);

    [Fact]
    public void Text_that_is_not_JSON_is_STD0001_at_the_line_of_the_syntax_error() =>
        HostileJson.Document(Keys).Sample(text =>
        {
            var parsed = JsonFormats.Policy.Parse(text);
            var findings = PolicyLoader.Load(FileName, text, Today).Findings;
            if (!parsed.Succeeded)
            {
                var finding = Assert.Single(findings);
                Assert.Equal((PolicyRuleIds.PolicyNotJson, FileName, parsed.ErrorLine), (finding.Code, finding.File, finding.Line));
            }
            else
            {
                Assert.DoesNotContain(findings, f => f.Code == PolicyRuleIds.PolicyNotJson);
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void Without_an_exception_no_document_turns_a_nullable_warning_off_for_the_project() =>
        HostileJson.Skeleton(Skeleton.Replace("\"CA1502\"", "§", StringComparison.Ordinal), Keys, [.. SkeletonValues, "\"CS8602\""]).Sample(text =>
        {
            var policy = PolicyLoader.Load(FileName, text, Today).Policy;
            if (policy.Exceptions.Count > 0)
            {
                return;
            }

            var config = AnalyzerConfigWriter.WriteConfig(new EffectivePolicy(policy, new ProjectContext("Acme", ProjectKinds.Library, "src/Acme"), Today), "/repo", ["/repo/src/Acme/A.cs"]).Text;
            foreach (Match setting in Regex.Matches(config, @"^dotnet_diagnostic\.(?<id>[A-Za-z]+\d+)\.severity\s*=\s*(?<severity>\S+)", RegexOptions.Multiline))
            {
                if (NullableWarnings.Covers(setting.Groups["id"].Value))
                {
                    Assert.Equal("error", setting.Groups["severity"].Value);
                }
            }
        }, iter: 200, threads: 1);

    [Fact]
    public void Messages_show_what_the_file_holds_escaped_and_shortened() =>
        Gen.OneOf(HostileJson.Document(Keys), HostileJson.Skeleton(Skeleton, Keys, SkeletonValues)).Sample(text =>
        {
            var result = PolicyLoader.Load(FileName, text, Today);
            var findings = new List<Finding>(result.Findings);
            _ = LayoutSettings.Read(result.Policy, findings);
            Assert.All(findings, f => HostileJson.AssertShown(f.Message));
        }, iter: 300, threads: 1);

    /// <summary>Each case as the loader was: the key or value went into the message as it is, a line break included.</summary>
    [Theory]
    [InlineData("""{ "layout": { "x\n::error file=src/A.cs::forged": 1 } }""")]
    [InlineData("""{ "profile": "\u001b[2Jstrict" }""")]
    [InlineData("""{ "rules": { "STD9\u202e999": "error" } }""")]
    [InlineData("""{ "exceptions": [ { "rule": "CA1502", "scope": "s", "owner": "@o", "reason": "r", "expires": "2030\n-01-01" } ] }""")]
    [InlineData("""{ "layout": { "requiredPaths": ["../\r\nx"] } }""")]
    [InlineData("""{ "profile": "a", "prof\u0000ile": "b", "prof\u0000ile": "c" }""")]
    [InlineData("{ \"profile\": tx\n::error file=src/A.cs::forged }")]
    public void A_line_break_or_a_control_in_the_file_is_shown_escaped_in_the_message(string text)
    {
        var result = PolicyLoader.Load(FileName, text, Today);
        var findings = new List<Finding>(result.Findings);
        _ = LayoutSettings.Read(result.Policy, findings);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => HostileJson.AssertShown(f.Message));
    }

    [Fact]
    public void A_key_of_sixteen_million_characters_is_one_short_finding()
    {
        var text = "{\n\"layout\": {\n" + HostileJson.Quote(new string('k', 16 * 1024 * 1024)) + ": 1 } }";
        var finding = Assert.Single(PolicyLoader.Load(FileName, text, Today).Findings.Concat(Layout(text)));
        Assert.Equal((PolicyRuleIds.PolicyShape, 3), (finding.Code, finding.Line));
        HostileJson.AssertShown(finding.Message);
    }

    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_000, true)]
    [InlineData(257, false)]
    public void Nesting_ten_thousand_levels_deep_is_STD0001_not_a_stack_overflow(int depth, bool objects)
    {
        var text = "{\"layout\": " + HostileJson.Nest(depth, objects, closed: true) + "}";
        var finding = Assert.Single(PolicyLoader.Load(FileName, text, Today).Findings);
        Assert.Equal((PolicyRuleIds.PolicyNotJson, FileName, 1), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void Nesting_as_deep_as_the_parser_allows_is_read_without_a_stack_overflow()
    {
        var text = "{\"rules\": {\"STD1001\": " + HostileJson.Nest(250, objects: true, closed: true) + "}, \"layout\": " + HostileJson.Nest(250, objects: false, closed: true) + "}";
        AssertTotal(text);
        Assert.Contains(PolicyLoader.Load(FileName, text, Today).Findings, f => f.Code == PolicyRuleIds.PolicyShape);
    }

    [Fact]
    public void A_string_of_sixteen_million_characters_is_one_coded_finding()
    {
        var text = "{\n\"profile\": " + HostileJson.Quote(new string('s', 16 * 1024 * 1024)) + "\n}";
        var finding = Assert.Single(PolicyLoader.Load(FileName, text, Today).Findings);
        Assert.Equal((PolicyRuleIds.PolicyShape, 2), (finding.Code, finding.Line));
        HostileJson.AssertShown(finding.Message);
    }

    private static List<Finding> Layout(string text)
    {
        var findings = new List<Finding>();
        _ = LayoutSettings.Read(PolicyLoader.Load(FileName, text, Today).Policy, findings);
        return findings;
    }

    /// <summary>The loader and every section reader on <paramref name="text"/>: coded findings with the file and a line, nothing thrown.</summary>
    private static void AssertTotal(string text)
    {
        var (policy, findings) = PolicyReaders.ReadAll(FileName, text, Today);
        _ = AnalyzerConfigWriter.WriteConfig(new EffectivePolicy(policy, new ProjectContext("Acme", ProjectKinds.Library, "src/Acme"), Today), "/repo", ["/repo/src/Acme/A.cs"]);
        Assert.All(findings, AssertCoded);
    }

    private static void AssertCoded(Finding finding)
    {
        Assert.Matches("^STD000[1-5]$", finding.Code);
        Assert.NotEqual(PolicyRuleIds.InternalError, finding.Code);
        Assert.Equal(FileName, finding.File);
        Assert.True(finding.Line >= 1, $"{finding.Code} without a line: {finding.Message}");
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }
}
