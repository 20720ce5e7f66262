namespace Standards.Sdk.Checks.Coverage;

/// <summary>A Cobertura file a test run may have written.</summary>
/// <param name="Path">The file.</param>
/// <param name="WrittenUtc">When it was last written.</param>
/// <param name="Packages">The assemblies it covers.</param>
public sealed record CoverageCandidate(string Path, DateTime WrittenUtc, IReadOnlyCollection<string> Packages);

/// <summary>
/// Finds the report of one test run. coverlet.collector writes into a new random folder under the results
/// directory (platform notes §6), so the run's reports are the files that were not there when the run started
/// (the SDK records that list, <see cref="CoverageRunStart"/>); times are not enough, because a second
/// <c>dotnet test --no-build</c> can start within the file system's time resolution of the first run's report.
/// By default each test project has its own results directory, so the newest new report is the run's. When several
/// projects share one results directory (<c>dotnet test --results-directory</c>), the SDK has coverlet include the
/// test assembly, and the new report that covers this test assembly is the run's.
/// </summary>
public static class CoverageReportLocator
{
    /// <summary>
    /// The run's report, or null when there is none (or no way to tell which it is). <paramref name="earlier"/>
    /// lists the reports that existed when the run started; without it (a run started by an older SDK), reports
    /// written since <paramref name="runStartedUtc"/> are the candidates.
    /// </summary>
    public static CoverageCandidate? Select(IEnumerable<CoverageCandidate> candidates, CoverageRunStart? earlier, DateTime runStartedUtc, string testAssembly)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var fresh = candidates
            .Where(c => earlier is null ? c.WrittenUtc >= runStartedUtc : !earlier.Contains(c.Path))
            .OrderByDescending(c => c.WrittenUtc)
            .ToList();
        var mine = fresh.Where(c => c.Packages.Contains(testAssembly, StringComparer.OrdinalIgnoreCase)).ToList();
        return mine.Count > 0 ? mine[0] : fresh.Count == 1 ? fresh[0] : null;
    }
}

/// <summary>
/// The coverage reports under a test project's results directory when its run started: one full path per line,
/// written by the SDK before <c>VSTest</c> and read after it (the file's own time is the run's start).
/// </summary>
public sealed class CoverageRunStart
{
    private readonly HashSet<string> reports;

    private CoverageRunStart(IEnumerable<string> reports) =>
        this.reports = new HashSet<string>(reports.Select(Normalize), StringComparer.Ordinal);

    /// <summary>The reports that existed.</summary>
    public IReadOnlyCollection<string> Reports => reports;

    /// <summary>The record of <paramref name="reports"/>.</summary>
    public static CoverageRunStart Of(IEnumerable<string> reports) => new(reports);

    /// <summary>Reads a record; null for an empty file from an SDK that only touched it (then times decide).</summary>
    public static CoverageRunStart? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return lines.Count > 0 && lines[0] == Header ? new CoverageRunStart(lines.Skip(1)) : null;
    }

    /// <summary>The text of the record.</summary>
    public string Write() => string.Join("\n", new[] { Header }.Concat(reports.Order(StringComparer.Ordinal))) + "\n";

    /// <summary>True when the report existed when the run started.</summary>
    public bool Contains(string path) => reports.Contains(Normalize(path));

    private const string Header = "# coverage reports present when the test run started";

    private static string Normalize(string path) => System.IO.Path.GetFullPath(path).Replace('\\', '/');
}
