using System.Globalization;
using NuGet.Versioning;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Adoption.Fleet;

/// <summary>A repo's standing in the fleet: its newest build, and its history for the trends.</summary>
/// <param name="Repo">The repo's name.</param>
/// <param name="Latest">Its newest build (by date).</param>
/// <param name="History">Every build read, oldest first.</param>
/// <param name="VersionsBehind">How many Standards.Sdk versions of the fleet are newer than the one it builds on.</param>
/// <param name="Status">failing, warnings or ok.</param>
/// <param name="Expiring">Its exceptions that expire within <see cref="FleetModel.ExpiringDays"/> days (or already have).</param>
public sealed record FleetRepo(string Repo, ComplianceRecord Latest, IReadOnlyList<ComplianceRecord> History, int VersionsBehind, string Status, IReadOnlyList<ComplianceExceptionEntry> Expiring)
{
    /// <summary>
    /// Errors and warnings no baseline accepts: what fails or warns. Info-level findings are counted apart
    /// (<see cref="Infos"/>): they fail nothing, and added in they would make a green repo look like a failing one.
    /// </summary>
    public int Findings => Errors + Warnings;

    /// <summary>Errors no baseline accepts.</summary>
    public int Errors => Open("error");

    /// <summary>Warnings no baseline accepts.</summary>
    public int Warnings => Open("warning");

    /// <summary>Info-level findings no baseline accepts.</summary>
    public int Infos => Open("info");

    private int Open(string severity) => Latest.Facts.AllFindings().Where(f => f.Severity == severity).Sum(f => f.Count - f.Baselined);

    /// <summary>Entries of both baselines per build, oldest first; null where a baseline could not be read.</summary>
    public IReadOnlyList<int?> BaselineTrend => [.. History.Select(h => BaselineTotal(h.Facts))];

    /// <summary>Entries of both baselines of a build, or null when one could not be read.</summary>
    public static int? BaselineTotal(ComplianceFacts facts) =>
        facts is { RepoBaselineEntries: { } repo, CodeBaselineEntries: { } code } ? repo + code : null;
}

/// <summary>The fleet: every repo's standing, the newest SDK version among them, and the exceptions about to expire.</summary>
/// <param name="Today">The day the report is made (expiry is counted from it).</param>
/// <param name="NewestSdkVersion">The newest Standards.Sdk version any repo builds on.</param>
/// <param name="Repos">The repos, by name.</param>
/// <param name="Files">How many compliance files were used.</param>
public sealed record FleetModel(DateOnly Today, string NewestSdkVersion, IReadOnlyList<FleetRepo> Repos, int Files)
{
    /// <summary>An exception expiring within this many days is listed as expiring.</summary>
    public const int ExpiringDays = 30;

    /// <summary>Every expiring exception with its repo, soonest first.</summary>
    public IReadOnlyList<(string Repo, ComplianceExceptionEntry Exception)> Expiring =>
        [.. Repos.SelectMany(r => r.Expiring.Select(e => (r.Repo, e))).OrderBy(x => x.e.Expires, StringComparer.Ordinal).ThenBy(x => x.Repo, StringComparer.Ordinal)];

    /// <summary>Days from <see cref="Today"/> to an exception's last day (negative: expired).</summary>
    public int DaysLeft(ComplianceExceptionEntry exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DateOnly.ParseExact(exception.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - Today.DayNumber;
    }

    /// <summary>Groups the records by repo, each repo's history by date.</summary>
    public static FleetModel Build(IReadOnlyList<ComplianceRecord> records, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(records);
        var versions = records.Select(r => r.Facts.SdkVersion).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(v => (Text: v, Parsed: Parse(v)))
            .OrderBy(v => v.Parsed, VersionComparer.Default)
            .ToList();
        var newest = versions.Count == 0 ? string.Empty : versions[^1].Text;
        var repos = records.GroupBy(r => r.Facts.Repo, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var history = g.OrderBy(r => DateTimeOffset.Parse(r.Facts.Date, CultureInfo.InvariantCulture)).ThenBy(r => r.File, StringComparer.Ordinal).ToList();
                var latest = history[^1];
                var own = Parse(latest.Facts.SdkVersion);
                var behind = versions.Count(v => VersionComparer.Default.Compare(v.Parsed, own) > 0);
                var limit = today.AddDays(ExpiringDays);
                var expiring = latest.Facts.Exceptions
                    .Where(e => DateOnly.ParseExact(e.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture) <= limit)
                    .ToList();
                return new FleetRepo(g.Key, latest, history, behind, Status(latest.Facts), expiring);
            })
            .ToList();
        return new FleetModel(today, newest, repos, records.Count);
    }

    // A version that does not parse sorts lowest (it is behind every other).
    private static NuGetVersion Parse(string version) => NuGetVersion.TryParse(version, out var parsed) ? parsed : new NuGetVersion(0, 0, 0);

    private static string Status(ComplianceFacts facts)
    {
        var open = facts.AllFindings().Where(f => f.Count > f.Baselined).ToList();
        if (open.Any(f => f.Severity == "error") || facts.Coverage is { Passed: false })
        {
            return "failing";
        }

        // Every green CI build of a Standards.Sdk repo ends with the coverage step, which records its verdict here (a
        // repo without tests fails it, STD4007); a record without one is from a build whose tests failed or stopped
        // before the step, so it is never "ok".
        if (facts.Coverage is null)
        {
            return "unmeasured";
        }

        return open.Any(f => f.Severity == "warning") ? "warnings" : "ok";
    }
}
