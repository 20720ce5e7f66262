using System.Diagnostics;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Reports;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Runs;

/// <summary>What one build's repository checks are run on: the repo, the policy read from its standards.json, and how the build logs.</summary>
public sealed record RepositoryCheckRequest
{
    /// <summary>The repo root (folder of global.json), a full path.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>The policy of the repo's standards.json (the defaults without one).</summary>
    public required StandardsPolicy Policy { get; init; }

    /// <summary>The date exceptions and baseline entries are judged against.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The adoption baseline file, a full path (it may not exist).</summary>
    public required string BaselinePath { get; init; }

    /// <summary>True to rewrite the baseline with the current findings instead of applying it.</summary>
    public bool UpdateBaseline { get; init; }

    /// <summary>A CI or Release build: warnings count as errors; otherwise rule errors are logged as warnings (<see cref="BuildModeSeverity"/>).</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>False to skip the git calls (tracked and ignored files stay unknown).</summary>
    public bool UseGit { get; init; } = true;

    /// <summary>The fingerprint step's walk of this build, so that the checks judge exactly the files its stamp names; null to walk again.</summary>
    public RepositoryWalk? Walk { get; init; }

    /// <summary>The secret check's cache of findings by content (<see cref="Secrets.SecretFindingsCache"/>), a full path; null: none, every file is searched.</summary>
    public string? SecretsCachePath { get; init; }
}

/// <summary>
/// The result of <see cref="RepositoryCheckSession.Run"/>: what the build logs, in this order — the detail line, what a
/// baseline rewrite changed, the summary line, the findings, the baselined findings.
/// </summary>
/// <param name="Outcome">The findings at the severity this kind of build logs them, with their files relative to the repo.</param>
/// <param name="Summary">The run's summary (its line heads the findings).</param>
/// <param name="RuleErrors">True when a rule reported an error before the build mode lowered it to a warning: the run is then not up to date.</param>
/// <param name="Detail">The repo kind, the snapshot's size and each check's time, for a detailed log.</param>
/// <param name="BaselineChange">What the baseline rewrite changed (its summary, then a line per entry added); empty without one.</param>
public sealed record RepositoryCheckRun(
    RepositoryCheckOutcome Outcome,
    RunSummary Summary,
    bool RuleErrors,
    string Detail,
    IReadOnlyList<string> BaselineChange);

/// <summary>Where a run's reports go and what they name.</summary>
/// <param name="ReportsDirectory">The folder of standards.sarif, summary.md, codequality.json and compliance.json.</param>
/// <param name="StateDirectory">The repository checks' state folder (the projects' records are under its projects/).</param>
/// <param name="HelpBaseUrl">The base of the rule pages the reports link to.</param>
/// <param name="SdkVersion">The Standards.Sdk version, for the SARIF tool section and compliance.json.</param>
/// <param name="Environment">The build's environment variables (the CI system's commit and build facts).</param>
public sealed record RepositoryReportsRequest(
    string ReportsDirectory,
    string StateDirectory,
    string HelpBaseUrl,
    string SdkVersion,
    Func<string, string?> Environment);

/// <summary>
/// The repo-wide checks of one build, from a snapshot of the repo to the findings, the reports and the stamp; MSBuild's
/// task <c>RunRepositoryChecks</c> only takes the lock, logs and calls these. Every file it cannot write is added to the
/// caller's list (<see cref="StateWriter"/>), for one STD0008 (<see cref="NotWrittenFinding"/>).
/// </summary>
public static class RepositoryCheckSession
{
    /// <summary>The report files a run writes into <paramref name="reportsDirectory"/> (none without one).</summary>
    public static IReadOnlyList<string> ReportFiles(string? reportsDirectory) =>
        string.IsNullOrEmpty(reportsDirectory)
            ? []
            : [Path.Combine(reportsDirectory, "standards.sarif"), Path.Combine(reportsDirectory, "summary.md"), Path.Combine(reportsDirectory, "codequality.json"),
                Path.Combine(reportsDirectory, ComplianceDocument.FileName)];

