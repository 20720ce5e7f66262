using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// Runs one file's part of a check so that a defect met on that file costs only that file: the failure becomes an
/// STD0000 finding naming the file and the check goes on with the others (without it, one odd file turned the whole
/// check into a single STD0000 without a file, and every other finding of that check was lost).
/// </summary>
public static class PerFile
{
    /// <summary>Runs <paramref name="check"/>; a failure is reported to <paramref name="reporter"/> as STD0000 at <paramref name="file"/>.</summary>
    public static void Run(FindingReporter reporter, string file, string what, Action check)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
        }
#pragma warning disable CA1031 // The point: one file's defect must not hide the other files' findings.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            reporter.Add(new Finding(PolicyRuleIds.InternalError, Severity.Error,
                $"Standards.Sdk could not {what} {file}: {ex.GetType().Name}: {ex.Message} The other files were checked. This is a bug in Standards.Sdk; please report it with this file (or a copy that shows the problem).",
                file));
        }
    }
}
