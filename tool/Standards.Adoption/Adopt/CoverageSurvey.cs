using System.Globalization;
using Standards.Sdk.Checks.Coverage;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The test step of <c>dotnet standards adopt</c>, in the workspace after a green CI-mode build: the tests and the
/// coverage step as CI runs them, with the coverage minimums set to what the tests reach today.
/// </summary>
/// <param name="commands">Runs dotnet in the workspace.</param>
/// <param name="log">Where progress and the failing tests' output go.</param>
/// <param name="testProjects">The repo's test projects by the mode of <c>dotnet test</c> that runs them: a mix is why tests fail that pass on their own.</param>
/// <param name="today">The day the exceptions adopt writes are dated from.</param>
internal sealed class CoverageSurvey(WorkspaceCommands commands, TextWriter log, TestProjectKinds testProjects, DateOnly today)
{
    /// <summary>
    /// Runs the tests as CI does, on what the CI-mode build built, then CI's coverage step. The coverage gates
    /// (STD4002-STD4004: per run, and on the merge) are held to today's numbers: the minimums in standards.json become
    /// the lowest coverage the merge measured, rounded down, so the coverage step passes and the numbers can only be
    /// raised; a test project whose own run stays below them (a run that tests a part) gets a dated exception of its
    /// run's gate, so the merge keeps holding the repo to what all its tests reach. A merge gate that measured 0 % sets
    /// no minimum (it would pass on anything): for a project under test that the tests reach none of, while the merge
    /// measured covered code elsewhere, it is a dated exception of that gate scoped to the project (the repo total is
    /// then judged on the rest); the repo total at 0 %, or a project at 0 % in a merge that covered nothing, is a
    /// finding adopt cannot baseline, as is any other failure.
    /// </summary>
    public (List<UnbaselinableFinding> Remaining, IReadOnlyList<string> Changes) Run(string workspace, string solution, ChangeSet changes)
    {
        var globalJson = WorkspaceCommands.ReadOrNull(Path.Combine(workspace, GlobalJsonEditor.FileName));
        log.WriteLine(TestCommand.IsTestingPlatform(globalJson)
            ? "Running the tests in CI mode (Microsoft.Testing.Platform, as global.json sets) and the coverage step (records the coverage they reach)..."
            : "Running the tests in CI mode and the coverage step (records the coverage they reach)...");
        var (test, judgedAll) = RunTests(workspace, solution, globalJson);
        if (test.ExitCode == 0)
        {
            return ([], []);
        }

        var diagnostics = Errors(test, workspace);
        if (!judgedAll && OnlyGates(diagnostics))
        {
            // dotnet test (VSTest) stopped on per-run gates, so the merge was not judged: the coverage step judges
            // every run again on the report it wrote, and the merge, in one step, without running the tests again.
            var all = CoverageStep(workspace, solution);
            test = new CommandResult(all.ExitCode == 0 ? test.ExitCode : all.ExitCode, test.Output + "\n" + all.Output);
            diagnostics = [.. diagnostics.Concat(Errors(all, workspace)).Distinct()];
        }

        var minimums = CoverageMinimums.From(diagnostics);
        var runs = CoverageMinimums.RunsBelow(diagnostics, minimums);
        var untested = MergeCoveredCode(workspace) ? CoverageMinimums.UncoveredProjects(diagnostics) : [];
        var others = diagnostics.Where(d => !CoverageMinimums.Gates.ContainsKey(d.Code))
            .Concat(CoverageMinimums.Uncovered(diagnostics).Where(d => !untested.Contains((d.Code, CoverageMinimums.ProjectOf(d) ?? string.Empty))))
            .Select(d => new UnbaselinableFinding(d, UnbaselinableFix.For(d))).ToList();
        if ((minimums.Count == 0 && runs.Count == 0 && untested.Count == 0) || others.Count > 0)
        {
            return (others.Count > 0 ? others : [TestsFail(test, workspace)], []);
        }

        return HoldMinimums(workspace, solution, changes, minimums, runs, untested);
    }

    /// <summary>
    /// True when the merged report the coverage step wrote (artifacts/coverage-report/, the default folder) counts a
    /// covered line: only then can a project the tests reach none of be excepted, and the repo total still judge
    /// something. No report, or a report elsewhere (StandardsCoverageReportDirectory), is false: the 0 % gates stay
    /// findings adopt names.
    /// </summary>
    private static bool MergeCoveredCode(string workspace)
    {
        var merged = Path.Combine(workspace, "artifacts", "coverage-report", "coverage.cobertura.xml");
        if (!File.Exists(merged))
        {
            return false;
        }

        var read = CoberturaReader.Read(merged, File.ReadAllText(merged), workspace);
        return read.Problem is null && CoverageNumbers.Total(read.Report).LinesCovered > 0;
    }

