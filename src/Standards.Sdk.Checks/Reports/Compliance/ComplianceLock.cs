using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// The lock over compliance.json and the project records it is made from. compliance.json is read, merged with every
/// record and written again by each project that finishes: two writers at once could each drop the other's counts, so
/// a writer that cannot take the lock writes nothing and says so (STD0008) rather than write unguarded.
/// </summary>
public static class ComplianceLock
{
    /// <summary>How long a writer waits for another build's writer; far more than one merge takes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The lock file beside the records.</summary>
    public static string LockFile(string stateDirectory) => Path.Combine(stateDirectory, "compliance.lock");

    /// <summary>
    /// The held lock, or null with STD0008 in <paramref name="problems"/> when another build held it past
    /// <paramref name="timeout"/> or it cannot be taken: then <paramref name="complianceFile"/> must not be written.
    /// </summary>
    public static RunGuard? Take(string stateDirectory, string complianceFile, List<Finding> problems, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var wait = timeout ?? DefaultTimeout;
        var lockFile = LockFile(stateDirectory);
        var guard = RunGuard.Acquire(lockFile, wait);
        if (guard.Held)
        {
            return guard;
        }

        guard.Dispose();
        var why = guard.Problem ?? $"another build held {lockFile} for {wait.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s";
        problems.Add(new Finding(PolicyRuleIds.StateNotWritable, Severity.Error,
            $"Standards.Sdk did not update {complianceFile}: {why}. Written without the lock it could drop another project's counts, so it is left as it was and may count less than there is. "
            + "Build again once the other build has finished; if none is running, delete the lock file.", complianceFile, 0));
        return null;
    }
}
