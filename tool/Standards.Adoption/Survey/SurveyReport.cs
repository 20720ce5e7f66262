using System.Globalization;
using System.Text;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Survey;

/// <summary>
/// The reports of <c>dotnet standards survey</c>: every finding of the repo (compiler, analyzer, STD), once per
/// file and line however many target frameworks compiled it, as markdown grouped by rule (count, top files) and
/// as SARIF 2.1.0 (the same writer as the build's reports).
/// </summary>
public static class SurveyReport
{
    /// <summary>The markdown file name.</summary>
    public const string MarkdownFile = "survey.md";

    /// <summary>The SARIF file name.</summary>
    public const string SarifFile = "survey.sarif";

    /// <summary>The findings as report items (severity as the CI-mode build reported them).</summary>
    public static IReadOnlyList<ReportItem> Items(IEnumerable<BuildDiagnostic> findings) =>
        findings.Select(f => new ReportItem(new Finding(f.Code, f.IsError ? Severity.Error : Severity.Warning, f.Message, f.File.Length == 0 ? null : f.File, f.Line, f.Column), Baselined: false))
            .ToList();

    /// <summary>The SARIF text.</summary>
    public static string Sarif(IEnumerable<BuildDiagnostic> findings, string toolVersion) =>
        SarifWriter.Write(Items(findings), StandardsPolicy.DefaultHelpBaseUrl, toolVersion, hasBaseline: false);

    /// <summary>The markdown text: a table of rules by count with their top files, then what cannot be baselined.</summary>
    public static string Markdown(AdoptionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("## Standards.Sdk survey\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{result.Findings.Count} findings (compiler, analyzers, Standards.Sdk), each once however many target frameworks compile its file.\n\n");
        if (result.NotAnalysed.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Partial count**: {result.NotAnalysed.Count} project(s) not analysed; their code findings are missing from this report:\n\n");
            foreach (var project in result.NotAnalysed)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {project}\n");
            }

            text.Append('\n');
        }

        text.Append("| Rule | Findings | Top files |\n|---|---:|---|\n");
        foreach (var rule in result.Findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var top = rule.Where(f => f.File.Length > 0).GroupBy(f => f.File).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
                .Select(g => $"`{g.Key}` ({g.Count()})");
            text.Append(CultureInfo.InvariantCulture, $"| [{rule.Key}]({RuleHelp.Link(StandardsPolicy.DefaultHelpBaseUrl, rule.Key)}) | {rule.Count()} | {string.Join(", ", top)} |\n");
        }

        if (result.WeakenedRules.Count > 0)
        {
            text.Append("\n### Weakened rules\n\n");
            foreach (var line in result.WeakenedRules)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {line}\n");
            }
        }

        if (result.LeftAlone.Count > 0)
        {
            text.Append("\n### Left alone by adopt\n\n");
            foreach (var line in result.LeftAlone)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {line}\n");
            }
        }

        if (result.NotBaselinable.Count > 0)
        {
            text.Append("\n### Cannot be baselined\n\n");
            foreach (var left in result.NotBaselinable)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{left.Diagnostic.Code}` {left.Diagnostic.File}({left.Diagnostic.Line}): {left.Diagnostic.Message} — {left.Fix}\n");
            }
        }

        return text.ToString();
    }
}