    private static List<BuildDiagnostic> Errors(CommandResult run, string workspace) =>
        [.. BuildOutput.Parse(run.Output, workspace, byMessage: true).Where(d => d.IsError)];

    /// <summary>True when every error is a coverage gate below its minimum: then the numbers of the gates are what is missing.</summary>
    private static bool OnlyGates(List<BuildDiagnostic> errors) =>
        errors.Count > 0 && errors.All(d => CoverageMinimums.Gates.ContainsKey(d.Code));

    /// <summary>
    /// Writes the minimums into standards.json and judges the gates again with the coverage step alone (every run gate
    /// and the merge, on the reports the tests wrote; the tests do not run again). The first judgement already showed
    /// every gate's number, so one round is the rule; up to three remain the safety: a gate that still fails lowers
    /// the minimums again, so they are the lowest coverage any gate measured. What still fails is returned with the
    /// minimums' line.
    /// </summary>
    private (List<UnbaselinableFinding> Remaining, IReadOnlyList<string> Changes) HoldMinimums(
        string workspace, string solution, ChangeSet changes, IReadOnlyDictionary<string, double> minimums,
        IReadOnlyList<(string Rule, string TestProject, double Measured)> runs, IReadOnlyList<(string Rule, string Project)> untested)
    {
        var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
        var (excepted, lines) = Except(File.Exists(policyPath) ? File.ReadAllText(policyPath) : null, [.. RunExceptions(runs), .. UntestedExceptions(untested)]);
        List<BuildDiagnostic> errors;
        CommandResult retest;
        var rounds = 0;
        do
        {
            // With no minimum to set, the exceptions were written into a policy (runs or untested projects): never null.
            var policy = minimums.Count == 0 ? excepted! : CoverageMinimums.Apply(excepted, minimums);
            File.WriteAllText(policyPath, policy);
            changes.Set(CoverageMinimums.PolicyFile, policy);
            retest = CoverageStep(workspace, solution);
            errors = retest.ExitCode == 0 ? [] : Errors(retest, workspace);
            var lower = CoverageMinimums.From(errors);
            if (!OnlyGatesBelowMinimums(errors, lower))
            {
                break;
            }

            minimums = Lowest(minimums, lower);
        }
        while (++rounds < 3);

        var still = errors.Select(d => new UnbaselinableFinding(d, UnbaselinableFix.For(d))).ToList();
        if (retest.ExitCode != 0 && still.Count == 0)
        {
            still.Add(TestsFail(retest, workspace));
        }

        if (minimums.Count > 0)
        {
            lines.Insert(0, $"{CoverageMinimums.PolicyFile}: coverage minimums set to what the tests reach today ({string.Join(", ", minimums.Select(m => $"{m.Key} {CoverageMinimums.Format(m.Value)} %"))}); raise them as tests are added");
        }

        return (still, lines);
    }

    /// <summary>A dated exception of a coverage gate that adopt writes: its rule and scope, its reason in standards.json, and adopt's line for it.</summary>
    private readonly record struct GateException(string Rule, string Scope, string Reason, string Line);

    /// <summary>
    /// standards.json with each exception added, owner to fill in, dated from today, and adopt's line for each. A scope
    /// the policy already excepts for that rule gets none.
    /// </summary>
    private (string? Policy, List<string> Lines) Except(string? policy, IReadOnlyList<GateException> exceptions)
    {
        var lines = new List<string>();
        var excepted = new HashSet<(string Rule, string Scope)>(NullableAdoption.Exceptions(policy));
        foreach (var exception in exceptions)
        {
            if (!excepted.Add((exception.Rule, exception.Scope)))
            {
                continue;
            }

            policy = NullableAdoption.AddException(policy, exception.Rule, exception.Scope, exception.Reason, today);
            lines.Add(exception.Line);
        }

        return (policy, lines);
    }

    /// <summary>
    /// An exception for each test run whose own gate stays below the minimums, scoped to the test project: it waives
    /// that run's gate only, and the merge still judges the code it tests.
    /// </summary>
    private static IEnumerable<GateException> RunExceptions(IReadOnlyList<(string Rule, string TestProject, double Measured)> runs) =>
        runs.Select(run =>
        {
            var (rule, testProject, measured) = run;
            var kind = CoverageMinimums.Gates[rule];
            var percent = CoverageMinimums.Format(measured);
            return new GateException(rule, testProject,
                $"The {kind} coverage of the {testProject} test run ({percent} % at the adoption) is below the repo's minimum: a run that tests a part of what it references. The merged coverage of every run still holds the repo to the minimum. Name its owner; add tests to the run, or renew this entry with a reason, before the expiry.",
                $"{testProject}: its own run's {kind} coverage ({percent} %) is below the minimum: kept under a dated {rule} exception for \"{testProject}\" in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days), which waives that run's gate only; the merged coverage still holds the repo to the minimums");
        });

