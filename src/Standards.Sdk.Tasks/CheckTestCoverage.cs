using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After a test project's run: finds the Cobertura report coverlet wrote (<see cref="CoverageReportLocator"/>),
/// keeps the assemblies under test without generated code, writes it to a stable per-project place
/// (artifacts/coverage/&lt;project&gt;/coverage.cobertura.xml, only when it changed) and applies the per-run gate
/// (<see cref="CoverageGate.EvaluateRun"/>). All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class CheckTestCoverage : ProjectPolicyTask
{
    /// <summary>The folder the test run wrote its results to.</summary>
    [Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    /// <summary>A file touched when the run started: only reports written after it are this run's.</summary>
    [Required]
    public string RunStartedFile { get; set; } = string.Empty;

    /// <summary>The test assembly's name.</summary>
    [Required]
    public string TestAssemblyName { get; set; } = string.Empty;

    /// <summary>The projects under test: ItemSpec the assembly name; metadata ProjectDirectory (repo-relative folder) and Critical.</summary>
    public ITaskItem[] CoveredProjects { get; set; } = [];

    /// <summary>
    /// Repo-relative globs, separated by ';', of files this test project's run does not count (the
    /// <c>StandardsCoverageExclude</c> property), on top of <c>coverage.exclude</c> in standards.json: for code whose
    /// tests need something this run may not have. A property, not items, so MSBuild does not expand the globs.
    /// </summary>
    public string Exclude { get; set; } = string.Empty;

    /// <summary>
    /// The file that says which test project wrote the reports of its folder and which frameworks it targets
    /// (artifacts/coverage/&lt;project&gt;/coverage.source), so the repo gate leaves out reports of projects and
    /// frameworks that are gone (<see cref="CoverageReportSet"/>).
    /// </summary>
    [Required]
    public string SourceFile { get; set; } = string.Empty;

    /// <summary>The project's TargetFrameworks when it multi-targets; empty otherwise.</summary>
    public string TargetFrameworks { get; set; } = string.Empty;

    /// <summary>
    /// A Microsoft.Testing.Platform test app's coverlet.MTP file prefix (<see cref="MtpCoverageReports"/>): its
    /// report is then looked for by that name under the repo, written after <see cref="TestAppFile"/>. Empty for
    /// VSTest runs, whose report is looked for in <see cref="ResultsDirectory"/>.
    /// </summary>
    public string MtpReportPrefix { get; set; } = string.Empty;

    /// <summary>The test app the Microsoft.Testing.Platform run ran (its TargetPath): only a report written after it was built counts.</summary>
    public string TestAppFile { get; set; } = string.Empty;

    /// <summary>Where the project's report goes (artifacts/coverage/&lt;project&gt;/).</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>
    /// This run as the repo gate builds it again: <c>project|framework|configuration</c> as in the
    /// Microsoft.Testing.Platform record <c>coverage.mtp</c>, then <c>|</c> and the results folder dotnet test was given
    /// (empty when none). A VSTest run writes it to <see cref="VSTestRunFile"/> in
    /// <see cref="OutputDirectory"/>, by which <c>-t:StandardsCoverage -p:StandardsCoverageJudgeAll=true</c> judges the
    /// run again on the report it wrote (its run-start record is unchanged) without running the tests again.
    /// </summary>
    public string RunRecord { get; set; } = string.Empty;

    /// <summary>The record of the VSTest run the per-run gate last judged (<see cref="RunRecord"/>).</summary>
    public const string VSTestRunFile = "coverage.vstest";

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var settings = CoverageSettings.Read(policy, []);
        var extra = Exclude.Split(';').Select(g => g.Trim()).Where(g => g.Length > 0).Select(Glob.Normalize).ToList();
        if (extra.Count > 0)
        {
            settings = settings with { Exclude = [.. settings.Exclude, .. extra] };
        }

        var project = CreateProjectContext();
        var reporter = FindingReporter.ForProject(policy, project, today);
        if (CoveredProjects.Length == 0)
        {
            Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: {0} references no project, so there is no coverage to check.", project.Name);
            return true;
        }

        // Recorded before the report is looked for, so a run that found none (STD4007) is judged again too.
        var notWritten = new List<string>();
        if (MtpReportPrefix.Length == 0 && RunRecord.Length > 0)
        {
            StateWriter.TryWriteIfChanged(Path.Combine(OutputDirectory, VSTestRunFile), RunRecord + "\n", notWritten);
        }

        var chosen = MtpReportPrefix.Length > 0 ? LocateMtpReport(project, reporter) : LocateVSTestReport(project, reporter);
        if (chosen is null)
        {
            return Finish(project, reporter, policy, notWritten);
        }

        var text = ReadOrNull(chosen.Path);
        var read = text is null
            ? new CoberturaReadResult(CoverageReport.Empty, new Finding(CoverageRuleIds.ReportMalformed, Severity.Error, $"The coverage report {chosen.Path} could not be read; check its permissions.", chosen.Path))
            : CoberturaReader.Read(chosen.Path, text, RepoRoot);
        if (read.Problem is not null)
        {
            reporter.Add(read.Problem);
            return Finish(project, reporter, policy, notWritten);
        }

        Judge(read.Report, project, policy, settings, reporter, today, notWritten);
        return Finish(project, reporter, policy, notWritten);
    }

    private CoverageCandidate? LocateVSTestReport(ProjectContext project, FindingReporter reporter)
    {
        var started = File.Exists(RunStartedFile) ? File.GetLastWriteTimeUtc(RunStartedFile) : DateTime.MinValue;
        // Results folders keep every earlier run's report; only the ones this run wrote are read.
        var earlier = ReadOrNull(RunStartedFile) is { } record ? TestRunStart.Parse(record) : null;
        var since = started.AddSeconds(-2);
        var chosen = CoverageReportLocator.Select(Candidates(earlier, since), earlier, since, TestAssemblyName);
        if (chosen is null)
        {
            reporter.Report(CoverageRuleIds.ReportMissing,
                $"The test run of {project.Name} wrote no coverage report under {ResultsDirectory} that can be told apart from the others. Standards.Sdk collects coverage with coverlet.collector (XPlat Code Coverage): keep the package referenced, do not pass another --collect, and give parallel test projects their own --results-directory (or none). To turn coverage off for this project, set StandardsCoverage=false.",
                ProjectFile);
        }

        return chosen;
    }

    // coverlet.MTP writes into the results directory dotnet test chose, so the report is found by its name.
    private CoverageCandidate? LocateMtpReport(ProjectContext project, FindingReporter reporter)
    {
        var built = File.Exists(TestAppFile) ? File.GetLastWriteTimeUtc(TestAppFile) : DateTime.MaxValue;
        var candidates = FindFiles(Path.GetFullPath(RepoRoot), MtpCoverageReports.Pattern(MtpReportPrefix))
            .Select(f => new CoverageCandidate(f, File.GetLastWriteTimeUtc(f), []));
        var chosen = MtpCoverageReports.Select(candidates, MtpReportPrefix, built.AddSeconds(-2));
        if (chosen is null)
        {
            reporter.Report(CoverageRuleIds.MtpReportMissing,
                $"{project.Name} runs on Microsoft.Testing.Platform, and no run of its current build ({TestAppFile}) wrote a coverage report ({MtpCoverageReports.Pattern(MtpReportPrefix)}) under {RepoRoot}. Run `dotnet test` before `dotnet build -t:StandardsCoverage`, keep its results under the repo (no --results-directory outside it), keep coverlet.MTP referenced and the --coverlet switches the SDK passes (RunArguments). To turn coverage off for this project, set StandardsCoverage=false.",
                ProjectFile);
        }

        return chosen;
    }

    // The repo's files of one name pattern, without version control and package folders.
    private static List<string> FindFiles(string root, string pattern)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(folder, pattern));
                foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => Path.GetFileName(d) is not (".git" or "node_modules")))
                {
                    pending.Push(sub);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be read holds no report this run could have written there.
            }
        }

        return found;
    }

    private void Judge(CoverageReport raw, ProjectContext project, StandardsPolicy policy, CoverageSettings settings, FindingReporter reporter, DateOnly today, List<string> notWritten)
    {
        // A project reached through two references (directly and through another project) is covered once.
        var covered = CoveredProjects.Select(i => ToCoveredProject(i, policy)).GroupBy(c => c.Context.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var report = CoverageFilter.Apply(raw, [.. covered.Select(c => c.Context.Name)], settings.Exclude);
        WriteReport(report, covered, notWritten);
        var total = CoverageNumbers.Total(report);
        Log.LogMessage(MessageImportance.High, "Standards: coverage of {0}: line {1}, branch {2} over {3} (report: {4}).",
            project.Name, CoverageMarkdown.Shown(total.LinesCovered, total.LinesValid), CoverageMarkdown.Shown(total.BranchesCovered, total.BranchesValid),
            string.Join(", ", covered.Select(c => c.Context.Name)), Path.Combine(OutputDirectory, "coverage.cobertura.xml"));
        var root = Path.GetFullPath(RepoRoot);
        reporter.AddRange(CoverageGate.EvaluateRun(project, new CoverageGateInput(report, covered, settings, policy, today, RepoRoot)
        {
            FindAssemblyExclusion = p => CoverageMergeCheck.FindAssemblyExclusion(root, p),
            FileOf = _ => ProjectFile,
        }));
    }

    // The console states the gate's own verdict, whatever stopped it. The files that could not be written are one
    // finding: the run's own gate still applies, only the repo gate (StandardsCoverageGate) lacks them.
    private bool Finish(ProjectContext project, FindingReporter reporter, StandardsPolicy policy, List<string> notWritten)
    {
        if (notWritten.Count > 0)
        {
            reporter.Add(NotWritten(notWritten, $"the coverage report of {project.Name} that the repo coverage gate merges",
                "Make that folder writable by the build, or put the per-project reports elsewhere with StandardsCoverageDirectory (in Directory.Build.props).", OutputDirectory));
        }

        Log.LogMessage(MessageImportance.High, "Standards: coverage gate of {0} {1}.", project.Name, CoverageVerdict.Of(reporter.Findings, TreatWarningsAsErrors, []).Text);
        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private void WriteReport(CoverageReport report, List<CoveredProject> covered, List<string> notWritten)
    {
        StateWriter.TryWriteIfChanged(Path.Combine(OutputDirectory, "coverage.cobertura.xml"), CoberturaWriter.Write(report, RepoRoot.Replace('\\', '/')), notWritten);
        StateWriter.TryWriteIfChanged(Path.Combine(OutputDirectory, CoverageProjectsFile.FileName), CoverageProjectsFile.Write(covered), notWritten);
        var frameworks = TargetFrameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var source = new CoverageSource(Path.GetRelativePath(Path.GetFullPath(RepoRoot), Path.GetFullPath(ProjectFile)).Replace('\\', '/'), frameworks);
        StateWriter.TryWriteIfChanged(SourceFile, source.Write(), notWritten);
    }

    // Reports that were there before the run are not read: results folders keep every earlier run's report.
    private List<CoverageCandidate> Candidates(TestRunStart? earlier, DateTime since)
    {
        if (!Directory.Exists(ResultsDirectory))
        {
            return [];
        }

        var result = new List<CoverageCandidate>();
        foreach (var file in Directory.EnumerateFiles(ResultsDirectory, "*.cobertura.xml", SearchOption.AllDirectories).Where(f => earlier is null ? File.GetLastWriteTimeUtc(f) >= since : !earlier.Contains(f)))
        {
            var text = ReadOrNull(file);
            var packages = text is null ? [] : CoberturaReader.Read(file, text, RepoRoot, _ => false).Report.Packages.Select(p => p.Name).ToList();
            result.Add(new CoverageCandidate(file, File.GetLastWriteTimeUtc(file), packages));
        }

        return result;
    }

    private static CoveredProject ToCoveredProject(ITaskItem item, StandardsPolicy policy)
    {
        var critical = string.Equals(item.GetMetadata("Critical"), "true", StringComparison.OrdinalIgnoreCase);
        var context = new ProjectContext(item.ItemSpec, item.GetMetadata("Kind") is { Length: > 0 } kind ? kind : ProjectKinds.Library, item.GetMetadata("ProjectDirectory"));
        return new CoveredProject(context, critical || CoverageProjectsFile.IsCritical(policy, context));
    }
}
