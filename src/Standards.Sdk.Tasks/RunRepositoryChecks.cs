using System.Diagnostics;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Runs the repo-wide checks once per build through <see cref="RepositoryCheckSession"/>: takes the repo lock (or
/// takes the verdict of a concurrent build with the same fingerprint), runs the checks, logs the findings under one
/// summary line, has the reports written when asked, and the stamp only when nothing failed.
/// Standards.RepositoryChecks.proj decides when this runs.
/// </summary>
public sealed class RunRepositoryChecks : StandardsTask
{
    /// <summary>Repo root (folder of global.json).</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>standards.json at the repo root; may not exist.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The adoption baseline file (standards-baseline.json at the repo root when empty); may not exist.</summary>
    public string? BaselinePath { get; set; }

    /// <summary>True to rewrite the baseline with the current findings instead of applying it.</summary>
    public bool UpdateBaseline { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD); used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>A CI or Release build: warnings are logged as errors; otherwise rule errors as warnings (BuildModeSeverity).</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>Base URL of the rule pages when standards.json does not set helpBaseUrl.</summary>
    public string? HelpBaseUrl { get; set; }

    /// <summary>Where standards.sarif and summary.md go; empty for no reports.</summary>
    public string? ReportsDirectory { get; set; }

    /// <summary>Folder for the lock file and the other state.</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>Written (with the run's start time and <see cref="Fingerprint"/>) when the run succeeded; deleted otherwise.</summary>
    public string? StampFile { get; set; }

    /// <summary>Where the summary line is kept for the up-to-date message of a skipped run.</summary>
    public string? SummaryFile { get; set; }

    /// <summary>The digest of the inputs this run is made under (settings, file list, content hashes).</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>What the fingerprint step could not write to the state folder, or empty.</summary>
    public string? StateProblem { get; set; }

    /// <summary>The Standards.Sdk version, for the SARIF tool section.</summary>
    public string? SdkVersion { get; set; }

    /// <summary>False to skip the git calls (tracked and ignored files stay unknown).</summary>
    public bool UseGit { get; set; } = true;

    /// <summary>The summary line printed (empty when the work was skipped).</summary>
    [Output]
    public string Summary { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var notWritten = new List<string>();
        if (!string.IsNullOrEmpty(StateProblem))
        {
            notWritten.Add(StateProblem);
        }

        using var guard = TakeLock(notWritten);
        if (ConcurrentRunIsValid(guard))
        {
            Log.LogMessage(MessageImportance.Normal, "Standards: repository checks up to date (a concurrent build with the same settings just ran them).");
            return true;
        }

        if (!string.IsNullOrEmpty(StampFile))
        {
            StateWriter.TryDelete(StampFile, notWritten);
        }

        var (request, helpBaseUrl) = BuildRequest();
        var run = RepositoryCheckSession.Run(request, watch, notWritten);
        var ok = LogRun(run, request.RepoRoot, helpBaseUrl);
        WriteReports(request, run, helpBaseUrl, notWritten);
        WriteState(ok && !run.RuleErrors, started, notWritten);
        var stateProblems = RepositoryCheckSession.NotWrittenFinding(notWritten, request, run.Outcome.Kind, StateDirectory, !string.IsNullOrEmpty(ReportsDirectory));
        return LogAndRecord(stateProblems, helpBaseUrl, WarningsAsErrors) && ok;
    }

    /// <summary>The repo lock (waiting for a concurrent build that holds it); a lock file it could not write goes to <paramref name="notWritten"/>.</summary>
    private RunGuard TakeLock(List<string> notWritten)
    {
        var lockFile = Path.Combine(StateDirectory, "repository.lock");
        var guard = RunGuard.Acquire(lockFile, TimeSpan.FromMinutes(2),
            () => Log.LogMessage(MessageImportance.Normal, "Standards: another build is running the repository checks of this repo; waiting for it."));
        if (guard.Problem is { } lockProblem)
        {
            notWritten.Add($"{lockFile} ({lockProblem})");
        }

        return guard;
    }

    /// <summary>
    /// True when this build waited for a concurrent one whose stamp was made under exactly these settings and this
    /// state of the repo: only then is its verdict this build's.
    /// </summary>
    private bool ConcurrentRunIsValid(RunGuard guard) =>
        guard.Waited && !UpdateBaseline && !string.IsNullOrEmpty(StampFile) && Fingerprint.Length > 0
        && RunGuard.IsUpToDate(StampFile, Fingerprint, RepositoryCheckSession.ReportFiles(ReportsDirectory));

    /// <summary>What the checks run on, from the task's parameters, and the base URL of the rule pages the findings link to.</summary>
    private (RepositoryCheckRequest Request, string HelpBaseUrl) BuildRequest()
    {
        var root = Path.GetFullPath(RepoRoot);
        var today = ResolveToday(Today);
        // Problems of standards.json itself are reported by every project's policy task; whatever is valid applies here.
        var policy = LoadPolicy(string.IsNullOrEmpty(PolicyFile) ? null : Path.GetFullPath(PolicyFile), today, findings: null);
        var helpBaseUrl = policy.HelpBaseUrl != StandardsPolicy.DefaultHelpBaseUrl || string.IsNullOrEmpty(HelpBaseUrl) ? policy.HelpBaseUrl : HelpBaseUrl;
        var request = new RepositoryCheckRequest
        {
            RepoRoot = root,
            Policy = policy,
            Today = today,
            BaselinePath = string.IsNullOrEmpty(BaselinePath) ? Path.Combine(root, BaselineFile.DefaultFileName) : Path.GetFullPath(BaselinePath),
            UpdateBaseline = UpdateBaseline,
            WarningsAsErrors = WarningsAsErrors,
            UseGit = UseGit,
            Walk = FingerprintWalk(root),
            SecretsCachePath = string.IsNullOrEmpty(StateDirectory) ? null : Path.Combine(Path.GetFullPath(StateDirectory), "secret-findings.txt"),
        };
        return (request, helpBaseUrl);
    }

    /// <summary>The fingerprint's walk in this build, when there is one: the checks judge exactly the files the stamp names.</summary>
    private RepositoryWalk? FingerprintWalk(string root) =>
        Fingerprint.Length > 0
            ? BuildEngine4?.GetRegisteredTaskObject(WriteRepositoryFingerprint.WalkKey(root, Fingerprint), RegisteredTaskObjectLifetime.Build) as RepositoryWalk
            : null;

    /// <summary>The reports, when asked for; problems with the projects' records are logged as warnings.</summary>
    private void WriteReports(RepositoryCheckRequest request, RepositoryCheckRun run, string helpBaseUrl, List<string> notWritten)
    {
        if (string.IsNullOrEmpty(ReportsDirectory))
        {
            return;
        }

        var recordProblems = new List<Finding>();
        var reports = new RepositoryReportsRequest(ReportsDirectory, StateDirectory, helpBaseUrl, SdkVersion ?? string.Empty, Environment.GetEnvironmentVariable);
        if (RepositoryCheckSession.WriteReports(reports, request, run, notWritten, recordProblems))
        {
            Log.LogMessage(MessageImportance.Low, $"Standards: reports written to {string.Join(", ", RepositoryCheckSession.ReportFiles(ReportsDirectory))}.");
        }

        LogAndRecord(recordProblems, helpBaseUrl, warningsAsErrors: false);
    }

    /// <summary>The summary line for a later skipped run, and the stamp only when <paramref name="passed"/> and nothing was logged as an error.</summary>
    private void WriteState(bool passed, DateTime started, List<string> notWritten)
    {
        if (!string.IsNullOrEmpty(SummaryFile))
        {
            StateWriter.TryWrite(SummaryFile, Summary + "\n", notWritten);
        }

        if (passed && !Log.HasLoggedErrors && !string.IsNullOrEmpty(StampFile))
        {
            RepositoryCheckSession.WriteStamp(StampFile, Fingerprint, Summary, started, notWritten);
        }
    }

    /// <summary>The run as the build shows it: the detail line, the baseline's change, the summary line, the findings, the baselined ones.</summary>
    private bool LogRun(RepositoryCheckRun run, string root, string helpBaseUrl)
    {
        Log.LogMessage(MessageImportance.Low, run.Detail);
        for (var i = 0; i < run.BaselineChange.Count; i++)
        {
            Log.LogMessage(i == 0 ? MessageImportance.High : MessageImportance.Normal, run.BaselineChange[i]);
        }

        // The summary line comes first: it heads the findings (and makes MSBuild print the target's name).
        Summary = run.Summary.Line();
        Log.LogMessage(MessageImportance.High, Summary);
        var ok = LogAndRecord(run.Outcome.Reported.Select(f => TaskLogging.InRepo(f, root)), helpBaseUrl, WarningsAsErrors);
        TaskLogging.LogBaselined(Log, run.Outcome.Baselined.Select(f => TaskLogging.InRepo(f, root)), helpBaseUrl);
        return ok;
    }
}
