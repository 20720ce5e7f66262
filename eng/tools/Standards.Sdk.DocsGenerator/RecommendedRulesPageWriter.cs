using System.Text;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Writes the pages our links point to for the rules the policy turns on without declaring them one by one:
/// docs/rules/recommended-analyzer-rules.md, a row per rule of the analysis level (<see cref="RecommendedAnalyzerRules"/>)
/// with its anchor, and the generated list of nullable warning ids on STD0101's page (<see cref="NullableWarnings"/>),
/// between <see cref="NullableBlockStart"/> and <see cref="NullableBlockEnd"/>. Rewritten every run; a test fails when a
/// committed copy differs.
/// </summary>
public static class RecommendedRulesPageWriter
{
    /// <summary>The repo-relative path of the page of the recommended rules.</summary>
    public const string PagePath = "docs/rules/" + RecommendedAnalyzerRules.PagePath;

    /// <summary>The repo-relative path of STD0101's page, which holds the list of nullable ids.</summary>
    public const string NullablePagePath = "docs/rules/STD0101.md";

    /// <summary>The first line of the generated list on STD0101's page.</summary>
    public const string NullableBlockStart = "<!-- BEGIN nullable warning ids, generated from NullableWarnings.Ids by eng/update-generated.sh: do not edit. -->";

    /// <summary>The last line of the generated list.</summary>
    public const string NullableBlockEnd = "<!-- END nullable warning ids -->";

    /// <summary>The page of the recommended rules.</summary>
    public static string Write()
    {
        var sb = new StringBuilder();
        sb.Append("# Recommended analyzer rules\n\n").Append(AnalyzerRulePageWriter.GeneratedMarker).Append("\n\n");
        sb.Append("The policy sets `AnalysisLevel` to `latest-recommended` ([analyzers](../standards-profile.md#analyzers)). The .NET SDK resolves `latest` to ")
            .Append(RecommendedAnalyzerRules.Level).Append(" and adds its config `").Append(RecommendedAnalyzerRules.ConfigFileName)
            .Append("`, which turns on the ").Append(RecommendedAnalyzerRules.Rules.Count)
            .Append(" NetAnalyzers rules below as **warning**: a warning fails CI and Release builds, where warnings are errors ")
            .Append("([warnings as errors](../standards-profile.md#warnings-as-errors)), and is reported in local Debug builds. ")
            .Append("The list is declared in `src/Standards.Sdk.Checks/Rules/RecommendedAnalyzerRules.cs`; a test fails when it differs from the SDK's config.\n\n");
        var own = RecommendedAnalyzerRules.Rules.Where(r => RuleCatalog.Find(r.Key) is not null).Select(r => $"[{r.Key}]({r.Key}.md)").ToList();
        if (own.Count > 0)
        {
            sb.Append("The policy sets some of them itself, each on its own page: ").Append(string.Join(", ", own)).Append(".\n\n");
        }

        Configure(sb);
        sb.Append("\n## Rules\n\n| Rule | Title | Severity | Analyzer's page |\n|---|---|---|---|\n");
        foreach (var (id, title) in RecommendedAnalyzerRules.Rules.Where(r => RuleCatalog.Find(r.Key) is null))
        {
            sb.Append("| <a id=\"").Append(RecommendedAnalyzerRules.Anchor(id)).Append("\"></a>").Append(id)
                .Append(" | ").Append(title.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal))
                .Append(" | warning | <https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/")
                .Append(id.ToLowerInvariant()).Append("> |\n");
        }

        return sb.ToString();
    }

    /// <summary>STD0101's page with its generated list of nullable ids replaced (or added at the end).</summary>
    public static string Std0101Page(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = File.ReadAllText(Path.Combine(root, NullablePagePath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(NullableBlockStart, StringComparison.Ordinal);
        var end = text.IndexOf(NullableBlockEnd + "\n", StringComparison.Ordinal);
        var before = start < 0 ? text.TrimEnd('\n') + "\n\n## Nullable warnings\n\n" : text[..start];
        var after = start < 0 || end < start ? string.Empty : text[(end + NullableBlockEnd.Length + 1)..];
        return before + NullableBlock() + after;
    }

    private static string NullableBlock() =>
        NullableBlockStart + "\n\nThe ids the compiler groups under `nullable`, which the policy makes errors and STD0101 keeps on: "
        + string.Join(", ", NullableWarnings.Ids.Select(id => $"`{id}`")) + ".\n\n" + NullableBlockEnd + "\n";

    private static void Configure(StringBuilder sb) =>
        sb.Append("## How to configure or except\n\nIn `standards.json`, change a rule's severity for the repo, or grant an exception ")
            .Append("(a scope, an owner, a reason and an expiry date):\n\n```json\n{\n  \"rules\": {\n    \"CA1305\": \"error\"\n  },\n")
            .Append("  \"exceptions\": [\n    { \"rule\": \"CA1305\", \"scope\": \"src/Legacy/**\", \"owner\": \"@team\", \"reason\": \"Why\", \"expires\": \"2027-03-31\" }\n  ]\n}\n```\n\n")
            .Append("Findings in existing code are recorded at their exact place (rule, file, line text) in the code baseline, ")
            .Append("`standards-code-baseline.json`, by `dotnet standards adopt` ([adopting](../adopting.md#the-code-baseline)); ")
            .Append("a new occurrence still fails the build.\n");
}