    /// <summary>
    /// An exception for each 0 % gate of a project under test, scoped to that project: its gate is waived and the repo
    /// total leaves it out.
    /// </summary>
    private static IEnumerable<GateException> UntestedExceptions(IReadOnlyList<(string Rule, string Project)> untested) =>
        untested.Select(gate =>
        {
            var (rule, project) = gate;
            var kind = CoverageMinimums.Gates[rule];
            return new GateException(rule, project,
                $"The tests reference {project} and reach none of it ({kind} coverage 0 % at the adoption): a minimum of 0 % would pass on anything, so its {kind} gate is waived and the repo total is judged without it. Name its owner; add tests that reach it, or renew this entry with a reason, before the expiry.",
                $"{project}: the tests reach none of it ({kind} coverage 0 %): kept under a dated {rule} exception for \"{project}\" in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days), which waives its {kind} gate only; the repo total is judged without it");
        });

    /// <summary>True when the run failed only on coverage gates, each below a minimum it measured above 0 %: lowering the minimums can make it pass.</summary>
    private static bool OnlyGatesBelowMinimums(List<BuildDiagnostic> errors, IReadOnlyDictionary<string, double> lower) =>
        OnlyGates(errors) && lower.Count > 0 && CoverageMinimums.Uncovered(errors).Count == 0;

    /// <summary>Per gate, the lower of the two minimums.</summary>
    private static Dictionary<string, double> Lowest(IReadOnlyDictionary<string, double> minimums, IReadOnlyDictionary<string, double> lower) =>
        minimums.Keys.Union(lower.Keys, StringComparer.Ordinal).ToDictionary(
            k => k,
            k => Math.Min(minimums.TryGetValue(k, out var a) ? a : double.MaxValue, lower.TryGetValue(k, out var b) ? b : double.MaxValue),
            StringComparer.Ordinal);

    /// <summary>
    /// <c>dotnet test</c> on what the CI-mode build built (no second build), then, when it passed, the coverage step;
    /// the result of the failing step (or of the coverage step), with the output of both, and whether the coverage
    /// step judged it (then every gate's number is in it).
    /// </summary>
    private (CommandResult Result, bool JudgedAll) RunTests(string workspace, string solution, string? globalJson)
    {
        var test = commands.Dotnet(workspace, ci: true, [.. TestCommand.Arguments(globalJson, solution, noBuild: true)]);
        if (test.ExitCode != 0)
        {
            return (test, false);
        }

        // A VSTest run is gated per project (one that wrote no report fails `dotnet test` with STD4007), so no report
        // at all means the repo has no test project, and the merge would fail on having nothing to merge, which no
        // minimum can hold. Microsoft.Testing.Platform runs are judged by the merge alone: it always runs for them.
        if (!TestCommand.IsTestingPlatform(globalJson) && !HasCoverageReports(workspace))
        {
            return (test, false);
        }

        var coverage = CoverageStep(workspace, solution);
        return (new CommandResult(coverage.ExitCode, test.Output + "\n" + coverage.Output), true);
    }

    /// <summary>
    /// CI's coverage step (docs/ci.md) on the solution, judging every gate: each test run's (VSTest runs again on the
    /// report they wrote, Microsoft.Testing.Platform apps on their newest) and the merge, even when one fails, so its
    /// output has every gate's number. It fails when any gate fails.
    /// </summary>
    private CommandResult CoverageStep(string workspace, string solution) =>
        commands.Dotnet(workspace, ci: true, [.. TestCommand.CoverageArguments(solution), TestCommand.JudgeAllCoverageGates]);

    private static bool HasCoverageReports(string workspace)
    {
        var reports = Path.Combine(workspace, "artifacts", "coverage");
        return Directory.Exists(reports) && Directory.EnumerateFiles(reports, "*.xml", SearchOption.AllDirectories).Any();
    }

    /// <summary>
    /// Tests that really fail: their output goes to the log, so the user sees which, and they are a finding no baseline
    /// holds. In a repo with test projects of both modes the fix names them: no one <c>dotnet test</c> runs both.
    /// </summary>
    private UnbaselinableFinding TestsFail(CommandResult run, string workspace)
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet test failed (exit code {run.ExitCode}); its output ends with:"));
        log.WriteLine(TestCommand.Tail(run.Output, workspace));
        var fix = testProjects.Mixed
            ? $"tests fail: the repo has test projects on Microsoft.Testing.Platform ({string.Join(", ", testProjects.TestingPlatform)}) and others only VSTest runs ({string.Join(", ", testProjects.VSTestOnly)}). {TestRunnerChoice.MixedModesFix} (the test output is above)."
            : "tests fail: fix them (the test output is above; `CI=true dotnet test` runs them again).";
        return new UnbaselinableFinding(
            new BuildDiagnostic("TEST", true, string.Empty, 0, 0, string.Create(CultureInfo.InvariantCulture, $"dotnet test failed (exit code {run.ExitCode})")),
            fix);
    }
}
