using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports;

/// <summary>
/// Writes summary.md: a markdown table of the findings (code, severity, location, message, help link) for a CI
/// job summary (GitHub: append it to $GITHUB_STEP_SUMMARY; Azure DevOps: ##vso[task.uploadsummary]).
/// </summary>
public static class MarkdownSummaryWriter
{
    /// <summary>The markdown text.</summary>
    public static string Write(IReadOnlyList<ReportItem> items, RunSummary summary, string helpBaseUrl, string repoKind)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(helpBaseUrl);
        var sb = new StringBuilder();
        sb.Append("## Standards.Sdk repository checks\n\n");
        sb.Append(summary.Line()).Append("\n\n");
        sb.Append("Repo kind: ").Append(repoKind).Append(".\n\n");
        var reported = items.Where(i => !i.Baselined).ToList();
        if (reported.Count == 0)
        {
            sb.Append("No findings.\n");
        }
        else
        {
            Table(sb, reported, helpBaseUrl);
        }

        var baselined = items.Where(i => i.Baselined).ToList();
        if (baselined.Count > 0)
        {
            sb.Append("\n<details><summary>Accepted by the adoption baseline (").Append(baselined.Count).Append(")</summary>\n\n");
            Table(sb, baselined, helpBaseUrl);
            sb.Append("\n</details>\n");
        }

        return sb.ToString();
    }

    private static void Table(StringBuilder sb, IEnumerable<ReportItem> items, string helpBaseUrl)
    {
        sb.Append("| Code | Severity | Location | Message | Help |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var item in items.OrderByDescending(i => i.Finding.Severity).ThenBy(i => i.Finding.Code, StringComparer.Ordinal).ThenBy(i => i.Finding.File, StringComparer.Ordinal))
        {
            var f = item.Finding;
            var link = RuleHelp.Link(helpBaseUrl, f.Code);
            var location = f.File is { Length: > 0 } file ? (f.Line > 0 ? $"`{Cell(file)}:{f.Line}`" : $"`{Cell(file)}`") : string.Empty;
            sb.Append("| ").Append(f.Code)
                .Append(" | ").Append(SeverityNames.ToWord(f.Severity))
                .Append(" | ").Append(location)
                .Append(" | ").Append(Cell(f.Message))
                .Append(" | [").Append(f.Code).Append("](").Append(link).Append(") |\n");
        }
    }

    /// <summary>Text safe inside a table cell: one line, pipes escaped.</summary>
    private static string Cell(string text) =>
        text.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("`", "'", StringComparison.Ordinal);
}
