namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// Finds the Cobertura report of a Microsoft.Testing.Platform test app. The SDK runs the app with
/// <c>--coverlet --coverlet-output-format cobertura --coverlet-file-prefix &lt;project&gt;.&lt;framework&gt;</c>, and
/// coverlet.MTP writes <c>&lt;prefix&gt;.coverage.cobertura.&lt;time&gt;.xml</c> into the run's results directory,
/// which <c>dotnet test</c> chooses (the working directory's TestResults/ or <c>--results-directory</c>), so the
/// report is looked for by name anywhere under the repo. Only a report written after the test app was built counts:
/// an older one measured other code.
/// </summary>
public static class MtpCoverageReports
{
    private const string Suffix = ".coverage.cobertura.";

    /// <summary>The file name pattern of the reports written with <paramref name="prefix"/>.</summary>
    public static string Pattern(string prefix) => prefix + Suffix + "*.xml";

    /// <summary>True when <paramref name="fileName"/> is a report written with exactly <paramref name="prefix"/> (not a longer prefix that starts with it).</summary>
    public static bool IsReportOf(string fileName, string prefix)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(prefix);
        var start = prefix.Length + Suffix.Length;
        if (fileName.Length <= start + ".xml".Length || !fileName.StartsWith(prefix + Suffix, StringComparison.OrdinalIgnoreCase) || !fileName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var stamp = fileName.Substring(start, fileName.Length - start - ".xml".Length);
        return stamp.Length > 0 && stamp.All(char.IsAsciiDigit);
    }

    /// <summary>
    /// The newest report written with <paramref name="prefix"/> at or after <paramref name="builtUtc"/> (when the
    /// test app was built), or null when there is none.
    /// </summary>
    public static CoverageCandidate? Select(IEnumerable<CoverageCandidate> candidates, string prefix, DateTime builtUtc)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .Where(c => IsReportOf(System.IO.Path.GetFileName(c.Path), prefix) && c.WrittenUtc >= builtUtc)
            .OrderByDescending(c => c.WrittenUtc)
            .FirstOrDefault();
    }
}
