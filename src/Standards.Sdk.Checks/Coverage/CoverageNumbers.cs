namespace Standards.Sdk.Checks.Coverage;

/// <summary>Lines and branch outcomes, covered and measured, with the rates the gates compare.</summary>
/// <param name="LinesCovered">Lines run at least once.</param>
/// <param name="LinesValid">Lines measured.</param>
/// <param name="BranchesCovered">Branch outcomes taken.</param>
/// <param name="BranchesValid">Branch outcomes measured.</param>
public readonly record struct CoverageCounts(long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid)
{
    /// <summary>Line coverage in percent (100 when nothing is measured).</summary>
    public double LinePercent => Percent(LinesCovered, LinesValid);

    /// <summary>Branch coverage in percent (100 when there are no branches).</summary>
    public double BranchPercent => Percent(BranchesCovered, BranchesValid);

    /// <summary>Both counts added.</summary>
    public static CoverageCounts operator +(CoverageCounts a, CoverageCounts b) =>
        new(a.LinesCovered + b.LinesCovered, a.LinesValid + b.LinesValid, a.BranchesCovered + b.BranchesCovered, a.BranchesValid + b.BranchesValid);

    /// <summary>Rounded down to one decimal, so 79.96 % is reported and judged as 79.9 %, never as 80.0 %.</summary>
    public static double Floor1(double percent) => Math.Floor(percent * 10) / 10;

    private static double Percent(long covered, long valid) => valid == 0 ? 100 : 100.0 * covered / valid;
}

/// <summary>Coverage of one source file.</summary>
/// <param name="File">Repo-relative path (absolute when outside the repo).</param>
/// <param name="Package">The assembly it belongs to.</param>
/// <param name="Counts">Its numbers.</param>
/// <param name="FirstUncoveredLine">The first line that never ran, or 0.</param>
public sealed record FileCoverage(string File, string Package, CoverageCounts Counts, int FirstUncoveredLine);

/// <summary>Counts per file, per package and in total. A line that several classes of one file list is counted once.</summary>
public static class CoverageNumbers
{
    /// <summary>Per file, in file order.</summary>
    public static IReadOnlyList<FileCoverage> Files(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = new List<FileCoverage>();
        foreach (var package in report.Packages)
        {
            foreach (var file in package.Classes.GroupBy(c => c.File, StringComparer.Ordinal))
            {
                var lines = new Dictionary<int, CoverageLine>();
                foreach (var line in file.SelectMany(c => c.Lines.Values))
                {
                    lines[line.Number] = lines.TryGetValue(line.Number, out var seen) ? CoverageMerger.Combine(seen, line, sumHits: false) : line;
                }

                var counts = new CoverageCounts(
                    lines.Values.Count(l => l.IsCovered), lines.Count,
                    lines.Values.Sum(l => (long)l.BranchesCovered), lines.Values.Sum(l => (long)l.BranchesTotal));
                var firstUncovered = lines.Values.Where(l => !l.IsCovered).Select(l => l.Number).DefaultIfEmpty(0).Min();
                result.Add(new FileCoverage(file.Key, package.Name, counts, firstUncovered));
            }
        }

        return [.. result.OrderBy(f => f.File, StringComparer.Ordinal)];
    }

    /// <summary>Per package (assembly), by name.</summary>
    public static IReadOnlyDictionary<string, CoverageCounts> Packages(CoverageReport report) =>
        Files(report).GroupBy(f => f.Package, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(default(CoverageCounts), (sum, f) => sum + f.Counts), StringComparer.Ordinal);

    /// <summary>The whole report.</summary>
    public static CoverageCounts Total(CoverageReport report) =>
        Files(report).Aggregate(default(CoverageCounts), (sum, f) => sum + f.Counts);

    /// <summary>The least covered files first (by line rate, then by uncovered lines), for messages.</summary>
    public static IReadOnlyList<FileCoverage> Worst(IEnumerable<FileCoverage> files, int count, bool byBranches = false) =>
        [.. files.Where(f => byBranches ? f.Counts.BranchesValid > f.Counts.BranchesCovered : f.Counts.LinesValid > f.Counts.LinesCovered)
            .OrderBy(f => byBranches ? f.Counts.BranchPercent : f.Counts.LinePercent)
            .ThenByDescending(f => byBranches ? f.Counts.BranchesValid - f.Counts.BranchesCovered : f.Counts.LinesValid - f.Counts.LinesCovered)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .Take(count)];
}
