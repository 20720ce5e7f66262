using System.Text;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>The gate's own verdict, as the build reports it: the summary and the console say this, never less.</summary>
/// <param name="Passed">True when the gate raised no error.</param>
/// <param name="Failures">The codes of the errors it raised, in order, each once.</param>
/// <param name="Ignored">The reports the merge left out, each with why.</param>
public sealed record CoverageVerdict(bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<IgnoredReport> Ignored)
{
    /// <summary>The verdict of a gate that raised <paramref name="findings"/>.</summary>
    /// <param name="findings">Everything the gate reports.</param>
    /// <param name="warningsAsErrors">True when warnings fail the build (CI, Release).</param>
    /// <param name="ignored">Reports left out of the merge.</param>
    public static CoverageVerdict Of(IEnumerable<Finding> findings, bool warningsAsErrors, IReadOnlyList<IgnoredReport> ignored)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(ignored);
        var errors = findings.Where(f => f.Severity == Severity.Error || (warningsAsErrors && f.Severity == Severity.Warning))
            .Select(f => f.Code).Distinct(StringComparer.Ordinal).ToList();
        return new CoverageVerdict(errors.Count == 0, errors, ignored);
    }

    /// <summary>"passed" or "failed (codes)", for the console.</summary>
    public string Text => Passed ? "passed" : $"failed ({string.Join(", ", Failures)})";
}

/// <summary>The markdown summary of the merged coverage, for a CI job summary or a pull request comment.</summary>
public static class CoverageMarkdown
{
    /// <summary>A percentage with its counts; nothing measured is a dash, never 100 %.</summary>
    public static string Shown(long covered, long valid) =>
        valid == 0 ? "— (0/0)" : $"{CoverageBaseline.Percent(CoverageCounts.Floor1(100.0 * covered / valid))} ({covered}/{valid})";

    /// <summary>
    /// The summary: the gate's verdict first, one row per project and the total, the thresholds, the baseline, the
    /// reports left out, the least covered files. A row shows a tick only when the whole gate passed.
    /// </summary>
    public static string Write(IReadOnlyList<CoverageRow> rows, CoverageSettings settings, IReadOnlyList<FileCoverage> files, int reports, CoverageVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(verdict);
        var sb = new StringBuilder();
        sb.Append("# Coverage\n\n");
        sb.Append(verdict.Passed ? "**Passed**" : $"**Failed** ({string.Join(", ", verdict.Failures)})")
            .Append($" — merged from {reports} test run report{(reports == 1 ? string.Empty : "s")}; minimum line {CoverageBaseline.Percent(settings.Line)}, branch {CoverageBaseline.Percent(settings.Branch)}, critical projects line {CoverageBaseline.Percent(settings.CriticalLine)}.\n\n");
        sb.Append("| Project | Line | Branch | Baseline line | Baseline branch | |\n|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var mark = !row.Passed ? "❌" : verdict.Passed ? "✅" : "—";
            sb.Append("| ").Append(row.Name == "Total" ? "**Total**" : row.Name)
                .Append(" | ").Append(Shown(row.Counts.LinesCovered, row.Counts.LinesValid))
                .Append(" | ").Append(Shown(row.Counts.BranchesCovered, row.Counts.BranchesValid))
                .Append(" | ").Append(row.Baseline is null ? "—" : CoverageBaseline.Percent(row.Baseline.Line))
                .Append(" | ").Append(row.Baseline is null ? "—" : CoverageBaseline.Percent(row.Baseline.Branch))
                .Append(" | ").Append(mark)
                .Append(" |\n");
        }

        AppendIgnored(sb, verdict.Ignored);
        AppendWorst(sb, files);
        return sb.ToString();
    }

    private static void AppendIgnored(StringBuilder sb, IReadOnlyList<IgnoredReport> ignored)
    {
        if (ignored.Count == 0)
        {
            return;
        }

        sb.Append("\n## Reports left out\n\n| Report | Why |\n|---|---|\n");
        foreach (var report in ignored)
        {
            sb.Append($"| {report.Path} | {report.Reason} |\n");
        }
    }

    private static void AppendWorst(StringBuilder sb, IReadOnlyList<FileCoverage> files)
    {
        var worst = CoverageNumbers.Worst(files, 10);
        if (worst.Count == 0)
        {
            return;
        }

        sb.Append("\n## Least covered files\n\n| File | Line | Branch | First uncovered line |\n|---|---|---|---|\n");
        foreach (var f in worst)
        {
            sb.Append($"| {f.File} | {Shown(f.Counts.LinesCovered, f.Counts.LinesValid)} | {Shown(f.Counts.BranchesCovered, f.Counts.BranchesValid)} | {f.FirstUncoveredLine} |\n");
        }
    }
}
