using System.Text;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Produces src/Standards.Sdk.Analyzers/AnalyzerReleases.Unshipped.md, the release-tracking file of
/// Microsoft.CodeAnalysis.Analyzers (https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md),
/// from the analyzer rule declarations: every declared rule that AnalyzerReleases.Shipped.md does not list yet. The
/// analyzers' build checks the file against the descriptors (RS2000-RS2008); a test checks it against this output.
/// </summary>
public static partial class AnalyzerReleasesWriter
{
    /// <summary>The shipped file, repo-relative: rows move there by hand at a release, under a <c>## Release x.y.z</c> header.</summary>
    public const string ShippedPath = "src/Standards.Sdk.Analyzers/AnalyzerReleases.Shipped.md";

    /// <summary>The generated file, repo-relative.</summary>
    public const string UnshippedPath = "src/Standards.Sdk.Analyzers/AnalyzerReleases.Unshipped.md";

    /// <summary>The unshipped file for the declared analyzer rules, given the shipped file's text.</summary>
    public static string Unshipped(string shippedText) => Unshipped(StandardsAnalyzerRules.All, shippedText);

    /// <summary>The unshipped file for <paramref name="rules"/> (a test adds a sample rule), given the shipped file's text.</summary>
    public static string Unshipped(IReadOnlyList<RuleDefinition> rules, string shippedText)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var shipped = ShippedIds(shippedText ?? string.Empty);
        var sb = new StringBuilder();
        sb.Append("; Unshipped analyzer release\n");
        sb.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
        sb.Append("; Generated from src/Standards.Sdk.Checks/Rules/StandardsAnalyzerRules.cs by eng/update-generated.sh; do not edit.\n");
        var rows = rules.Where(r => !shipped.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            return sb.ToString();
        }

        sb.Append("\n### New Rules\n\n");
        sb.Append("Rule ID | Category | Severity | Notes\n");
        sb.Append("--------|----------|----------|-------\n");
        foreach (var rule in rows)
        {
            // Roslyn's severity names (DiagnosticSeverity) are ours capitalised: Error, Warning, Info.
            sb.Append(rule.Id).Append(" | ").Append(StandardsAnalyzerRules.Category).Append(" | ")
                .Append(rule.DefaultSeverity.ToString()).Append(" | ").Append(rule.Title).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The rule ids any table of the shipped file names (new, changed or removed in some release).</summary>
    private static HashSet<string> ShippedIds(string shippedText) =>
        [.. shippedText.Split('\n').Select(line => RowId().Match(line)).Where(m => m.Success).Select(m => m.Groups["id"].Value)];

    [GeneratedRegex(@"^\|?\s*(?<id>STD[0-9]{4})\s*\|", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RowId();
}
