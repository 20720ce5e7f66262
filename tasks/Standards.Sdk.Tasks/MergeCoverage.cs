using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The repo coverage gate: merges every test project's report under <see cref="CoverageDirectory"/>
/// (<see cref="CoverageMerger"/>), applies the thresholds to the repo total and each project and the ratchet
/// (<see cref="CoverageGate.EvaluateRepo"/>), writes the merged Cobertura and a markdown summary, and raises the
/// baseline when asked. Runs once per build (Standards.Coverage.proj). All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class MergeCoverage : StandardsTask
{
    /// <summary>Repo root.</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>standards.json at the repo root; may not exist.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The per-project reports: &lt;folder&gt;/&lt;test project&gt;/coverage.cobertura.xml.</summary>
    [Required]
    public string CoverageDirectory { get; set; } = string.Empty;

    /// <summary>Where coverage.cobertura.xml (merged) and summary.md go.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The coverage baseline; may not exist.</summary>
    [Required]
    public string BaselineFile { get; set; } = string.Empty;

    /// <summary>True to raise the baseline to the current numbers.</summary>
    public bool UpdateBaseline { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD); used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>Log warnings as errors (CI and Release builds).</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>The merged report written, for the HTML report.</summary>
    /// <summary>The build's compliance.json (CI): when it exists, the merged coverage is recorded in it.</summary>
    public string? ComplianceFile { get; set; }

    [Output]
    public string MergedReport { get; set; } = string.Empty;

    /// <summary>The gate's verdict ("passed" or "failed (codes)"), for the HTML report's title.</summary>
    [Output]
    public string Verdict { get; set; } = string.Empty;

    /// <summary>The HTML report's title: the gate's verdict and its minimums, on the report's first page.</summary>
    [Output]
    public string ReportTitle { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var watch = Stopwatch.StartNew();
        var today = ResolveToday(Today);
        var root = Path.GetFullPath(RepoRoot);
        var policy = LoadPolicy(string.IsNullOrEmpty(PolicyFile) ? null : PolicyFile, today, findings: null);
        var findings = new List<Finding>();
        var settings = CoverageSettings.Read(policy, findings);
        var (files, ignored) = SelectReports(root);
        var (reports, projects) = ReadReports(files, root, settings, findings);
        if (files.Count == 0)
        {
            findings.Add(new Finding(CoverageRuleIds.ReportMissing, Severity.Error,
                $"There are no coverage reports of the current test projects under {CoverageDirectory} to merge{(ignored.Count == 0 ? string.Empty : $" ({ignored.Count} left out, named above)")}. Run `dotnet test` first: test projects on Standards.Sdk write their report there.", null));
            return TaskLogging.LogFindings(Log, findings, policy.HelpBaseUrl, WarningsAsErrors);
        }

        var merged = CoverageMerger.Merge(reports);
        var distinct = projects.GroupBy(p => p.Context.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First() with { Critical = g.Any(p => p.Critical) }).ToList();
        var baselineRelative = Path.GetRelativePath(root, Path.GetFullPath(BaselineFile)).Replace('\\', '/');
        var baseline = LoadBaseline(findings);
        var input = new CoverageGateInput(merged, distinct, settings, policy, today, root)
        {
            FindAssemblyExclusion = p => FindAssemblyExclusion(root, p),
            FileOf = p => Path.GetFullPath(Path.Combine(root, p.RepoRelativeDirectory)),
        };
        var notWritten = new List<string>();
        if (UpdateBaseline)
        {
            var raised = CoverageGate.RaiseBaseline(merged, baseline);
            if (StateWriter.TryWrite(BaselineFile, CoverageBaseline.Write(raised), notWritten))
            {
                Log.LogMessage(MessageImportance.High, "Standards: wrote {0}: {1}. Review and commit it.", baselineRelative,
                    string.Join(", ", raised.Select(e => $"{e.Name} line {CoverageBaseline.Percent(e.Line)}, branch {CoverageBaseline.Percent(e.Branch)}")));
            }
            else
            {
                findings.Add(NotWritten(notWritten, "the raised coverage baseline StandardsUpdateCoverageBaseline asked for",
                    "Make the file and its folder writable by the build, or keep the baseline elsewhere with StandardsCoverageBaselineFile.", BaselineFile));
                notWritten.Clear();
            }

            baseline = new CoverageBaseline(raised);
        }

        var (gateFindings, rows) = CoverageGate.EvaluateRepo(input, baseline, Path.GetFullPath(BaselineFile));
        findings.AddRange(UpdateBaseline ? gateFindings.Where(f => f.Code != CoverageRuleIds.BelowBaseline) : gateFindings);

        var mergedReport = Path.Combine(OutputDirectory, "coverage.cobertura.xml");
        // Only a report written here goes on to the HTML report; one left from an earlier run would describe that run.
        MergedReport = StateWriter.TryWrite(mergedReport, CoberturaWriter.Write(merged, root.Replace('\\', '/'), DateTimeOffset.UtcNow.ToUnixTimeSeconds()), notWritten) ? mergedReport : string.Empty;
        var summary = Path.Combine(OutputDirectory, "summary.md");
        var verdict = CoverageVerdict.Of(findings, WarningsAsErrors, ignored);
        StateWriter.TryWrite(summary, CoverageMarkdown.Write(rows, settings, CoverageNumbers.Files(merged), files.Count, verdict), notWritten);
        if (notWritten.Count > 0)
        {
            // The gate's findings stand; only the reports CI publishes are missing.
            findings.Add(NotWritten(notWritten, "the merged coverage report and its summary",
                "Make that folder writable by the build, or put the report elsewhere with StandardsCoverageReportDirectory (in Directory.Build.props).", OutputDirectory));
        }

        var total = rows[rows.Count - 1].Counts;
        Log.LogMessage(MessageImportance.High, "Standards: coverage gate {0}: merged from {1} report{2}: line {3}, branch {4} in {5} ms ({6}, {7}).",
            CoverageVerdict.Of(findings, WarningsAsErrors, ignored).Text, files.Count, files.Count == 1 ? string.Empty : "s",
            CoverageMarkdown.Shown(total.LinesCovered, total.LinesValid), CoverageMarkdown.Shown(total.BranchesCovered, total.BranchesValid),
            watch.ElapsedMilliseconds, mergedReport, summary);
        Verdict = CoverageVerdict.Of(findings, WarningsAsErrors, ignored).Text;
        RecordInCompliance(total, settings, findings);
        // No '%' in the title: the HTML step is an Exec, and cmd.exe would read "%...%" as a variable.
        ReportTitle = string.Create(CultureInfo.InvariantCulture,
            $"Coverage gate {Verdict}; minimums in percent: line {settings.Line}, branch {settings.Branch}, critical line {settings.CriticalLine}");
        return TaskLogging.LogFindings(Log, findings, policy.HelpBaseUrl, WarningsAsErrors);
    }

    // The coverage of this build, beside the repository checks' facts the build wrote before the tests ran.
    private void RecordInCompliance(CoverageCounts total, CoverageSettings settings, List<Finding> findings)
    {
        if (string.IsNullOrEmpty(ComplianceFile) || !File.Exists(ComplianceFile) || ReadOrNull(ComplianceFile) is not { } text)
        {
            return;
        }

        var (facts, problem) = ComplianceDocument.Read(text);
        if (facts is null)
        {
            Log.LogWarning($"Standards: coverage not recorded in {ComplianceFile}: {problem?.Message}");
            return;
        }

        var passed = !findings.Any(f => f.Severity == Severity.Error || (WarningsAsErrors && f.Severity == Severity.Warning));
        var coverage = new ComplianceCoverage(total.LinePercent, total.BranchPercent, settings.Line, settings.Branch, passed);
        var notWritten = new List<string>();
        if (!StateWriter.TryWrite(ComplianceFile, ComplianceDocument.Write(facts with { Coverage = coverage }), notWritten))
        {
            Log.LogWarning($"Standards: coverage not recorded in {string.Join("; ", notWritten)}.");
        }
    }

    // Only the reports of the current test projects and frameworks count; each leftover is named.
    private (IReadOnlyList<string> Files, IReadOnlyList<IgnoredReport> Ignored) SelectReports(string root)
    {
        var found = Directory.Exists(CoverageDirectory)
            ? Directory.GetFiles(CoverageDirectory, "coverage.cobertura.xml", SearchOption.AllDirectories)
                .Where(f => !Path.GetFullPath(f).StartsWith(Path.GetFullPath(OutputDirectory), StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal).ToList()
            : [];
        var (files, ignored) = CoverageReportSet.Select(CoverageDirectory, found, ReadOrNull, p => File.Exists(Path.Combine(root, p)));
        foreach (var leftover in ignored)
        {
            Log.LogMessage(MessageImportance.High, "Standards: coverage report left out of the merge: {0}: {1}.", leftover.Path, leftover.Reason);
        }

        return (files, ignored);
    }

    private static (List<CoverageReport> Reports, List<CoveredProject> Projects) ReadReports(IReadOnlyList<string> files, string root, CoverageSettings settings, List<Finding> findings)
    {
        var reports = new List<CoverageReport>();
        var projects = new List<CoveredProject>();
        foreach (var file in files)
        {
            var text = ReadOrNull(file);
            var read = text is null
                ? new CoberturaReadResult(CoverageReport.Empty, new Finding(CoverageRuleIds.ReportMalformed, Severity.Error, $"The coverage report {file} could not be read; check its permissions.", file))
                : CoberturaReader.Read(file, text, root);
            if (read.Problem is not null)
            {
                findings.Add(read.Problem);
                continue;
            }

            reports.Add(CoverageFilter.Apply(read.Report, null, settings.Exclude));
            if (ReadOrNull(Path.Combine(Path.GetDirectoryName(file)!, CoverageProjectsFile.FileName)) is { } sidecar)
            {
                projects.AddRange(CoverageProjectsFile.Read(sidecar));
            }
        }

        return (reports, projects);
    }

    /// <summary>Where a project under test excludes its whole assembly from coverage, in its sources (not bin/, obj/).</summary>
    internal static SourceLine? FindAssemblyExclusion(string root, Standards.Sdk.Checks.Policy.ProjectContext project)
    {
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
            return CoverageExclusion.Find(sources, ReadOrNull);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The finding still names the project; only the line of the exclusion is missing.
            return null;
        }
    }

    private CoverageBaseline LoadBaseline(List<Finding> findings)
    {
        if (!File.Exists(BaselineFile))
        {
            return CoverageBaseline.Empty;
        }

        if (ReadOrNull(BaselineFile) is not { } text)
        {
            findings.Add(new Finding(CoverageRuleIds.BaselineMalformed, Severity.Error, $"{BaselineFile} could not be read; check its permissions.", BaselineFile));
            return CoverageBaseline.Empty;
        }

        var (baseline, problems) = CoverageBaseline.Parse(Path.GetFullPath(BaselineFile), text);
        findings.AddRange(problems);
        return baseline;
    }
}
