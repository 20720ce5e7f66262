namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// Merges coverage reports so a library covered by several test projects counts once: packages by name, classes
/// by name and file, lines by number. A line's hits are summed (covered when any report ran it). Cobertura gives
/// only the number of branch outcomes taken on a line, not which ones, so the merge keeps the largest count: it
/// never reports a branch as covered that no single report covered (two reports that each take a different half
/// of one condition count as one half).
/// </summary>
public static class CoverageMerger
{
    /// <summary>Merges reports into one.</summary>
    public static CoverageReport Merge(IEnumerable<CoverageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var packages = new SortedDictionary<string, SortedDictionary<(string File, string Name), Dictionary<int, CoverageLine>>>(StringComparer.Ordinal);
        foreach (var package in reports.SelectMany(r => r.Packages))
        {
            if (!packages.TryGetValue(package.Name, out var classes))
            {
                classes = new SortedDictionary<(string File, string Name), Dictionary<int, CoverageLine>>(ClassKeyComparer.Instance);
                packages[package.Name] = classes;
            }

            foreach (var cls in package.Classes)
            {
                if (!classes.TryGetValue((cls.File, cls.Name), out var lines))
                {
                    lines = [];
                    classes[(cls.File, cls.Name)] = lines;
                }

                foreach (var line in cls.Lines.Values)
                {
                    lines[line.Number] = lines.TryGetValue(line.Number, out var seen) ? Combine(seen, line, sumHits: true) : line;
                }
            }
        }

        return new CoverageReport([.. packages.Select(p => new CoveragePackage(p.Key,
            [.. p.Value.Select(c => new CoverageClass(c.Key.Name, c.Key.File, c.Value))]))]);
    }

    /// <summary>One line seen twice: hits summed (or the larger, within one report), branches the larger count.</summary>
    public static CoverageLine Combine(CoverageLine a, CoverageLine b, bool sumHits) => new(
        a.Number,
        sumHits ? SaturatingAdd(a.Hits, b.Hits) : Math.Max(a.Hits, b.Hits),
        Math.Max(a.BranchesCovered, b.BranchesCovered),
        Math.Max(a.BranchesTotal, b.BranchesTotal));

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private sealed class ClassKeyComparer : IComparer<(string File, string Name)>
    {
        public static readonly ClassKeyComparer Instance = new();

        public int Compare((string File, string Name) x, (string File, string Name) y)
        {
            var file = string.CompareOrdinal(x.File, y.File);
            return file != 0 ? file : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
