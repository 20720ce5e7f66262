using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Base of every Standards.Sdk task: a bug of ours becomes the coded error STD0000 with a way forward,
/// never MSBuild's "task failed unexpectedly" (MSB4018) with a stack trace.
/// </summary>
public abstract class StandardsTask : Microsoft.Build.Utilities.Task
{
    // What LogAndRecord logged (rule, severity word), for the findings record.
    private readonly List<(string Rule, string Severity)> logged = [];

    /// <summary>
    /// The folder where the task records the findings it logged, by rule and severity, for compliance.json (the
    /// project's obj/standards/findings/); empty: not recorded. The record, &lt;task&gt;&lt;suffix&gt;.json, is written on every
    /// run, none included, so a fixed finding leaves the count.
    /// </summary>
    public string? FindingsRecordDirectory { get; set; }

    /// <summary>What tells this run's record apart from the same task's in another build of the project (".net10.0").</summary>
    public string? FindingsRecordSuffix { get; set; }

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            var ok = ExecuteCore();
            WriteFindingsRecord();
            return ok && !Log.HasLoggedErrors;
        }
#pragma warning disable CA1031 // Catching everything is the point: no input may crash the build with MSB4018.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var help = RuleHelp.Link(Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, PolicyRuleIds.InternalError);
            Log.LogError(null, PolicyRuleIds.InternalError, help, null, 0, 0, 0, 0,
                $"Standards.Sdk could not run {GetType().Name}: {ex.GetType().Name}: {ex.Message} This is a bug in Standards.Sdk; please report it with the build log (-bl). As a workaround, set StandardsSkipChecks=true for this build. See {help}");
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, ex.ToString());
            return false;
        }
    }

    /// <summary>The task's work; findings are logged through <see cref="LogAndRecord"/>.</summary>
    protected abstract bool ExecuteCore();

    /// <summary>Logs findings (<see cref="TaskLogging.LogFindings"/>) and remembers them, at the severity logged, for <see cref="FindingsRecordDirectory"/>.</summary>
    protected bool LogAndRecord(IEnumerable<Finding> findings, string helpBaseUrl, bool warningsAsErrors)
    {
        var list = findings.ToList();
        foreach (var finding in list)
        {
            var severity = warningsAsErrors && finding.Severity == Severity.Warning ? Severity.Error : finding.Severity;
            if (severity is Severity.Error or Severity.Warning or Severity.Info)
            {
                logged.Add((finding.Code, severity == Severity.Error ? "error" : severity == Severity.Warning ? "warning" : "info"));
            }
        }

        return TaskLogging.LogFindings(Log, list, helpBaseUrl, warningsAsErrors);
    }

    private void WriteFindingsRecord()
    {
        if (string.IsNullOrEmpty(FindingsRecordDirectory))
        {
            return;
        }

        var record = ComplianceAggregator.CheckRecord(GetType().Name, logged);
        var notWritten = new List<string>();
        var file = Path.Combine(FindingsRecordDirectory, GetType().Name + FindingsRecordSuffix + ".json");
        // TryWriteIfChanged is false also when the record is unchanged: only a problem it names is one.
        StateWriter.TryWriteIfChanged(file, ProjectFindingsFile.Write(record), notWritten);
        if (notWritten.Count > 0)
        {
            TaskLogging.LogFindings(Log, [NotWritten(notWritten, "the record of this check's findings that compliance.json counts", IntermediateFolderFix, null)], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
        }
    }

    /// <summary>STD0008 for the files <see cref="StateWriter"/> could not write (<see cref="StateWriter.NotWritten"/>).</summary>
    protected static Finding NotWritten(IEnumerable<string> notWritten, string missing, string fix, string? file) =>
        StateWriter.NotWritten(notWritten, missing, fix, file);

    /// <summary>The fix for a file under the project's intermediate folder that cannot be written.</summary>
    protected const string IntermediateFolderFix =
        "The project's intermediate folder (obj/) must be writable by the build; if it is elsewhere on purpose, set BaseIntermediateOutputPath to a writable folder.";

    /// <summary>The date exceptions are judged against: <paramref name="today"/> (YYYY-MM-DD, tests) or the machine's date.</summary>
    protected static DateOnly ResolveToday(string? today) =>
        DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(System.DateTime.Today);

    /// <summary>
    /// Reads standards.json (the defaults when there is none). Problems with the file go to
    /// <paramref name="findings"/> when given; tasks that are not the file's reporter pass null.
    /// </summary>
    protected static StandardsPolicy LoadPolicy(string? policyFile, DateOnly today, List<Finding>? findings)
    {
        var result = PolicyFile.Read(policyFile, today);
        findings?.AddRange(result.Findings);
        return result.Policy;
    }

    /// <summary>
    /// A file's text, or null when it is missing; a file that exists (or a link to nothing) but cannot be read is
    /// added to <paramref name="unreadable"/> with the reason, for an STD0007 finding: a check never skips a file
    /// it needs without saying so.
    /// </summary>
    protected static string? ReadRecording(string path, List<UnreadablePath> unreadable) => FileReading.ReadRecording(path, unreadable);

    /// <summary>The STD0007 findings for files a per-project check could not read.</summary>
    protected static void ReportUnreadable(FindingReporter reporter, IEnumerable<UnreadablePath> unreadable) =>
        ProjectPolicyCheck.ReportUnreadable(reporter, unreadable);

    /// <summary>A file's text, or null when it is missing or unreadable.</summary>
    protected internal static string? ReadOrNull(string path) => FileReading.ReadOrNull(path);
}
