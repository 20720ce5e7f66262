using System.Diagnostics;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Reports;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Runs the repo-wide checks (dependencies, layout) once per build: takes the repo lock, builds a snapshot of
/// the repo from disk, runs <see cref="RepositoryChecks.All"/> through <see cref="RepositoryCheckRunner"/>,
/// applies or rewrites the adoption baseline, logs the findings and one summary line, writes the SARIF and
/// markdown reports when asked, and writes the stamp only when nothing failed. All logic lives in
/// Standards.Sdk.Checks; Standards.RepositoryChecks.proj decides when this runs.
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
        var root = Path.GetFullPath(RepoRoot);
        var notWritten = new List<string>();
        if (!string.IsNullOrEmpty(StateProblem))
        {
            notWritten.Add(StateProblem);
        }

        using var guard = RunGuard.Acquire(Path.Combine(StateDirectory, "repository.lock"), TimeSpan.FromMinutes(2),
            () => Log.LogMessage(MessageImportance.Normal, "Standards: another build is running the repository checks of this repo; waiting for it."));
        if (guard.Problem is { } lockProblem)
        {
            notWritten.Add($"{Path.Combine(StateDirectory, "repository.lock")} ({lockProblem})");
        }

        // Only a stamp made under exactly these settings and this state of the repo is another build's valid verdict.
        if (guard.Waited && !UpdateBaseline && !string.IsNullOrEmpty(StampFile) && Fingerprint.Length > 0
            && RunGuard.IsUpToDate(StampFile, Fingerprint, ReportFiles()))
        {
            Log.LogMessage(MessageImportance.Normal, "Standards: repository checks up to date (a concurrent build with the same settings just ran them).");
            return true;
        }

        if (!string.IsNullOrEmpty(StampFile))
        {
            StateWriter.TryDelete(StampFile, notWritten);
        }

        var today = ResolveToday(Today);

        // Problems of standards.json itself are reported by every project's policy task; whatever is valid applies here.
        var policy = LoadPolicy(string.IsNullOrEmpty(PolicyFile) ? null : Path.GetFullPath(PolicyFile), today, findings: null);
        var helpBaseUrl = policy.HelpBaseUrl != StandardsPolicy.DefaultHelpBaseUrl || string.IsNullOrEmpty(HelpBaseUrl) ? policy.HelpBaseUrl : HelpBaseUrl;
        // The fingerprint's walk in this build, when there is one: the checks judge exactly the files the stamp names.
        var walk = Fingerprint.Length > 0
            ? BuildEngine4?.GetRegisteredTaskObject(WriteRepositoryFingerprint.WalkKey(root, Fingerprint), RegisteredTaskObjectLifetime.Build) as RepositoryWalk
            : null;
        var (snapshot, statistics) = RepositorySnapshotLoader.Load(root, UseGit, walk);
        var baselinePath = string.IsNullOrEmpty(BaselinePath) ? Path.Combine(root, BaselineFile.DefaultFileName) : Path.GetFullPath(BaselinePath);
        var baselineRelative = Relative(root, baselinePath);
        var baseline = UpdateBaseline ? null : AdoptionBaseline.Read(baselineRelative, File.Exists(baselinePath), ReadOrNull(baselinePath));

        var outcome = RepositoryCheckRunner.Run(snapshot, policy, today, RepositoryChecks.All, baseline);
        Log.LogMessage(MessageImportance.Low,
            $"Standards: repo kind '{outcome.Kind.Kind}' ({outcome.Kind.Reason}); snapshot of {statistics.Files} files in {statistics.EnumerateMilliseconds} ms, git {statistics.GitMilliseconds} ms; "
            + string.Join(", ", outcome.Timings.Select(t => $"{t.Name} {t.Milliseconds} ms ({t.Findings} findings)")));

        if (UpdateBaseline)
        {
            outcome = WriteBaseline(outcome, root, baselinePath, baselineRelative, notWritten);
        }

        // Logged as this kind of build logs them: errors locally only where standards.json says so (BuildModeSeverity).
        // A rule's error logged as a warning still keeps the run from being up to date, as a failed run is: the next
        // local build reports it again instead of hiding it behind the stamp.
        var ruleErrors = outcome.Reported.Any(f => f.Severity == Severity.Error);
        outcome = BuildModeSeverity.Apply(outcome, policy, WarningsAsErrors);

        // The summary line comes first: it heads the findings (and makes MSBuild print the target's name).
        var summary = RunSummary.From(outcome, WarningsAsErrors, watch.ElapsedMilliseconds);
        Summary = summary.Line();
        Log.LogMessage(MessageImportance.High, Summary);
        var reported = outcome.Reported.Select(f => TaskLogging.InRepo(f, root)).ToList();
        var ok = LogAndRecord(reported, helpBaseUrl, WarningsAsErrors);
        TaskLogging.LogBaselined(Log, outcome.Baselined.Select(f => TaskLogging.InRepo(f, root)), helpBaseUrl);

        WriteReports(outcome, summary, policy, notWritten);
        if (!string.IsNullOrEmpty(SummaryFile))
        {
            StateWriter.TryWrite(SummaryFile, Summary + "\n", notWritten);
        }

        if (ok && !ruleErrors && !Log.HasLoggedErrors)
        {
            WriteStamp(started, notWritten);
        }

        return ReportNotWritten(notWritten, policy, outcome, helpBaseUrl) && ok;
    }

    /// <summary>
    /// STD0008 (one finding for all of them) when state or reports could not be written: an environment problem,
    /// said with where and how to fix it, never STD0000.
    /// </summary>
    private bool ReportNotWritten(List<string> notWritten, StandardsPolicy policy, RepositoryCheckOutcome outcome, string helpBaseUrl)
    {
        if (notWritten.Count == 0)
        {
            return true;
        }

        var reporter = FindingReporter.ForRepository(new RepositoryPolicy(policy, outcome.Kind, ResolveToday(Today)), repository: null);
        var reports = string.IsNullOrEmpty(ReportsDirectory) ? string.Empty : " The SARIF, markdown and Code Quality reports this build was asked for may be missing.";
        reporter.Report(PolicyRuleIds.StateNotWritable,
            $"Standards.Sdk could not write {string.Join("; ", notWritten.Distinct(StringComparer.Ordinal))}. The repository checks ran and their findings are above, but without their state they run again on every build and concurrent builds are not kept apart.{reports} Make {StateDirectory} writable by the build, or point the state and reports elsewhere with StandardsRepositoryChecksOutputPath (e.g. -p:StandardsRepositoryChecksOutputPath=/tmp/standards/ or in Directory.Build.props).",
            StateDirectory);
        return LogAndRecord(reporter.Findings, helpBaseUrl, WarningsAsErrors);
    }

    /// <summary>Rewrites the baseline with the current findings and reports what changed; they are then all accepted.</summary>
    private RepositoryCheckOutcome WriteBaseline(RepositoryCheckOutcome outcome, string root, string path, string relative, List<string> notWritten)
    {
        var previous = File.Exists(path) ? ReadOrNull(path) : null;
        var rewrite = AdoptionBaseline.Rewrite(outcome, root, relative, previous);
        if (previous != rewrite.Text && !StateWriter.TryWrite(path, rewrite.Text, notWritten))
        {
            return outcome;
        }

        Log.LogMessage(MessageImportance.High, rewrite.Summary);
        foreach (var line in rewrite.AddedLines)
        {
            Log.LogMessage(MessageImportance.Normal, line);
        }

        return rewrite.Outcome;
    }

    private IEnumerable<string> ReportFiles() =>
        string.IsNullOrEmpty(ReportsDirectory)
            ? []
            : [Path.Combine(ReportsDirectory, "standards.sarif"), Path.Combine(ReportsDirectory, "summary.md"), Path.Combine(ReportsDirectory, "codequality.json"),
                Path.Combine(ReportsDirectory, ComplianceDocument.FileName)];

    private void WriteReports(RepositoryCheckOutcome outcome, RunSummary summary, StandardsPolicy policy, List<string> notWritten)
    {
        if (string.IsNullOrEmpty(ReportsDirectory))
        {
            return;
        }

        var helpBaseUrl = policy.HelpBaseUrl != StandardsPolicy.DefaultHelpBaseUrl || string.IsNullOrEmpty(HelpBaseUrl) ? policy.HelpBaseUrl : HelpBaseUrl;

        var items = outcome.Reported.Select(f => new ReportItem(f, false))
            .Concat(outcome.Baselined.Select(f => new ReportItem(f, true)))
            .ToList();
        var sarif = Path.Combine(ReportsDirectory, "standards.sarif");
        var markdown = Path.Combine(ReportsDirectory, "summary.md");
        var written = StateWriter.TryWrite(sarif, SarifWriter.Write(items, helpBaseUrl, SdkVersion ?? string.Empty, outcome.Baseline is not null), notWritten);
        var codeQuality = Path.Combine(ReportsDirectory, "codequality.json");
        written &= StateWriter.TryWrite(markdown, MarkdownSummaryWriter.Write(items, summary, helpBaseUrl, $"{outcome.Kind.Kind} ({outcome.Kind.Reason})"), notWritten);
        written &= StateWriter.TryWrite(codeQuality, CodeQualityWriter.Write(items, helpBaseUrl), notWritten);
        var compliance = Path.Combine(ReportsDirectory, ComplianceDocument.FileName);
        // With the projects' records as their builds left them; each project's build adds its own as it finishes.
        var projectsProblems = new List<Finding>();
        using (var guard = ComplianceLock.Take(ProjectsStateDirectory, compliance, projectsProblems))
        {
            if (guard is null)
            {
                written = false;
            }
            else
            {
                var facts = ComplianceProjects.WithRecords(BuildComplianceFacts(items, outcome, policy), ProjectsStateDirectory, Path.GetFullPath(RepoRoot), projectsProblems);
                written &= StateWriter.TryWrite(compliance, ComplianceDocument.Write(facts), notWritten);
            }
        }

        LogAndRecord(projectsProblems, helpBaseUrl, warningsAsErrors: false);
        if (written)
        {
            Log.LogMessage(MessageImportance.Low, $"Standards: reports written to {sarif}, {markdown}, {codeQuality} and {compliance}.");
        }
    }

    // The build's standing for `dotnet standards report`; coverage is added by the coverage gate, which runs after the tests.
    private ComplianceFacts BuildComplianceFacts(IReadOnlyList<ReportItem> items, RepositoryCheckOutcome outcome, StandardsPolicy policy)
    {
        var root = Path.GetFullPath(RepoRoot);
        var version = VersionEngine.Compute(new VersionRequest
        {
            ProjectDirectory = root,
            StateDirectory = StateDirectory,
            Cloud = CloudBuildContext.FromEnvironment(Environment.GetEnvironmentVariable),
        });
        var codeBaseline = Path.Combine(root, "standards-code-baseline.json");
        return ComplianceFactsBuilder.Build(new ComplianceInput(
            root,
            items,
            outcome.Kind.Kind,
            policy,
            DateTimeOffset.UtcNow,
            SdkVersion ?? string.Empty,
            GitWorkTree.Find(root)?.ReadHead()?.Commit,
            version.Version?.NuGetPackageVersion,
            outcome.Baseline is { } baseline ? (baseline.Problems.Count == 0 ? baseline.File.Entries.Count : null) : 0,
            File.Exists(codeBaseline) ? ReadOrNull(codeBaseline) ?? string.Empty : null,
            Environment.GetEnvironmentVariable));
    }

    private string ProjectsStateDirectory => Path.Combine(string.IsNullOrEmpty(StateDirectory) ? Path.Combine(ReportsDirectory!, "obj") : StateDirectory, "projects");

    private void WriteStamp(DateTime started, List<string> notWritten)
    {
        if (string.IsNullOrEmpty(StampFile)
            || !StateWriter.TryWrite(StampFile, RunGuard.StampLine(Fingerprint) + "\n" + Summary + "\n", notWritten))
        {
            return;
        }

        try
        {
            // The run's start time: an inputs cache rewritten while the checks ran is newer than the stamp and re-runs them.
            File.SetLastWriteTimeUtc(StampFile, started);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            notWritten.Add($"{StampFile} ({ReadFailure.Describe(StampFile, ex)})");
            StateWriter.TryDelete(StampFile);
        }
    }

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? path : relative;
    }
}
