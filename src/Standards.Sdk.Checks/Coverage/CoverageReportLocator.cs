using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>A Cobertura file a test run may have written.</summary>
/// <param name="Path">The file.</param>
/// <param name="WrittenUtc">When it was last written.</param>
/// <param name="Packages">The assemblies it covers.</param>
public sealed record CoverageCandidate(string Path, DateTime WrittenUtc, IReadOnlyCollection<string> Packages);

/// <summary>
/// Finds the report of one test run. coverlet.collector writes into a new random folder under the results
/// directory (platform notes §6), so the run's reports are the files that were not there when the run started
/// (the SDK records that list, <see cref="TestRunStart"/>); times are not enough, because a second
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
    public static CoverageCandidate? Select(IEnumerable<CoverageCandidate> candidates, TestRunStart? earlier, DateTime runStartedUtc, string testAssembly)
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
