using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// The rules the policy's analysis level turns on are the .NET SDK's own list, and every code the policy turns on
/// (those, the catalog's rules, the nullable warnings) links to a page of ours that exists and has the link's anchor.
/// </summary>
public sealed partial class RecommendedAnalyzerRulesTests
{
    private const string Base = "https://example.invalid/docs/rules/";

    /// <summary>The SDK's analysis-level config, read from the SDK global.json resolves (latestFeature: the highest installed band of its major.minor, not older).</summary>
    private static string SdkAnalyzersFolder()
    {
        using var globalJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "global.json")));
        var pinned = Version.Parse(globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString()!);
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdk = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d), out var v) ? v : null))
            .Where(s => s.Version is { } v && v.Major == pinned.Major && v.Minor == pinned.Minor && v >= pinned)
            .MaxBy(s => s.Version);
        Assert.True(sdk.Dir is not null, $"no .NET SDK {pinned} or later band under {dotnetRoot}");
        return Path.Combine(sdk.Dir, "Sdks", "Microsoft.NET.Sdk");
    }

    [Fact]
    public void The_declared_rules_are_those_the_SDK_config_turns_on()
    {
        var sdk = SdkAnalyzersFolder();
        var targets = File.ReadAllText(Path.Combine(sdk, "targets", "Microsoft.NET.Sdk.Analyzers.targets"));
        Assert.Equal(RecommendedAnalyzerRules.Level + ".0", LatestLevel().Match(targets).Groups[1].Value);

        var config = File.ReadAllLines(Path.Combine(sdk, "analyzers", "build", "config", RecommendedAnalyzerRules.ConfigFileName));
        var enabled = new List<KeyValuePair<string, string>>();
        for (var i = 1; i < config.Length; i++)
        {
            if (Severity().Match(config[i]) is { Success: true } setting && setting.Groups[2].Value is "warning" or "error")
            {
                var comment = config[i - 1];
                Assert.StartsWith($"# {setting.Groups[1].Value}: ", comment, StringComparison.Ordinal);
                enabled.Add(new(setting.Groups[1].Value, comment[(setting.Groups[1].Value.Length + 4)..].Trim()));
            }
        }

        Assert.True(enabled.Count > 100, $"only {enabled.Count} rules read from the SDK's config");
        Assert.Equal(enabled.OrderBy(r => r.Key, StringComparer.Ordinal), RecommendedAnalyzerRules.Rules);
    }

    public static TheoryData<string> PolicyCodes()
    {
        var data = new TheoryData<string>();
        foreach (var id in RecommendedAnalyzerRules.Rules.Select(r => r.Key).Concat(RuleCatalog.All.Select(r => r.Id)).Concat(NullableWarnings.Ids).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    /// <summary>Each code the policy turns on links to a page other than the index, which exists and has the link's anchor.</summary>
    [Theory]
    [MemberData(nameof(PolicyCodes))]
    public void Every_code_the_policy_turns_on_links_to_its_anchor(string code)
    {
        var link = RuleHelp.Link(Base, code);
        Assert.StartsWith(Base, link, StringComparison.Ordinal);
        var target = link[Base.Length..].Split('#');
        Assert.NotEqual("README.md", target[0]);
        AssertTargetExists(target);
        Assert.Contains(code, File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "rules", target[0])), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A code the policy does not turn on goes to the rules index, without a fragment it lacks.</summary>
    [Theory]
    [InlineData("CS0168")]
    [InlineData("xUnit1004")]
    [InlineData("CA1516")]
    public void Other_codes_link_to_the_index(string code)
    {
        var link = RuleHelp.Link(Base, code);
        Assert.Equal(Base + "README.md", link);
        AssertTargetExists(link[Base.Length..].Split('#'));
    }

    /// <summary>The page of the recommended rules has a row for each rule the catalog does not give its own page, with the SDK's title.</summary>
    [Fact]
    public void The_page_has_a_row_per_rule_with_its_title()
    {
        var page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "rules", RecommendedAnalyzerRules.PagePath));
        Assert.Contains("| <a id=\"ca1305\"></a>CA1305 | Specify IFormatProvider | warning | <https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca1305> |", page, StringComparison.Ordinal);
        Assert.Contains("| <a id=\"ca1067\"></a>CA1067 | Override Object.Equals(object) when implementing IEquatable&lt;T> | warning |", page, StringComparison.Ordinal);
        Assert.Contains("[CA1822](CA1822.md)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<a id=\"ca1822\">", page, StringComparison.Ordinal);
    }

    private static void AssertTargetExists(string[] target)
    {
        var path = Path.Combine(RepoRoot.Path, "docs", "rules", target[0]);
        Assert.True(File.Exists(path), $"{target[0]} does not exist");
        if (target.Length > 1)
        {
            var text = File.ReadAllText(path);
            var anchors = Anchor().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim().ToLowerInvariant().Replace(' ', '-')));
            Assert.Contains(target[1], anchors);
        }
    }

    // Plain Regex fields, not [GeneratedRegex]: this file is also compiled against the netstandard2.0 checks, whose
    // GeneratedRegex polyfill would clash with .NET's.
    private static readonly Regex LatestLevelPattern = new("<_LatestAnalysisLevel>([^<]+)</_LatestAnalysisLevel>");
    private static readonly Regex SeverityPattern = new(@"^dotnet_diagnostic\.([A-Za-z]+[0-9]+)\.severity\s*=\s*([a-z]+)");
    private static readonly Regex AnchorPattern = new("<a id=\"([^\"]+)\"></a>");

    private static Regex LatestLevel() => LatestLevelPattern;

    private static Regex Severity() => SeverityPattern;

    private static Regex Anchor() => AnchorPattern;
}