    /// <summary>
    /// Snapshot, every repository check, the adoption baseline applied (or rewritten), then the build mode's
    /// severities. <paramref name="watch"/> is the run's stopwatch, for the summary's time.
    /// </summary>
    public static RepositoryCheckRun Run(RepositoryCheckRequest request, Stopwatch watch, List<string> notWritten)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(notWritten);
        var root = request.RepoRoot;
        var (snapshot, statistics) = RepositorySnapshotLoader.Load(root, request.UseGit, request.Walk);
        var baselineRelative = Relative(root, request.BaselinePath);
        var baseline = request.UpdateBaseline ? null : AdoptionBaseline.ReadFile(baselineRelative, request.BaselinePath);

        var secrets = request.SecretsCachePath is { } cachePath
            ? Secrets.SecretFindingsCache.Parse(FileReading.ReadOrNull(cachePath), Secrets.SecretFindingsCache.Version)
            : null;
        var outcome = RepositoryCheckRunner.Run(snapshot, request.Policy, request.Today, secrets is null ? RepositoryChecks.All : RepositoryChecks.With(secrets), baseline);
        if (secrets is not null)
        {
            StateWriter.TryWriteIfChanged(request.SecretsCachePath!, secrets.Write(), notWritten);
        }

        var detail = $"Standards: repo kind '{outcome.Kind.Kind}' ({outcome.Kind.Reason}); snapshot of {statistics.Files} files in {statistics.EnumerateMilliseconds} ms, git {statistics.GitMilliseconds} ms; "
            + string.Join(", ", outcome.Timings.Select(t => $"{t.Name} {t.Milliseconds} ms ({t.Findings} findings)"))
            + (secrets is null ? string.Empty : $"; {secrets.Searched} texts searched for secrets, the others' findings from the cache");

        IReadOnlyList<string> baselineChange = [];
        if (request.UpdateBaseline)
        {
            (outcome, baselineChange) = RewriteBaseline(outcome, root, request.BaselinePath, baselineRelative, notWritten);
        }

