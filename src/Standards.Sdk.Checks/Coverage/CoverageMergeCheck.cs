using System.Diagnostics;
using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>What the repo coverage gate reads and where it writes.</summary>
/// <param name="RepoRoot">The repo root (full path).</param>
/// <param name="CoverageDirectory">The per-project reports: &lt;folder&gt;/&lt;test project&gt;/coverage.cobertura.xml.</param>
/// <param name="OutputDirectory">Where coverage.cobertura.xml (merged) and summary.md go.</param>
/// <param name="BaselineFile">The coverage baseline; may not exist.</param>
/// <param name="ComplianceFile">The build's compliance.json (CI): when it exists, the merged coverage is recorded in it.</param>
/// <param name="Today">The date exceptions are judged against.</param>
public sealed record CoverageMergeInput(string RepoRoot, string CoverageDirectory, string OutputDirectory, string BaselineFile, string? ComplianceFile, DateOnly Today)
{
    /// <summary>True to raise the baseline to the current numbers.</summary>
    public bool UpdateBaseline { get; init; }

    /// <summary>Warnings count as errors (CI and Release builds).</summary>
    public bool WarningsAsErrors { get; init; }
}

/// <summary>What the repo coverage gate found and wrote.</summary>
/// <param name="Findings">The gate's findings, and STD0008 for a report or baseline it could not write (a warning when only compliance.json could not take the coverage).</param>
/// <param name="Messages">What the build log says (reports left out, the baseline written, the gate's summary line).</param>
/// <param name="MergedReport">The merged report written by this run; empty when none was.</param>
/// <param name="Verdict">"passed" or "failed (codes)".</param>
/// <param name="ReportTitle">The HTML report's title: the verdict and the minimums (no '%': the HTML step is an Exec, and cmd.exe would read "%...%" as a variable).</param>
public sealed record CoverageMergeOutcome(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Messages,
    string MergedReport,
    string Verdict,
    string ReportTitle);

/// <summary>
/// The repo coverage gate, without MSBuild: merges every test project's report under the coverage folder
/// (<see cref="CoverageMerger"/>), applies the thresholds to the repo total and each project and the ratchet
/// (<see cref="CoverageGate.EvaluateRepo"/>), writes the merged Cobertura and a markdown summary, raises the baseline
/// when asked and records the merged coverage in compliance.json. Runs once per build (Standards.Coverage.proj).
/// </summary>
public static class CoverageMergeCheck
{
    /// <summary>Runs the gate.</summary>
    public static CoverageMergeOutcome Run(CoverageMergeInput input, StandardsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        var watch = Stopwatch.StartNew();
        var run = new MergeRun(input, policy);
        var (files, ignored) = run.SelectReports();
        var (reports, projects) = run.ReadReports(files);
        if (files.Count == 0)
        {
            run.Findings.Add(new Finding(CoverageRuleIds.ReportMissing, Severity.Error,
                $"There are no coverage reports of the current test projects under {input.CoverageDirectory} to merge{(ignored.Count == 0 ? string.Empty : $" ({ignored.Count} left out, named above)")}. Run `dotnet test` first: test projects on Standards.Sdk write their report there.", null));
            return run.Outcome(string.Empty, string.Empty, string.Empty);
        }

        var merged = CoverageMerger.Merge(reports);
        var baseline = run.UpdateBaselineIfAsked(merged, run.LoadBaseline());
        var (gateFindings, rows) = CoverageGate.EvaluateRepo(run.GateInput(merged, projects), baseline, Path.GetFullPath(input.BaselineFile));
        run.Findings.AddRange(input.UpdateBaseline ? gateFindings.Where(f => f.Code != CoverageRuleIds.BelowBaseline) : gateFindings);
        var (mergedReport, summary) = run.WriteReports(merged, rows, files.Count, ignored);
        var total = rows[rows.Count - 1].Counts;
        var verdict = CoverageVerdict.Of(run.Findings, input.WarningsAsErrors, ignored).Text;
        run.Messages.Add(string.Format(CultureInfo.InvariantCulture, "Standards: coverage gate {0}: merged from {1} report{2}: line {3}, branch {4} in {5} ms ({6}, {7}).",
            verdict, files.Count, files.Count == 1 ? string.Empty : "s",
            CoverageMarkdown.Shown(total.LinesCovered, total.LinesValid), CoverageMarkdown.Shown(total.BranchesCovered, total.BranchesValid),
            watch.ElapsedMilliseconds, Path.Combine(input.OutputDirectory, "coverage.cobertura.xml"), summary));
        run.RecordInCompliance(total);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Coverage gate {verdict}; minimums in percent: line {run.Settings.Line}, branch {run.Settings.Branch}, critical line {run.Settings.CriticalLine}");
        return run.Outcome(mergedReport, verdict, title);
    }

