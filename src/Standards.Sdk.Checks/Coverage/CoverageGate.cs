using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>A project whose assembly is under test: its name, where it is (for exception scopes), and whether it is critical.</summary>
/// <param name="Context">The project as exception scopes see it; <c>Context.Name</c> is the assembly name.</param>
/// <param name="Critical">True when it is held to the critical line threshold.</param>
public sealed record CoveredProject(ProjectContext Context, bool Critical);

/// <summary>What both gates read.</summary>
/// <param name="Report">The report, already restricted to the assemblies under test (<see cref="CoverageFilter"/>).</param>
/// <param name="Projects">What is known about the covered projects; a package without an entry is judged by its name alone.</param>
/// <param name="Settings">Thresholds.</param>
/// <param name="Policy">Severities and exceptions.</param>
/// <param name="Today">The date exceptions are judged against.</param>
/// <param name="RepoRoot">For absolute file paths in findings.</param>
public sealed record CoverageGateInput(
    CoverageReport Report,
    IReadOnlyList<CoveredProject> Projects,
    CoverageSettings Settings,
    StandardsPolicy Policy,
    DateOnly Today,
    string RepoRoot)
{
    /// <summary>
    /// Where a project under test excludes its whole assembly from coverage (<c>[assembly: ExcludeFromCodeCoverage]</c>),
    /// or null; the tasks look in the project's sources (<see cref="CoverageExclusion"/>). Null: not looked for.
    /// </summary>
    public Func<ProjectContext, SourceLine?>? FindAssemblyExclusion { get; init; }

    /// <summary>The file a project's "nothing measured" finding points at when no exclusion is found (null: none).</summary>
    public Func<ProjectContext, string?>? FileOf { get; init; }
}

/// <summary>One row of the coverage summary.</summary>
/// <param name="Name">Project (assembly) name, or "Total".</param>
/// <param name="Counts">Its numbers.</param>
/// <param name="Baseline">The committed baseline, or null.</param>
/// <param name="Passed">False when a gate failed for it.</param>
public sealed record CoverageRow(string Name, CoverageCounts Counts, CoverageBaselineEntry? Baseline, bool Passed);

/// <summary>
/// The coverage gates (profile §4): after one test run, its coverage over the assemblies under test; on the merged
/// report, the repo total and each project, and the ratchet against the committed baseline. Pure: findings out.
/// A miss names the least covered files, and points at the worst one's first uncovered line.
/// </summary>
public static class CoverageGate
{
    private const int WorstFiles = 3;

    /// <summary>The gate after one test project's run.</summary>
    public static IReadOnlyList<Finding> EvaluateRun(ProjectContext testProject, CoverageGateInput input)
    {
        ArgumentNullException.ThrowIfNull(testProject);
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<Finding>();
        var files = CoverageNumbers.Files(input.Report);
        var packages = files.Select(f => f.Package).Distinct(StringComparer.Ordinal).ToList();
        var what = $"{testProject.Name} over {string.Join(", ", packages)}";
        foreach (var (rule, isLine) in new[] { (CoverageRuleIds.LineBelowThreshold, true), (CoverageRuleIds.BranchBelowThreshold, false) })
        {
            var severity = FindingReporter.ForProject(input.Policy, testProject, input.Today).SeverityOf(rule);
            var counted = files.Where(f => !Waived(input, rule, f.Package)).ToList();
            if (severity != Severity.None && counted.Count > 0)
            {
                AddThresholdFinding(findings, input, rule, severity, isLine, what, counted);
            }
        }

        AddCriticalFindings(findings, input, files);
        AddNothingMeasured(findings, input, files, $"The test run of {testProject.Name}");
        return findings;
    }

