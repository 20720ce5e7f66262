using System.Globalization;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>What the workspace's builds and tests found and recorded.</summary>
/// <param name="Findings">Every distinct finding of the builds.</param>
/// <param name="CodeEntries">The code baseline's entries that suppress what they were recorded for.</param>
/// <param name="Remaining">What still fails and no baseline can hold.</param>
/// <param name="Green">True when the CI-mode build and the tests pass with the baselines.</param>
/// <param name="ChangeLines">One line per nullable decision, then the coverage minimums' line when they were set.</param>
/// <param name="NotAnalysed">The projects on Standards.Sdk whose code the survey build did not compile, with why.</param>
internal sealed record SurveyResult(
    IReadOnlyList<BuildDiagnostic> Findings,
    IReadOnlyList<CodeEntry> CodeEntries,
    IReadOnlyList<UnbaselinableFinding> Remaining,
    bool Green,
    IReadOnlyList<string> ChangeLines,
    IReadOnlyList<string> NotAnalysed);

/// <summary>
/// The survey step of <c>dotnet standards adopt</c>, in the workspace: the repo copied with the edits applied and
/// committed in a fresh git repo (as the repo will be once the adoption is committed), restored, then built in CI
/// mode until green or stuck, and tested as CI tests it (<see cref="CoverageSurvey"/>). It records what CI fails on
/// in the workspace's baselines and decides, per file, whether nullable stays on. One instance per run.
/// </summary>
internal sealed partial class AdoptionSurvey(WorkspaceCommands commands, TextWriter log, TimeProvider clock, int nullableLimit, IReadOnlyList<NullableTurnOn> nullable, TestProjectKinds testProjects)
{
    /// <summary>
    /// Most CI-mode builds after the survey build. One is enough unless the survey could not compile through a
    /// library (a compiler error, or an error severity set by the repo's own .editorconfig); each further build is a
    /// safety net that records what the previous one failed on.
    /// </summary>
    public const int MaxVerificationBuilds = 3;

    private readonly List<string> decisionLines = [];
    private readonly List<BuildDiagnostic> all = [];
    private readonly HashSet<(string, string, int, int, string)> seen = [];
    private readonly HashSet<CodeEntry> entries = [];
    private IReadOnlyList<string> notAnalysed = [];

