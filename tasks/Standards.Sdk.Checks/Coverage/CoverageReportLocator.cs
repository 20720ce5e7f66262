namespace Standards.Sdk.Checks.Coverage;

/// <summary>A Cobertura file a test run may have written.</summary>
/// <param name="Path">The file.</param>
/// <param name="WrittenUtc">When it was last written.</param>
/// <param name="Packages">The assemblies it covers.</param>
public sealed record CoverageCandidate(string Path, DateTime WrittenUtc, IReadOnlyCollection<string> Packages);

/// <summary>
/// Finds the report of one test run. coverlet.collector writes into a new random folder under the results
/// directory (platform notes §6); by default each test project has its own results directory, so the newest
/// report written since the run started is the run's. When several projects share one results directory
/// (<c>dotnet test --results-directory</c>), the SDK has coverlet include the test assembly, and the report that
/// covers this test assembly is the run's.
/// </summary>
public static class CoverageReportLocator
{
    /// <summary>The run's report, or null when there is none (or no way to tell which it is).</summary>
    public static CoverageCandidate? Select(IEnumerable<CoverageCandidate> candidates, DateTime runStartedUtc, string testAssembly)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var fresh = candidates.Where(c => c.WrittenUtc >= runStartedUtc).OrderByDescending(c => c.WrittenUtc).ToList();
        var mine = fresh.Where(c => c.Packages.Contains(testAssembly, StringComparer.OrdinalIgnoreCase)).ToList();
        return mine.Count > 0 ? mine[0] : fresh.Count == 1 ? fresh[0] : null;
    }
}