    /// <summary>The gate on the merged report: every project, the repo total, and the ratchet.</summary>
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<CoverageRow> Rows) EvaluateRepo(
        CoverageGateInput input, CoverageBaseline baseline, string baselinePath)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(baseline);
        var findings = new List<Finding>();
        var files = CoverageNumbers.Files(input.Report);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in files.GroupBy(f => f.Package, StringComparer.Ordinal))
        {
            var context = ContextOf(input, package.Key);
            foreach (var (rule, isLine) in new[] { (CoverageRuleIds.LineBelowThreshold, true), (CoverageRuleIds.BranchBelowThreshold, false) })
            {
                var severity = FindingReporter.ForProject(input.Policy, context, input.Today).SeverityOf(rule);
                if (severity != Severity.None && AddThresholdFinding(findings, input, rule, severity, isLine, package.Key, [.. package]))
                {
                    failed.Add(package.Key);
                }
            }
        }

        failed.UnionWith(AddCriticalFindings(findings, input, files));
        var unmeasured = AddNothingMeasured(findings, input, files, "The merged coverage");
        failed.UnionWith(unmeasured);
        if (unmeasured.Count > 0)
        {
            // The total leaves those projects out: it is partial, so it does not pass.
            failed.Add(CoverageBaseline.TotalKey);
        }

        // The total leaves out projects an exception lets through; otherwise the exception would not let them through.
        var repo = new ProjectContext("(repo)", ProjectKinds.Library, string.Empty);
        foreach (var (rule, isLine) in new[] { (CoverageRuleIds.LineBelowThreshold, true), (CoverageRuleIds.BranchBelowThreshold, false) })
        {
            var severity = FindingReporter.ForProject(input.Policy, repo, input.Today).SeverityOf(rule);
            var counted = files.Where(f => !Waived(input, rule, f.Package)).ToList();
            // With one project the total is that project: its finding is already reported.
            var sink = counted.Select(f => f.Package).Distinct(StringComparer.Ordinal).Count() > 1 ? findings : [];
            if (severity != Severity.None && AddThresholdFinding(sink, input, rule, severity, isLine, "the repo (merged over every test run)", counted))
            {
                failed.Add(CoverageBaseline.TotalKey);
            }
        }

        findings.AddRange(Ratchet(input, files, baseline, baselinePath, failed));
        var absent = input.Projects.Select(p => p.Context.Name)
            .Where(n => !files.Any(f => string.Equals(f.Package, n, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var rows = files.GroupBy(f => f.Package, StringComparer.Ordinal)
            .Select(g => new CoverageRow(g.Key, Sum(g), baseline.Find(g.Key), !failed.Contains(g.Key)))
            .Concat(absent.Select(n => new CoverageRow(n, default, baseline.Find(n), !failed.Contains(n))))
            .Append(new CoverageRow("Total", Sum(files), baseline.Find(CoverageBaseline.TotalKey), !failed.Contains(CoverageBaseline.TotalKey)))
            .ToList();
        return (findings, rows);
    }

    /// <summary>
    /// The raised baseline: per project the larger of the committed and the current number (rounded down to one
    /// decimal), projects without coverage any more dropped. The ratchet only rises; lower a number by hand, in review.
    /// </summary>
    public static IReadOnlyList<CoverageBaselineEntry> RaiseBaseline(CoverageReport report, CoverageBaseline previous)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(previous);
        CoverageBaselineEntry Raise(string name, CoverageCounts counts)
        {
            var old = previous.Find(name);
            return new CoverageBaselineEntry(name,
                Math.Max(old?.Line ?? 0, CoverageCounts.Floor1(counts.LinePercent)),
                Math.Max(old?.Branch ?? 0, CoverageCounts.Floor1(counts.BranchPercent)));
        }

        var files = CoverageNumbers.Files(report);
        return [
            Raise(CoverageBaseline.TotalKey, Sum(files)),
            .. files.GroupBy(f => f.Package, StringComparer.Ordinal).Select(g => Raise(g.Key, Sum(g))),
        ];
    }

    private static IEnumerable<Finding> Ratchet(CoverageGateInput input, IReadOnlyList<FileCoverage> files, CoverageBaseline baseline, string baselinePath, HashSet<string> failed)
    {
        var tolerance = input.Settings.Tolerance;
        foreach (var entry in baseline.Entries)
        {
            var isTotal = entry.Name == CoverageBaseline.TotalKey;
            var context = isTotal ? new ProjectContext("(repo)", ProjectKinds.Library, string.Empty) : ContextOf(input, entry.Name);
            var severity = FindingReporter.ForProject(input.Policy, context, input.Today).SeverityOf(CoverageRuleIds.BelowBaseline);
            var mine = isTotal ? [.. files] : files.Where(f => string.Equals(f.Package, entry.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var label = isTotal ? "The repo total" : entry.Name;
            if (mine.Count == 0)
            {
                if (severity != Severity.None)
                {
                    failed.Add(entry.Name);
                    yield return new Finding(CoverageRuleIds.BelowBaseline, severity,
                        $"{label} has no coverage in this merge, but the coverage baseline holds it at line {CoverageBaseline.Percent(entry.Line)}, branch {CoverageBaseline.Percent(entry.Branch)}. Run every test project before the merge; if the project is gone, write the baseline again with `{CoverageBaseline.UpdateCommand}`.",
                        baselinePath, entry.FileLine);
                }

                continue;
            }

            var counts = Sum(mine);
            var drops = new List<string>();
            if (counts.LinePercent < entry.Line - tolerance)
            {
                drops.Add($"line {CoverageBaseline.Percent(CoverageCounts.Floor1(counts.LinePercent))} (baseline {CoverageBaseline.Percent(entry.Line)})");
            }

            if (counts.BranchPercent < entry.Branch - tolerance)
            {
                drops.Add($"branch {CoverageBaseline.Percent(CoverageCounts.Floor1(counts.BranchPercent))} (baseline {CoverageBaseline.Percent(entry.Branch)})");
            }

            if (drops.Count > 0 && severity != Severity.None)
            {
                failed.Add(entry.Name);
                var worst = string.Join(", ", CoverageNumbers.Worst(mine, WorstFiles).Select(Describe));
                yield return new Finding(CoverageRuleIds.BelowBaseline, severity,
                    $"Coverage of {label} dropped below the committed baseline by more than {tolerance.ToString("0.##", CultureInfo.InvariantCulture)} points: {string.Join(", ", drops)}. Least covered: {worst}. Add tests for the code you changed; the baseline only rises.",
                    baselinePath, entry.FileLine);
            }
            else if (CoverageCounts.Floor1(counts.LinePercent) > entry.Line + tolerance || CoverageCounts.Floor1(counts.BranchPercent) > entry.Branch + tolerance)
            {
                var raise = FindingReporter.ForProject(input.Policy, context, input.Today).SeverityOf(CoverageRuleIds.BaselineCanRise);
                if (raise != Severity.None)
                {
                    yield return new Finding(CoverageRuleIds.BaselineCanRise, raise,
                        $"Coverage of {label} rose to line {CoverageBaseline.Percent(CoverageCounts.Floor1(counts.LinePercent))}, branch {CoverageBaseline.Percent(CoverageCounts.Floor1(counts.BranchPercent))} (baseline {CoverageBaseline.Percent(entry.Line)}, {CoverageBaseline.Percent(entry.Branch)}). Raise the ratchet with `{CoverageBaseline.UpdateCommand}` and commit the file.",
                        baselinePath, entry.FileLine);
                }
            }
        }
    }

    private static bool AddThresholdFinding(List<Finding> findings, CoverageGateInput input, string rule, Severity severity, bool isLine, string what, IReadOnlyList<FileCoverage> files)
    {
        var counts = Sum(files);
        var minimum = isLine ? input.Settings.Line : input.Settings.Branch;
        var actual = isLine ? counts.LinePercent : counts.BranchPercent;
        if ((isLine ? counts.LinesValid : counts.BranchesValid) == 0 || actual >= minimum)
        {
            return false;
        }

        var worst = CoverageNumbers.Worst(files, WorstFiles, byBranches: !isLine);
        var kind = isLine ? "Line" : "Branch";
        var amounts = isLine ? $"{counts.LinesCovered} of {counts.LinesValid} lines" : $"{counts.BranchesCovered} of {counts.BranchesValid} branches";
        var first = worst.Count > 0 ? worst[0] : null;
        findings.Add(new Finding(rule, severity,
            $"{kind} coverage of {what} is {CoverageBaseline.Percent(CoverageCounts.Floor1(actual))} ({amounts}), below the minimum of {CoverageBaseline.Percent(minimum)}. Least covered: {string.Join(", ", worst.Select(f => isLine ? Describe(f) : DescribeBranches(f)))}. Add tests for them, or lower coverage.{(isLine ? "line" : "branch")} in standards.json.",
            first is null ? null : Absolute(input.RepoRoot, first.File), first?.FirstUncoveredLine ?? 0));
        return true;
    }

    private static List<string> AddCriticalFindings(List<Finding> findings, CoverageGateInput input, IReadOnlyList<FileCoverage> files)
    {
        var failed = new List<string>();
        foreach (var project in input.Projects.Where(p => p.Critical))
        {
            var mine = files.Where(f => string.Equals(f.Package, project.Context.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var counts = Sum(mine);
            var severity = FindingReporter.ForProject(input.Policy, project.Context, input.Today).SeverityOf(CoverageRuleIds.CriticalBelowThreshold);
            if (mine.Count == 0 || counts.LinesValid == 0 || counts.LinePercent >= input.Settings.CriticalLine || severity == Severity.None)
            {
                continue;
            }

            var worst = CoverageNumbers.Worst(mine, WorstFiles);
            findings.Add(new Finding(CoverageRuleIds.CriticalBelowThreshold, severity,
                $"{project.Context.Name} is a critical project and its line coverage is {CoverageBaseline.Percent(CoverageCounts.Floor1(counts.LinePercent))} ({counts.LinesCovered} of {counts.LinesValid} lines), below the critical minimum of {CoverageBaseline.Percent(input.Settings.CriticalLine)}. Least covered: {string.Join(", ", worst.Select(Describe))}.",
                worst.Count == 0 ? null : Absolute(input.RepoRoot, worst[0].File), worst.Count == 0 ? 0 : worst[0].FirstUncoveredLine));
            failed.Add(project.Context.Name);
        }

        return failed;
    }

    /// <summary>
    /// STD4009 for each project under test of which no line was measured: with nothing to measure its thresholds
    /// would pass. Leaving a whole project out of coverage takes an exception for STD4009 scoped to it.
    /// </summary>
    private static List<string> AddNothingMeasured(List<Finding> findings, CoverageGateInput input, IReadOnlyList<FileCoverage> files, string who)
    {
        var failed = new List<string>();
        foreach (var project in input.Projects.DistinctBy(p => p.Context.Name, StringComparer.OrdinalIgnoreCase))
        {
            var name = project.Context.Name;
            var mine = files.Where(f => string.Equals(f.Package, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var severity = FindingReporter.ForProject(input.Policy, project.Context, input.Today).SeverityOf(CoverageRuleIds.NothingMeasured);
            if (Sum(mine).LinesValid > 0 || severity == Severity.None)
            {
                continue;
            }

            var exclusion = input.FindAssemblyExclusion?.Invoke(project.Context);
            var why = exclusion is not null
                ? $"[assembly: ExcludeFromCodeCoverage] at {exclusion.File}({exclusion.Line}) excludes the whole assembly"
                : mine.Count > 0
                    ? "its files are in the report, but not one line of them is measured (coverage.exclude or StandardsCoverageExclude leave nothing)"
                    : "the coverage report has no entry for it (an assembly-wide exclusion, a coverlet filter, a report of other assemblies, or coverlet did not instrument it: coverlet's log says which modules it excluded or could not instrument and why, such as a source file the PDB names that is not on disk; on VSTest dotnet test --diag:<file> writes it, on Microsoft.Testing.Platform the app's --diagnostic --diagnostic-verbosity trace)";
            findings.Add(new Finding(CoverageRuleIds.NothingMeasured, severity,
                $"{who} measured no line of {name}, a project under test: {why}, so its coverage would pass as 100 % of nothing. Measure it: exclude single types or members rather than the assembly, and narrow the exclude globs; to leave the whole project out of coverage, add an exception for {CoverageRuleIds.NothingMeasured} scoped to {name} to standards.json.",
                exclusion?.File ?? input.FileOf?.Invoke(project.Context), exclusion?.Line ?? 0));
            failed.Add(name);
        }

        return failed;
    }

    private static bool Waived(CoverageGateInput input, string rule, string package) =>
        new EffectivePolicy(input.Policy, ContextOf(input, package), input.Today).ProjectException(rule) is not null;

    private static ProjectContext ContextOf(CoverageGateInput input, string package) =>
        input.Projects.FirstOrDefault(p => string.Equals(p.Context.Name, package, StringComparison.OrdinalIgnoreCase))?.Context
        ?? new ProjectContext(package, ProjectKinds.Library, string.Empty);

    private static CoverageCounts Sum(IEnumerable<FileCoverage> files) => files.Aggregate(default(CoverageCounts), (s, f) => s + f.Counts);

    private static string Describe(FileCoverage f) =>
        $"{f.File} {CoverageBaseline.Percent(CoverageCounts.Floor1(f.Counts.LinePercent))} ({f.Counts.LinesCovered}/{f.Counts.LinesValid})";

    private static string DescribeBranches(FileCoverage f) =>
        $"{f.File} {CoverageBaseline.Percent(CoverageCounts.Floor1(f.Counts.BranchPercent))} ({f.Counts.BranchesCovered}/{f.Counts.BranchesValid} branches)";

    private static string Absolute(string root, string file) =>
        Path.IsPathRooted(file) || root.Length == 0 ? file : Path.GetFullPath(Path.Combine(root, file));
}
