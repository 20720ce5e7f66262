using System.Text;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>The markdown summary of the merged coverage, for a CI job summary or a pull request comment.</summary>
public static class CoverageMarkdown
{
    /// <summary>The summary: one row per project and the total, the thresholds, the baseline, the least covered files.</summary>
    public static string Write(IReadOnlyList<CoverageRow> rows, CoverageSettings settings, IReadOnlyList<FileCoverage> files, int reports)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(files);
        var sb = new StringBuilder();
        var ok = rows.All(r => r.Passed);
        sb.Append("# Coverage\n\n");
        sb.Append(ok ? "**Passed**" : "**Failed**")
            .Append($" — merged from {reports} test run report{(reports == 1 ? string.Empty : "s")}; minimum line {CoverageBaseline.Percent(settings.Line)}, branch {CoverageBaseline.Percent(settings.Branch)}, critical projects line {CoverageBaseline.Percent(settings.CriticalLine)}.\n\n");
        sb.Append("| Project | Line | Branch | Baseline line | Baseline branch | |\n|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            sb.Append("| ").Append(row.Name == "Total" ? "**Total**" : row.Name)
                .Append(" | ").Append(CoverageBaseline.Percent(CoverageCounts.Floor1(row.Counts.LinePercent))).Append($" ({row.Counts.LinesCovered}/{row.Counts.LinesValid})")
                .Append(" | ").Append(CoverageBaseline.Percent(CoverageCounts.Floor1(row.Counts.BranchPercent))).Append($" ({row.Counts.BranchesCovered}/{row.Counts.BranchesValid})")
                .Append(" | ").Append(row.Baseline is null ? "—" : CoverageBaseline.Percent(row.Baseline.Line))
                .Append(" | ").Append(row.Baseline is null ? "—" : CoverageBaseline.Percent(row.Baseline.Branch))
                .Append(" | ").Append(row.Passed ? "✅" : "❌")
                .Append(" |\n");
        }

        var worst = CoverageNumbers.Worst(files, 10);
        if (worst.Count > 0)
        {
            sb.Append("\n## Least covered files\n\n| File | Line | Branch | First uncovered line |\n|---|---|---|---|\n");
            foreach (var f in worst)
            {
                sb.Append($"| {f.File} | {CoverageBaseline.Percent(CoverageCounts.Floor1(f.Counts.LinePercent))} ({f.Counts.LinesCovered}/{f.Counts.LinesValid}) | {CoverageBaseline.Percent(CoverageCounts.Floor1(f.Counts.BranchPercent))} ({f.Counts.BranchesCovered}/{f.Counts.BranchesValid}) | {f.FirstUncoveredLine} |\n");
            }
        }

        return sb.ToString();
    }
}