        // A rule's error logged as a warning still keeps the run from being up to date, as a failed run is: the next
        // local build reports it again instead of hiding it behind the stamp.
        var ruleErrors = outcome.Reported.Any(f => f.Severity == Severity.Error);
        outcome = BuildModeSeverity.Apply(outcome, request.Policy, request.WarningsAsErrors);
        var summary = RunSummary.From(outcome, request.WarningsAsErrors, watch.ElapsedMilliseconds);
        return new RepositoryCheckRun(outcome, summary, ruleErrors, detail, baselineChange);
    }

    /// <summary>
    /// Writes standards.sarif, summary.md, codequality.json and compliance.json (the latter under its lock, with the
    /// projects' records as their builds left them). Problems with those records go to <paramref name="recordProblems"/>.
    /// True when every report was written.
    /// </summary>
    public static bool WriteReports(RepositoryReportsRequest reports, RepositoryCheckRequest request, RepositoryCheckRun run, List<string> notWritten, List<Finding> recordProblems)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var outcome = run.Outcome;
        var items = outcome.Reported.Select(f => new ReportItem(f, false))
            .Concat(outcome.Baselined.Select(f => new ReportItem(f, true)))
            .ToList();
        var files = ReportFiles(reports.ReportsDirectory);
        var written = StateWriter.TryWrite(files[0], SarifWriter.Write(items, reports.HelpBaseUrl, reports.SdkVersion, outcome.Baseline is not null), notWritten);
        written &= StateWriter.TryWrite(files[1], MarkdownSummaryWriter.Write(items, run.Summary, reports.HelpBaseUrl, $"{outcome.Kind.Kind} ({outcome.Kind.Reason})"), notWritten);
        written &= StateWriter.TryWrite(files[2], CodeQualityWriter.Write(items, reports.HelpBaseUrl), notWritten);
        var projects = Path.Combine(reports.StateDirectory, "projects");
        using var guard = ComplianceLock.Take(projects, files[3], recordProblems);
        if (guard is null)
        {
            return false;
        }

        var facts = ComplianceProjects.WithRecords(BuildComplianceFacts(reports, request, items, outcome), projects, request.RepoRoot, recordProblems);
        return StateWriter.TryWrite(files[3], ComplianceDocument.Write(facts), notWritten) && written;
    }

    /// <summary>
    /// Writes the stamp that lets the next build with the same <paramref name="fingerprint"/> skip the checks, dated at
    /// the run's start: an inputs cache rewritten while the checks ran is newer than the stamp and re-runs them.
    /// </summary>
    public static void WriteStamp(string stampFile, string fingerprint, string summaryLine, DateTime startedUtc, List<string> notWritten)
    {
        ArgumentNullException.ThrowIfNull(notWritten);
        if (!StateWriter.TryWrite(stampFile, RunGuard.StampLine(fingerprint) + "\n" + summaryLine + "\n", notWritten))
        {
            return;
        }

        try
        {
            File.SetLastWriteTimeUtc(stampFile, startedUtc);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            notWritten.Add($"{stampFile} ({ReadFailure.Describe(stampFile, ex)})");
            StateWriter.TryDelete(stampFile);
        }
    }

    /// <summary>
    /// STD0008, one finding for every file of the run that could not be written: an environment problem, said with where
    /// and how to fix it, never STD0000.
    /// </summary>
    public static IReadOnlyList<Finding> NotWrittenFinding(IReadOnlyCollection<string> notWritten, RepositoryCheckRequest request, RepositoryKind kind, string stateDirectory, bool asksForReports)
    {
        ArgumentNullException.ThrowIfNull(notWritten);
        ArgumentNullException.ThrowIfNull(request);
        if (notWritten.Count == 0)
        {
            return [];
        }

        var reporter = FindingReporter.ForRepository(new RepositoryPolicy(request.Policy, kind, request.Today).Effective, repository: null);
        var reports = asksForReports ? " The SARIF, markdown and Code Quality reports this build was asked for may be missing." : string.Empty;
        reporter.Report(PolicyRuleIds.StateNotWritable,
            $"Standards.Sdk could not write {string.Join("; ", notWritten.Distinct(StringComparer.Ordinal))}. The repository checks ran and their findings are above, but without their state they run again on every build and concurrent builds are not kept apart.{reports} Make {stateDirectory} writable by the build, or point the state and reports elsewhere with StandardsRepositoryChecksOutputPath (e.g. -p:StandardsRepositoryChecksOutputPath=/tmp/standards/ or in Directory.Build.props).",
            stateDirectory);
        return reporter.Findings;
    }

    /// <summary>Rewrites the baseline with the current findings; they are then all accepted. Unchanged text is not written.</summary>
    private static (RepositoryCheckOutcome Outcome, IReadOnlyList<string> Change) RewriteBaseline(
        RepositoryCheckOutcome outcome, string root, string path, string relative, List<string> notWritten)
    {
        // A previous file that is not read (a FIFO, over the limit) is replaced as a missing one is: the write renames over it.
        var previous = FileReading.ReadSettings(path, out _);
        var rewrite = AdoptionBaseline.Rewrite(outcome, root, relative, previous);
        if (previous != rewrite.Text && !StateWriter.TryWrite(path, rewrite.Text, notWritten))
        {
            return (outcome, []);
        }

        return (rewrite.Outcome, [rewrite.Summary, .. rewrite.AddedLines]);
    }

    // The build's standing for `dotnet standards report`; coverage is added by the coverage gate, which runs after the tests.
    private static ComplianceFacts BuildComplianceFacts(RepositoryReportsRequest reports, RepositoryCheckRequest request, IReadOnlyList<ReportItem> items, RepositoryCheckOutcome outcome)
    {
        var root = request.RepoRoot;
        var version = VersionEngine.Compute(new VersionRequest
        {
            ProjectDirectory = root,
            StateDirectory = reports.StateDirectory,
            Cloud = CloudBuildContext.FromEnvironment(reports.Environment),
        });
        var codeBaseline = Path.Combine(root, "standards-code-baseline.json");
        return ComplianceFactsBuilder.Build(new ComplianceInput(
            root,
            items,
            outcome.Kind.Kind,
            request.Policy,
            DateTimeOffset.UtcNow,
            reports.SdkVersion,
            GitWorkTree.Find(root)?.ReadHead()?.Commit,
            version.Version?.NuGetPackageVersion,
            outcome.Baseline is { } baseline ? (baseline.Problems.Count == 0 ? baseline.File.Entries.Count : null) : 0,
            File.Exists(codeBaseline) ? FileReading.ReadSettings(codeBaseline, out _) ?? string.Empty : null,
            reports.Environment));
    }

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) ? path : relative;
    }
}