    /// <summary>The day the exceptions adopt writes are dated from.</summary>
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().Date);
    private int surveyBuilds;

    /// <summary>Surveys <paramref name="workspace"/> after writing <paramref name="changes"/> into it; what it writes there that the repo keeps joins <paramref name="changes"/>.</summary>
    public SurveyResult Run(string root, string workspace, IReadOnlyList<string> projects, ChangeSet changes)
    {
        var solution = PrepareWorkspace(root, workspace, projects, changes);
        Restore(root, workspace, solution, changes);
        var surveyed = SurveyRounds(workspace, solution, projects, changes);
        KeepNullableWithinLimit(root, workspace, changes);
        var (last, green) = VerificationBuilds(workspace, solution, surveyed, changes);
        var remaining = DropEntriesThatDidNotSuppress(last, workspace);

        // A partial survey is no verdict: what it did not analyse is not known to pass.
        green = green && notAnalysed.Count == 0;
        IReadOnlyList<string> coverageChanges = [];
        if (green)
        {
            (remaining, coverageChanges) = new CoverageSurvey(commands, log, testProjects, Today).Run(workspace, solution, changes);
            foreach (var line in coverageChanges)
            {
                log.WriteLine(line);
            }

            green = remaining.Count == 0;
        }

        return new SurveyResult(all, entries.ToList(), remaining, green, [.. decisionLines, .. coverageChanges], notAnalysed);
    }

    /// <summary>The edits written into the workspace and committed, and a solution of the projects adopt builds; returns the solution's path.</summary>
    private string PrepareWorkspace(string root, string workspace, IReadOnlyList<string> projects, ChangeSet changes)
    {
        foreach (var (file, content) in changes.Files)
        {
            var target = Path.Combine(workspace, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        // Licence entries are judged by each project's build: dropped here, so the survey build reports every licence
        // finding and the entries are recorded anew from what it reports.
        ProjectEntries.Drop(workspace);

        // The survey builds read the repo as CI will after the adoption is committed: a git repo with every file committed.
        // The copy holds exactly the files the repo's build judges (what git tracks, whatever .gitignore says, and what
        // it sees untracked), so all of them are added, ignored or not: a tracked file that .gitignore matches (a
        // force-added .env) is tracked here too, and the checks of tracked files (secrets) see it as CI does.
        commands.Git(workspace, "init", "-q");

        // SourceLink names the remote 'origin' in a library's package (RepositoryUrl, under PublishRepositoryUrl) and
        // the package checks judge it (STD6053): the copy has the repo's origin, so the survey judges the package CI
        // packs, and records no finding that the repo's own build does not report.
        if (commands.GitOutput(root, "config", "--get", "remote.origin.url")?.Trim() is { Length: > 0 } origin)
        {
            // "--": a URL is never read as an option of git remote, whatever it starts with.
            commands.Git(workspace, "remote", "add", "--", "origin", origin);
        }

        commands.Git(workspace, "add", "--all", "--force");
        commands.CommitAll(workspace, "adopt", allowEmpty: false);
        var solution = Path.Combine(workspace, "standards-adopt.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{System.Security.SecurityElement.Escape(p)}\" />\n")) + "</Solution>\n");
        File.AppendAllText(Path.Combine(workspace, ".git", "info", "exclude"), "\nstandards-adopt.slnx\n");
        File.Delete(Path.Combine(workspace, CodeBaselineDocument.FileName));
        return solution;
    }

    /// <summary>The feeds the copy's NuGet configuration (the repo's) serves Standards.Sdk from, named for the advice on a missing version.</summary>
    private static string Feeds(string workspace)
    {
        try
        {
            return new Upgrade.NuGetPackageFeeds(workspace).Describe(ProjectFileEditor.StandardsSdk);
        }
        catch (ToolException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// The restore that writes the lock files, which are then committed in the workspace as the adoption commits them.
    /// Its own command, not the survey build's restore: that build runs in CI mode, where restore is locked
    /// (RestoreLockedMode: a missing or stale lock file fails, none is written), and its repository checks must find
    /// the lock files already committed (else STD2004), which needs the commit between the two.
    /// </summary>
    private void Restore(string root, string workspace, string solution, ChangeSet changes)
    {
        log.WriteLine("Restoring (writes the lock files)...");
        var restore = commands.Dotnet(workspace, ci: false, "restore", solution, "--force-evaluate", "-nologo", "-v:q");
        if (restore.ExitCode != 0 && LeavePinningOff(root, workspace, changes, BuildOutput.Parse(restore.Output, workspace)))
        {
            log.WriteLine("Restoring again, transitive pinning off...");
            restore = commands.Dotnet(workspace, ci: false, "restore", solution, "--force-evaluate", "-nologo", "-v:q");
        }

        if (restore.ExitCode != 0)
        {
            var failed = BuildOutput.Parse(restore.Output, workspace).Where(d => d.IsError).Take(5).ToList();
            var errors = string.Join(" | ", failed.Select(d => $"{d.Code}: {d.Message}"));
            var hint = failed.Select(d => d.Code).FirstOrDefault(c => BuildFailures.Codes.Contains(c)) is { } code
                ? BuildFailures.Hint(code, () => Feeds(workspace))
                : "Fix what the restore reports (`dotnet restore` in the repo shows the same), then run the command again.";
            throw new ToolException(ToolRuleIds.BuildFailed, $"`dotnet restore` failed after the edits: {BuildFailures.Sentence(errors)} {hint} Nothing was written.");
        }

        // A restore that passed over a project (NU1503, a warning) restored nothing for it: the builds would measure nothing.
        BuildFailures.ThrowIfDidNotRun("`dotnet restore`", BuildOutput.Parse(restore.Output, workspace), () => Feeds(workspace));

        // The lock files are committed with the adoption, so the checks must see them committed (else STD2004).
        commands.CommitAll(workspace, "lock files", allowEmpty: true);
    }

    /// <summary>
    /// A restore that failed only because of adopt's own transitive pinning (NU1109 downgrades, and the repo's
    /// Directory.Packages.props does not set pinning itself) is not the repo's fault: pinning is left off in the
    /// workspace and the change set, with a dated STD2001 exception that names the packages (<see cref="TransitivePinning"/>).
    /// Returns true when it did so and the restore must run again.
    /// </summary>
    private bool LeavePinningOff(string root, string workspace, ChangeSet changes, IReadOnlyList<BuildDiagnostic> restored)
    {
        var downgrades = TransitivePinning.Downgrades(restored);
        var props = changes.Get(CentralPackages.FileName);
        if (downgrades.Count == 0 || props is null
            || !TransitivePinning.IsAdoptsOwn(WorkspaceCommands.ReadOrNull(RepoPath.Resolve(root, CentralPackages.FileName, RepoFiles.FileList))))
        {
            return false;
        }

        var off = TransitivePinning.TurnOff(props, downgrades);
        File.WriteAllText(Path.Combine(workspace, CentralPackages.FileName), off);
        changes.Set(CentralPackages.FileName, off);
        var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
        var policy = TransitivePinning.AddException(WorkspaceCommands.ReadOrNull(policyPath), downgrades, Today);
        File.WriteAllText(policyPath, policy);
        changes.Set(CoverageMinimums.PolicyFile, policy);
        decisionLines.Add(TransitivePinning.ChangeLine(downgrades));
        commands.CommitAll(workspace, "transitive pinning off", allowEmpty: false);
        return true;
    }

    /// <summary>
    /// One survey build finds every project's findings whatever the depth of its project references: CI mode in
    /// every respect (the repository checks with CI severities rewrite the repo baseline, every task judges as in
    /// CI), except that the compiler turns no warning into an error, so no library's findings stop its dependents
    /// from compiling. Each compilation prints how CI treats its warnings, and exactly the findings a CI build
    /// fails on are recorded.
    /// </summary>
    private (IReadOnlyList<BuildDiagnostic> Surveyed, SurveyCompilations Compilations) SurveyBuild(string workspace, string solution, IReadOnlyList<string> projects, int round)
    {
        log.WriteLine(round == 1
            ? "Building in survey mode (CI mode, warnings not errors: every project compiles; records what CI fails on)..."
            : string.Create(CultureInfo.InvariantCulture, $"Building in survey mode, round {round} (what the previous round recorded applied)..."));
        var surveyBuild = commands.Dotnet(workspace, ci: true, "build", solution, "--no-restore", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary",
            "-p:StandardsUpdateBaseline=true", $"-p:{Standards.Sdk.Checks.ProjectPolicy.LockedSettingsCheck.SurveyBuildProperty}=true");
        surveyBuilds++;
        var compilations = SurveyCompilations.Parse(surveyBuild.Output, workspace, WorkspaceCommands.ReadOrNull);
        var surveyed = compilations.WithProjects(BuildOutput.Parse(surveyBuild.Output, workspace));
        BuildFailures.ThrowIfDidNotRun("The survey build", surveyed, () => Feeds(workspace));
        all.AddRange(surveyed.Where(d => seen.Add(d.Identity)));
        notAnalysed = compilations.NotAnalysed(projects, p => WorkspaceCommands.ReadOrNull(Path.Combine(workspace, p)), surveyed);
        ThrowIfNothingAnalysed(compilations, projects.Count(p => ProjectFileEditor.IsOnStandardsSdk(WorkspaceCommands.ReadOrNull(Path.Combine(workspace, p)))), surveyed);
        Record(surveyed.Where(compilations.FailsInCi), workspace);
        ProjectEntries.Add(workspace, surveyed.Where(d => ProjectFindingsBaseline.IsJudgedByProjects(d.Code) && compilations.FailsInCi(d)));
        return (surveyed, compilations);
    }

    /// <summary>
    /// Then CI-mode builds exactly as CI runs them (a rebuild: what the survey compiled with warnings must be
    /// compiled again to be judged), which must be green. The loop is a safety net for what the survey cannot
    /// compile through (a compiler error, or a severity raised to error by the repo's own .editorconfig, in a
    /// library); it does not grow with the depth of the project references.
    /// </summary>
    private (IReadOnlyList<BuildDiagnostic> Last, bool Green) VerificationBuilds(string workspace, string solution, IReadOnlyList<BuildDiagnostic> surveyed, ChangeSet changes)
    {
        var last = surveyed;
        var green = false;
        var builds = surveyBuilds;
        for (var round = 1; round <= MaxVerificationBuilds; round++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Building in CI mode, verification {round} (must be green with the baselines)..."));
            var build = commands.Dotnet(workspace, ci: true, "build", solution, "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary");
            builds++;
            last = BuildOutput.Parse(build.Output, workspace);
            BuildFailures.ThrowIfDidNotRun("The CI-mode verification build", last);
            all.AddRange(last.Where(d => seen.Add(d.Identity)));
            // A weakening the survey could not see (its project stopped before the compiler) is excepted here, and a
            // project-judged finding (a package licence) it did not report is recorded from the build CI reports it in.
            var fresh = Record(last.Where(d => d.IsError), workspace) + ExceptWeakenings(workspace, last.Where(d => d.IsError), changes)
                + ExceptLongMembers(workspace, last.Where(d => d.IsError), changes)
                + ProjectEntries.Add(workspace, last.Where(d => d.IsError && ProjectFindingsBaseline.IsJudgedByProjects(d.Code)));
            green = build.ExitCode == 0;
            if (green || fresh == 0)
            {
                break;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Builds: {builds} ({surveyBuilds} survey, {builds - surveyBuilds} in CI mode); {(green ? "the CI-mode build is green" : "the CI-mode build fails")}."));
        return (last, green);
    }

    /// <summary>
    /// What still fails cannot be baselined: no entry (an id the suppressor does not declare), or an entry that
    /// did not suppress it (a compiler error: suppressors only reach warnings, also when raised to errors).
    /// Entries that did not work are dropped, so the baseline holds only what it really suppresses.
    /// </summary>
    private List<UnbaselinableFinding> DropEntriesThatDidNotSuppress(IReadOnlyList<BuildDiagnostic> last, string workspace)
    {
        var remaining = last.Where(d => d.IsError).Select(d => new UnbaselinableFinding(d, UnbaselinableFix.For(d))).ToList();
        foreach (var left in remaining)
        {
            if (CodeBaselineDocument.EntryFor(left.Diagnostic, f => WorkspaceCommands.ReadLines(workspace, f)) is { } useless)
            {
                entries.Remove(useless);
            }
        }

        return remaining;
    }

    /// <summary>
    /// A survey build that compiled the code of none of the projects on Standards.Sdk and reported no error measured
    /// nothing: its count of findings would be a pass on nothing, so it is <see cref="ToolRuleIds.NothingAnalysed"/>
    /// with why each project was not analysed. (With errors, the projects stopped on findings: those are recorded,
    /// excepted or reported as not baselinable, and the CI-mode builds judge the code.)
    /// </summary>
    private void ThrowIfNothingAnalysed(SurveyCompilations compilations, int onSdk, IReadOnlyList<BuildDiagnostic> surveyed)
    {
        if (compilations.Count > 0 || onSdk == 0 || surveyed.Any(d => d.IsError))
        {
            return;
        }

        throw new ToolException(ToolRuleIds.NothingAnalysed, string.Create(CultureInfo.InvariantCulture,
            $"the survey build compiled the code of none of the {onSdk} project(s) on Standards.Sdk, so there is nothing to count: {string.Join(" | ", notAnalysed.Take(3))}{(notAnalysed.Count > 3 ? " ..." : string.Empty)}. Fix what stops them before the compiler (`CI=true dotnet build` in the repo shows it); nothing was written."));
    }

    /// <summary>
    /// The files that turned nullable off were turned on for the survey build. Each keeps nullable on, with its
    /// nullable warnings in the code baseline, unless its code has more than the limit: then the file is put back
    /// as it was, standards.json gets a dated STD0101 exception with an owner to fill in, and the warnings leave the
    /// baseline. One line per file says which.
    /// </summary>
    private void KeepNullableWithinLimit(string root, string workspace, ChangeSet changes)
    {
        foreach (var turnOn in nullable)
        {
            var warnings = NullableAdoption.Warnings(turnOn, entries);
            if (warnings.Count <= nullableLimit)
            {
                decisionLines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{turnOn.File}: nullable turned on ({string.Join(", ", turnOn.Settings)} -> enable): new code is checked from day one; today's {warnings.Count} nullable warning(s) are recorded in the code baseline at their places"));
                continue;
            }

            File.WriteAllText(Path.Combine(workspace, turnOn.File), turnOn.Before);
            if (string.Equals(turnOn.Before, WorkspaceCommands.ReadOrNull(RepoPath.Resolve(root, turnOn.File, RepoFiles.FileList)), StringComparison.Ordinal))
            {
                changes.Remove(turnOn.File);
            }
            else
            {
                changes.Set(turnOn.File, turnOn.Before);
            }

            var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
            var policy = NullableAdoption.AddException(WorkspaceCommands.ReadOrNull(policyPath), turnOn, warnings.Count, nullableLimit, Today);
            File.WriteAllText(policyPath, policy);
            changes.Set(CoverageMinimums.PolicyFile, policy);
            entries.ExceptWith(warnings);
            decisionLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{turnOn.File}: nullable left off ({string.Join(", ", turnOn.Settings)}): its code has {warnings.Count} nullable warnings, more than the {nullableLimit} adopt records in the code baseline; {CoverageMinimums.PolicyFile} gets a dated STD0101 exception for \"{turnOn.Scope}\" (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days)"));
        }

        File.WriteAllText(Path.Combine(workspace, CodeBaselineDocument.FileName), CodeBaselineDocument.Write(entries));
    }

    /// <summary>
    /// Every weakening of a locked setting the repo already has (STD0101 or STD0103 at a pragma, a
    /// [SuppressMessage], a #nullable disable, a NoWarn, an analyzer config severity) gets a dated exception in
    /// standards.json, scoped to its file or project, with its reason and an owner to fill in
    /// (<see cref="WeakeningExceptions"/>), so the CI build is green and a new weakening still fails. Returns how many
    /// it wrote.
    /// </summary>
    private int ExceptWeakenings(string workspace, IEnumerable<BuildDiagnostic> failing, ChangeSet changes) =>
        AddExceptions(workspace, changes, policy => WeakeningExceptions.New(policy, failing), WeakeningExceptions.Add);

    /// <summary>
    /// Every file with a member longer than STD1002's limit gets a dated, file-scoped STD1002 exception in
    /// standards.json (<see cref="LongMemberExceptions"/>), and its members move in the code baseline from STD1002,
    /// which no entry can suppress, to STD1001, which the build reports for them there once the exception is in
    /// force. Returns how many files it excepted.
    /// </summary>
    private int ExceptLongMembers(string workspace, IEnumerable<BuildDiagnostic> failing, ChangeSet changes)
    {
        string[]? Lines(string file) => WorkspaceCommands.ReadLines(workspace, file);
        var excepted = AddExceptions(workspace, changes, policy => LongMemberExceptions.New(policy, failing), LongMemberExceptions.Add, members =>
        {
            foreach (var member in members)
            {
                if (CodeBaselineDocument.EntryFor(member, Lines) is { } farTooLong)
                {
                    entries.Remove(farTooLong);
                }

                if (CodeBaselineDocument.EntryFor(LongMemberExceptions.AsTargetFinding(member), Lines) is { } target)
                {
                    entries.Add(target);
                }
            }
        });
        if (excepted > 0)
        {
            File.WriteAllText(Path.Combine(workspace, CodeBaselineDocument.FileName), CodeBaselineDocument.Write(entries));
        }

        return excepted;
    }

    /// <summary>
    /// Adds to the workspace's standards.json an exception for each item <paramref name="select"/> finds new in it,
    /// with <paramref name="add"/> (which also gives the line adopt prints), does <paramref name="then"/> for each,
    /// and writes the file into the workspace and the change set; returns how many it added.
    /// </summary>
    private int AddExceptions<T>(string workspace, ChangeSet changes, Func<string?, IReadOnlyList<T>> select,
        Func<string?, T, DateOnly, (string Policy, string ChangeLine)> add, Action<T>? then = null)
    {
        var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
        var policy = WorkspaceCommands.ReadOrNull(policyPath);
        var items = select(policy);
        if (items.Count == 0)
        {
            return 0;
        }

        var today = Today;
        foreach (var item in items)
        {
            (policy, var line) = add(policy, item, today);
            decisionLines.Add(line);
            then?.Invoke(item);
        }

        File.WriteAllText(policyPath, policy);
        changes.Set(CoverageMinimums.PolicyFile, policy!);
        return items.Count;
    }

    /// <summary>Adds the code baseline entries of the findings and writes the file; returns how many are new.</summary>
    private int Record(IEnumerable<BuildDiagnostic> failing, string workspace)
    {
        var fresh = failing.Select(d => CodeBaselineDocument.EntryFor(d, f => WorkspaceCommands.ReadLines(workspace, f))).OfType<CodeEntry>().Count(entries.Add);
        File.WriteAllText(Path.Combine(workspace, CodeBaselineDocument.FileName), CodeBaselineDocument.Write(entries));
        return fresh;
    }
}
