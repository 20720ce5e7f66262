namespace Standards.Sdk.Checks.Coverage;

/// <summary>One source line of a coverage report.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Hits">How often it ran (summed over merged reports).</param>
/// <param name="BranchesCovered">Branch outcomes taken on this line (0 when the line has no branches).</param>
/// <param name="BranchesTotal">Branch outcomes on this line (0 when the line has no branches).</param>
public readonly record struct CoverageLine(int Number, long Hits, int BranchesCovered, int BranchesTotal)
{
    /// <summary>True when the line ran at least once.</summary>
    public bool IsCovered => Hits > 0;
}

/// <summary>A class of a package, as Cobertura groups lines (kept so the merged report keeps the same structure).</summary>
/// <param name="Name">The class name.</param>
/// <param name="File">The source file, repo-relative ('/'-separated) when it is under the repo root, else absolute.</param>
/// <param name="Lines">Its lines by number.</param>
public sealed record CoverageClass(string Name, string File, IReadOnlyDictionary<int, CoverageLine> Lines);

/// <summary>An assembly in a coverage report (a Cobertura package).</summary>
/// <param name="Name">The assembly name.</param>
/// <param name="Classes">Its classes.</param>
public sealed record CoveragePackage(string Name, IReadOnlyList<CoverageClass> Classes);

/// <summary>
/// A coverage report: packages, classes and lines, with hits and branch counts. Read from Cobertura
/// (<see cref="CoberturaReader"/>), merged (<see cref="CoverageMerger"/>) and written back as Cobertura
/// (<see cref="CoberturaWriter"/>); the numbers come from <see cref="CoverageNumbers"/>.
/// </summary>
/// <param name="Packages">The packages, by name.</param>
public sealed record CoverageReport(IReadOnlyList<CoveragePackage> Packages)
{
    /// <summary>A report without packages.</summary>
    public static CoverageReport Empty { get; } = new([]);

    /// <summary>The report restricted to some packages.</summary>
    public CoverageReport OnlyPackages(Func<string, bool> keep) => new([.. Packages.Where(p => keep(p.Name))]);
}