    /// <summary>Where a project under test excludes its whole assembly from coverage, in its sources (not bin/, obj/).</summary>
    public static SourceLine? FindAssemblyExclusion(string root, ProjectContext project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var folder = Path.GetFullPath(Path.Combine(root, project.RepoRelativeDirectory));
        if (project.RepoRelativeDirectory.Length == 0 || !Directory.Exists(folder))
        {
            return null;
        }

        try
        {
            var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal).ToList();
            return CoverageExclusion.Find(sources, FileReading.ReadOrNull);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The finding still names the project; only the line of the exclusion is missing.
            return null;
        }
    }

    /// <summary>One run of the gate: its input, settings and what it collects.</summary>
    private sealed class MergeRun
    {
        private readonly CoverageMergeInput input;
        private readonly StandardsPolicy policy;
        private readonly string root;

        public MergeRun(CoverageMergeInput input, StandardsPolicy policy)
        {
            this.input = input;
            this.policy = policy;
            root = Path.GetFullPath(input.RepoRoot);
            Settings = CoverageSettings.Read(policy, Findings);
        }

        public List<Finding> Findings { get; } = [];

        public List<string> Messages { get; } = [];

        public CoverageSettings Settings { get; }

        public CoverageMergeOutcome Outcome(string mergedReport, string verdict, string title) =>
            new(Findings, Messages, mergedReport, verdict, title);

        // Only the reports of the current test projects and frameworks count; each leftover is named.
        public (IReadOnlyList<string> Files, IReadOnlyList<IgnoredReport> Ignored) SelectReports()
        {
            var found = Directory.Exists(input.CoverageDirectory)
                ? Directory.GetFiles(input.CoverageDirectory, "coverage.cobertura.xml", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFullPath(f).StartsWith(Path.GetFullPath(input.OutputDirectory), StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal).ToList()
                : [];
            var (files, ignored, damaged) = CoverageReportSet.Select(input.CoverageDirectory, found, FileReading.ReadOrNull, p => File.Exists(Path.Combine(root, p)));
            Findings.AddRange(damaged);
            Messages.AddRange(ignored.Select(leftover => $"Standards: coverage report left out of the merge: {leftover.Path}: {leftover.Reason}."));
            return (files, ignored);
        }

        public (List<CoverageReport> Reports, List<CoveredProject> Projects) ReadReports(IReadOnlyList<string> files)
        {
            var reports = new List<CoverageReport>();
            var projects = new List<CoveredProject>();
            foreach (var file in files)
            {
                var text = FileReading.ReadOrNull(file);
                var read = text is null
                    ? new CoberturaReadResult(CoverageReport.Empty, new Finding(CoverageRuleIds.ReportMalformed, Severity.Error, $"The coverage report {file} could not be read; check its permissions.", file))
                    : CoberturaReader.Read(file, text, root);
                if (read.Problem is not null)
                {
                    Findings.Add(read.Problem);
                    continue;
                }

                reports.Add(CoverageFilter.Apply(read.Report, null, Settings.Exclude));
                var sidecarFile = Path.Combine(Path.GetDirectoryName(file)!, CoverageProjectsFile.FileName);
                if (FileReading.ReadOrNull(sidecarFile) is { } sidecar)
                {
                    var (covered, damaged) = CoverageProjectsFile.Read(sidecarFile, sidecar);
                    projects.AddRange(covered);
                    Findings.AddRange(damaged);
                }
            }

            return (reports, projects);
        }

        public CoverageGateInput GateInput(CoverageReport merged, List<CoveredProject> projects)
        {
            var distinct = projects.GroupBy(p => p.Context.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First() with { Critical = g.Any(p => p.Critical) }).ToList();
            return new CoverageGateInput(merged, distinct, Settings, policy, input.Today, root)
            {
                FindAssemblyExclusion = p => FindAssemblyExclusion(root, p),
                FileOf = p => Path.GetFullPath(Path.Combine(root, p.RepoRelativeDirectory)),
            };
        }

        public CoverageBaseline LoadBaseline()
        {
            if (!File.Exists(input.BaselineFile))
            {
                return CoverageBaseline.Empty;
            }

            if (FileReading.ReadOrNull(input.BaselineFile) is not { } text)
            {
                Findings.Add(new Finding(CoverageRuleIds.BaselineMalformed, Severity.Error, $"{input.BaselineFile} could not be read; check its permissions.", input.BaselineFile));
                return CoverageBaseline.Empty;
            }

            var (baseline, problems) = CoverageBaseline.Parse(Path.GetFullPath(input.BaselineFile), text);
            Findings.AddRange(problems);
            return baseline;
        }

        public CoverageBaseline UpdateBaselineIfAsked(CoverageReport merged, CoverageBaseline baseline)
        {
            if (!input.UpdateBaseline)
            {
                return baseline;
            }

            var raised = CoverageGate.RaiseBaseline(merged, baseline);
            var notWritten = new List<string>();
            if (StateWriter.TryWrite(input.BaselineFile, CoverageBaseline.Write(raised), notWritten))
            {
                var relative = Path.GetRelativePath(root, Path.GetFullPath(input.BaselineFile)).Replace('\\', '/');
                Messages.Add($"Standards: wrote {relative}: {string.Join(", ", raised.Select(e => $"{e.Name} line {CoverageBaseline.Percent(e.Line)}, branch {CoverageBaseline.Percent(e.Branch)}"))}. Review and commit it.");
            }
            else
            {
                Findings.Add(StateWriter.NotWritten(notWritten, "the raised coverage baseline StandardsUpdateCoverageBaseline asked for",
                    "Make the file and its folder writable by the build, or keep the baseline elsewhere with StandardsCoverageBaselineFile.", input.BaselineFile));
            }

            return new CoverageBaseline(raised);
        }

        // Only a report written here goes on to the HTML report; one left from an earlier run would describe that run.
        public (string MergedReport, string Summary) WriteReports(CoverageReport merged, IReadOnlyList<CoverageRow> rows, int reportCount, IReadOnlyList<IgnoredReport> ignored)
        {
            var notWritten = new List<string>();
            var mergedReport = Path.Combine(input.OutputDirectory, "coverage.cobertura.xml");
            var written = StateWriter.TryWrite(mergedReport, CoberturaWriter.Write(merged, root.Replace('\\', '/'), DateTimeOffset.UtcNow.ToUnixTimeSeconds()), notWritten);
            var summary = Path.Combine(input.OutputDirectory, "summary.md");
            var verdict = CoverageVerdict.Of(Findings, input.WarningsAsErrors, ignored);
            StateWriter.TryWrite(summary, CoverageMarkdown.Write(rows, Settings, CoverageNumbers.Files(merged), reportCount, verdict), notWritten);
            if (notWritten.Count > 0)
            {
                // The gate's findings stand; only the reports CI publishes are missing.
                Findings.Add(StateWriter.NotWritten(notWritten, "the merged coverage report and its summary",
                    "Make that folder writable by the build, or put the report elsewhere with StandardsCoverageReportDirectory (in Directory.Build.props).", input.OutputDirectory));
            }

            return (written ? mergedReport : string.Empty, summary);
        }

        // A warning, not an error: the gate's verdict stands; the fleet report lacks this build's coverage (an error in CI,
        // where warnings are).
        private void NotRecorded(IEnumerable<string> files, string missing, string fix, string? file) =>
            Findings.Add(StateWriter.NotWritten(files, missing, fix, file) with { Severity = Severity.Warning });

        // The coverage of this build, beside the repository checks' facts the build wrote before the tests ran.
        public void RecordInCompliance(CoverageCounts total)
        {
            var file = input.ComplianceFile;
            if (string.IsNullOrEmpty(file) || !File.Exists(file) || FileReading.ReadOrNull(file!) is not { } text)
            {
                return;
            }

            var (facts, problem) = ComplianceDocument.Read(text);
            if (facts is null)
            {
                NotRecorded([file!], $"it is not a compliance record this version reads ({problem?.Message})", "Delete it and build again: the repository checks write it before the tests run.", file);
                return;
            }

            var passed = !Findings.Any(f => f.Severity == Severity.Error || (input.WarningsAsErrors && f.Severity == Severity.Warning));
            var coverage = new ComplianceCoverage(total.LinePercent, total.BranchPercent, Settings.Line, Settings.Branch, passed);
            var notWritten = new List<string>();
            if (!StateWriter.TryWrite(file!, ComplianceDocument.Write(facts with { Coverage = coverage }), notWritten))
            {
                NotRecorded(notWritten, "the build's coverage is missing from the fleet report", "Make artifacts/standards/ writable by the build, or point it elsewhere with StandardsRepositoryChecksOutputPath.", file);
            }
        }
    }
}
