using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// <c>dotnet standards adopt</c>: takes an existing repo to a green CI-mode build on Standards.Sdk. Everything
/// happens first in a copy of the repo (a temporary workspace): the edits, the restore that writes the lock files,
/// one survey build (CI mode with warnings not errors, so every project compiles whatever the depth of its
/// references) that records every finding a CI build fails on in the baselines, and a CI-mode build that must be
/// green. Only then is the change set written to the repo, all files or none; with --dry-run, not at all.
/// </summary>
public sealed class Adopter(ICommandRunner runner, TextWriter log)
{
    /// <summary>
    /// Most CI-mode builds after the survey build. One is enough unless the survey could not compile through a
    /// library (a compiler error, or an error severity set by the repo's own .editorconfig); each further build is a
    /// safety net that records what the previous one failed on.
    /// </summary>
    public const int MaxVerificationBuilds = 3;

    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "TEAMCITY_VERSION", "JENKINS_URL", "BUILD_ID"];

    private readonly List<NullableTurnOn> nullable = [];
    private readonly List<string> nullableLines = [];
    private IReadOnlyList<string> notAnalysed = [];
    private int nullableLimit = NullableAdoption.DefaultLimit;

    /// <summary>The clock that dates the exceptions adopt records.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Runs the adoption.</summary>
    public AdoptionResult Run(AdoptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.Path);
        if (!Directory.Exists(root))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is or goes).");
        }

        // A run killed while it wrote the repo left a journal: its files are put back first, so the tree is the user's again.
        var recovered = Update.TreeWrite.RecoverInterrupted(root);
        var git = RepoFiles.IsGitRepo(runner, root);
        if (git && !options.AllowDirty)
        {
            var dirty = RepoFiles.Uncommitted(runner, root);
            if (dirty.Count > 0)
            {
                throw new ToolException(ToolRuleIds.DirtyTree,
                    $"the git tree has {dirty.Count} uncommitted change(s) ({string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", ..." : string.Empty)}). Commit or stash them first, so the adoption is one reviewable change, or pass --allow-dirty.");
            }
        }

        var files = RepoFiles.List(runner, root, git);
        var projects = files.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        if (projects.Count == 0)
        {
            throw new ToolException(ToolRuleIds.NoProjects,
                $"no C# project (*.csproj) under {root}{(git ? " that git tracks or sees" : string.Empty)}. Run the command in the repo's root folder.");
        }

        var oldRepoBaseline = ReadRepoBaseline(root);
        var oldCodeBaseline = File.Exists(Path.Combine(root, CodeBaselineDocument.FileName))
            ? CodeBaselineDocument.Read(File.ReadAllText(Path.Combine(root, CodeBaselineDocument.FileName)))
            : null;

        var changeLines = new List<string>();
        if (recovered.Count > 0)
        {
            changeLines.Add(Update.TreeWrite.Recovered(recovered));
        }

        var leftAlone = LeaveTemplatesAlone(root, files, projects);
        changeLines.AddRange(leftAlone);
        nullableLimit = options.NullableLimit;
        nullable.Clear();
        nullableLines.Clear();
        notAnalysed = [];
        var changes = PlanEdits(root, files, projects, options.SdkVersion, changeLines, nullable);
        var weakened = FindWeakenedRules(root, files, projects);

        // The copy resolves the repo's package sources as the repo does (relative feeds, parent nuget.config files).
        var copy = WorkspaceCopy.Create(root, files, "standards-adopt-");
        var workspace = copy.Folder;
        try
        {
            var survey = Survey(root, workspace, projects, changes);
            changeLines.AddRange(nullableLines);
            if (CoverageChange is not null)
            {
                changeLines.Add(CoverageChange);
            }

            AddWorkspaceOutputs(root, workspace, files, changes, oldRepoBaseline is not null, oldCodeBaseline is not null, survey.CodeEntries, changeLines);
            var newRepo = ReadRepoBaselineText(changes.Get(BaselineFile.DefaultFileName) ?? (File.Exists(Path.Combine(root, BaselineFile.DefaultFileName)) ? File.ReadAllText(Path.Combine(root, BaselineFile.DefaultFileName)) : null));
            var removable = Removed(oldRepoBaseline, newRepo, oldCodeBaseline, survey.CodeEntries);
            var added = Added(oldRepoBaseline, newRepo, oldCodeBaseline, survey.CodeEntries);
            if (!options.DryRun && changes.Files.Count > 0)
            {
                changes.Commit(root);
            }

            return new AdoptionResult
            {
                Changes = changes,
                ChangeLines = changeLines,
                // The repo findings were recorded by the survey build's baseline update (logged as messages), so they come from the file.
                // (Licence entries were recorded from the survey build's own findings, which are already among them.)
                Findings = [.. survey.Findings, .. (newRepo?.Entries ?? []).Where(e => !ProjectFindingsBaseline.IsJudgedByProjects(e.Code)).Select(e => new BuildDiagnostic(e.Code, false, e.File, 0, 0, e.Message))],
                RepoEntries = newRepo?.Entries.Count ?? 0,
                CodeEntries = survey.CodeEntries,
                Removable = removable,
                Added = added,
                NotBaselinable = survey.Remaining,
                CiBuildGreen = survey.Green,
                Written = !options.DryRun && changes.Files.Count > 0,
                LeftAlone = leftAlone,
                WeakenedRules = weakened,
                NotAnalysed = notAnalysed,
            };
        }
        finally
        {
            copy.Delete();
        }
    }

    /// <summary>
    /// Takes the projects of a template pack (its content and its pack project) out of <paramref name="projects"/>:
    /// adopt neither edits nor builds them. One line
    /// per project for the user; STD7503 when nothing is left to adopt.
    /// </summary>
    private static List<string> LeaveTemplatesAlone(string root, IReadOnlyList<string> files, List<string> projects)
    {
        var roots = TemplateContent.Roots(files);
        var lines = new List<string>();
        foreach (var project in projects.ToList())
        {
            if (TemplateContent.Reason(project, File.ReadAllText(Path.Combine(root, project)), roots) is { } reason)
            {
                projects.Remove(project);
                lines.Add($"{project}: left alone: {reason}");
            }
        }

        if (projects.Count == 0)
        {
            throw new ToolException(ToolRuleIds.NoProjects,
                $"every C# project under {root} is part of a dotnet new template pack ({string.Join(", ", lines.Select(l => l.Split(':')[0]))}), which adopt leaves alone. Run the command in a repo with projects of its own.");
        }

        return lines;
    }

    /// <summary>The rules the projects and their Directory.Build files (not a template's) switch off themselves.</summary>
    private static List<string> FindWeakenedRules(string root, IReadOnlyList<string> files, IReadOnlyList<string> projects)
    {
        var templateRoots = TemplateContent.Roots(files);
        return projects
            .Concat(files.Where(f => Path.GetFileName(f) is "Directory.Build.props" or "Directory.Build.targets" && !TemplateContent.IsUnder(f, templateRoots)))
            .SelectMany(f => WeakenedRules.Find(f, File.ReadAllText(Path.Combine(root, f))))
            .ToList();
    }

    private static BaselineFile? ReadRepoBaseline(string root)
    {
        var path = Path.Combine(root, BaselineFile.DefaultFileName);
        return File.Exists(path) ? ReadRepoBaselineText(File.ReadAllText(path)) : null;
    }

    private static BaselineFile? ReadRepoBaselineText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (baseline, problems) = BaselineFile.Parse(BaselineFile.DefaultFileName, text);
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new ToolException(ToolRuleIds.BaselineMalformed, first.Message, BaselineFile.DefaultFileName, first.Line);
        }

        return baseline;
    }

    /// <summary>The edits of global.json, the projects and Directory.Packages.props, in memory.</summary>
    private static ChangeSet PlanEdits(string root, IReadOnlyList<string> files, IReadOnlyList<string> projects, string version, List<string> changeLines, List<NullableTurnOn> nullable)
    {
        var changes = new ChangeSet();
        string? Read(string relative) => File.Exists(Path.Combine(root, relative)) ? File.ReadAllText(Path.Combine(root, relative)) : null;

        var globalJson = GlobalJsonEditor.Pin(Read(GlobalJsonEditor.FileName), version, out var globalChange);
        if (globalJson is not null)
        {
            changes.Set(GlobalJsonEditor.FileName, globalJson);
            changeLines.Add(globalChange);
        }

        // Every MSBuild file that may carry PackageReferences: the projects and the Directory.Build files (not a template's).
        var templateRoots = TemplateContent.Roots(files);
        var msbuildFiles = projects
            .Concat(files.Where(f => Path.GetFileName(f) is "Directory.Build.props" or "Directory.Build.targets" && !TemplateContent.IsUnder(f, templateRoots)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var texts = msbuildFiles.ToDictionary(f => f, f => Read(f)!, StringComparer.Ordinal);
        var unparsable = new List<ToolException>();
        foreach (var project in projects)
        {
            try
            {
                var edit = ProjectFileEditor.AdoptSdk(project, texts[project]);
                texts[project] = edit.NewText;
                changeLines.AddRange(edit.Changes);
            }
            catch (ToolException ex) when (ex.Code == ToolRuleIds.ProjectUnparsable)
            {
                unparsable.Add(ex);
            }
        }

        if (unparsable.Count > 0)
        {
            var first = unparsable[0];
            var others = unparsable.Count > 1 ? $" ({unparsable.Count - 1} more: {string.Join(", ", unparsable.Skip(1).Select(u => u.File))})" : string.Empty;
            throw new ToolException(first.Code, first.Message + others, first.File, first.Line);
        }

        var excepted = NullableAdoption.ExceptedScopes(Read(CoverageMinimums.PolicyFile));
        var inline = msbuildFiles.SelectMany(f => ProjectFileEditor.TakeInlineVersions(f, texts[f]).Versions).ToList();
        var central = CentralPackages.Choose(inline);
        foreach (var file in msbuildFiles)
        {
            var edit = ProjectFileEditor.TakeInlineVersions(file, texts[file], central);
            texts[file] = edit.NewText;
            changeLines.AddRange(edit.Changes);
            if (NullableAdoption.TurnOn(file, edit.NewText, projects.Contains(file, StringComparer.Ordinal)) is { } turnOn && !excepted.Contains(turnOn.Scope))
            {
                texts[file] = turnOn.After;
                nullable.Add(turnOn);
            }

            if (!string.Equals(texts[file], Read(file), StringComparison.Ordinal))
            {
                changes.Set(file, texts[file]);
            }
        }

        PlanRepoFiles(changes, changeLines, Read);

        var existingPackages = Read(CentralPackages.FileName);
        var packages = CentralPackages.Write(existingPackages, central);
        if (packages is not null)
        {
            changes.Set(CentralPackages.FileName, packages);
            changeLines.Add($"{CentralPackages.FileName}: {(existingPackages is null ? "created" : "updated")}: central package management with transitive pinning, {central.Count} package version(s)");
        }

        return changes;
    }

    /// <summary>The repo-level files adopt writes or extends: .gitignore (artifacts/) and Directory.Solution.targets (the solution entry).</summary>
    private static void PlanRepoFiles(ChangeSet changes, List<string> changeLines, Func<string, string?> read)
    {
        var existingIgnore = read(GitIgnoreEditor.FileName);
        if (GitIgnoreEditor.IgnoreArtifacts(existingIgnore) is { } gitIgnore)
        {
            changes.Set(GitIgnoreEditor.FileName, gitIgnore);
            changeLines.Add($"{GitIgnoreEditor.FileName}: {(existingIgnore is null ? "created" : "updated")}: ignores artifacts/ (the build's reports), so `git add -A` does not commit them");
        }

        var existingEntry = read(SolutionEntry.FileName);
        if (SolutionEntry.Write(existingEntry) is { } entry)
        {
            changes.Set(SolutionEntry.FileName, entry);
            changeLines.Add($"{SolutionEntry.FileName}: {(existingEntry is null ? "created" : "updated")}: imports Standards.Sdk's solution entry, so the coverage step on a solution (dotnet build <solution> -t:StandardsCoverage) runs in the projects on Standards.Sdk and leaves the others alone");
        }
    }

    private sealed record SurveyResult(IReadOnlyList<BuildDiagnostic> Findings, IReadOnlyList<CodeEntry> CodeEntries, IReadOnlyList<UnbaselinableFinding> Remaining, bool Green);

    /// <summary>The workspace: the repo copied with the edits applied and committed in a fresh git repo (as the repo will be once the adoption is committed), restored, then built in CI mode until green or stuck.</summary>
    private SurveyResult Survey(string root, string workspace, IReadOnlyList<string> projects, ChangeSet changes)
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
        Git(workspace, "init", "-q");
        Git(workspace, "add", "-A");
        Git(workspace, "-c", "user.name=Standards.Sdk", "-c", "user.email=standards@localhost", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "adopt");
        var solution = Path.Combine(workspace, "standards-adopt.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{System.Security.SecurityElement.Escape(p)}\" />\n")) + "</Solution>\n");
        File.AppendAllText(Path.Combine(workspace, ".git", "info", "exclude"), "\nstandards-adopt.slnx\n");
        File.Delete(Path.Combine(workspace, CodeBaselineDocument.FileName));

        log.WriteLine("Restoring (writes the lock files)...");
        var restore = Dotnet(workspace, ci: false, "restore", solution, "--force-evaluate", "-nologo", "-v:q");
        if (restore.ExitCode != 0)
        {
            var errors = BuildOutput.Parse(restore.Output, workspace).Where(d => d.IsError).Take(5).Select(d => $"{d.Code}: {d.Message}");
            throw new ToolException(ToolRuleIds.BuildFailed,
                $"`dotnet restore` failed after the edits: {string.Join(" | ", errors)}. If Standards.Sdk could not be found, add the feed that has it to nuget.config with a package source mapping for Standards.* (docs/adopting.md); nothing was written.");
        }

        // A restore that passed over a project (NU1503, a warning) restored nothing for it: the builds would measure nothing.
        BuildFailures.ThrowIfDidNotRun("`dotnet restore`", BuildOutput.Parse(restore.Output, workspace));

        // The lock files are committed with the adoption, so the checks must see them committed (else STD2004).
        Git(workspace, "add", "-A");
        Git(workspace, "-c", "user.name=Standards.Sdk", "-c", "user.email=standards@localhost", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "lock files");
        var all = new List<BuildDiagnostic>();
        var seen = new HashSet<(string, string, int, int, string)>();
        var entries = new HashSet<CodeEntry>();

        // One survey build finds every project's findings whatever the depth of its project references: CI mode in
        // every respect (the repository checks with CI severities rewrite the repo baseline, every task judges as in
        // CI), except that the compiler turns no warning into an error, so no library's findings stop its dependents
        // from compiling. Each compilation prints how CI treats its warnings, and exactly the findings a CI build
        // fails on are recorded.
        log.WriteLine("Building in survey mode (CI mode, warnings not errors: every project compiles; records what CI fails on)...");
        var surveyBuild = Dotnet(workspace, ci: true, "build", solution, "--no-restore", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary",
            "-p:StandardsUpdateBaseline=true", $"-p:{Standards.Sdk.Checks.Policy.LockedSettingsCheck.SurveyBuildProperty}=true");
        var builds = 1;
        var surveyed = BuildOutput.Parse(surveyBuild.Output, workspace);
        var compilations = SurveyCompilations.Parse(surveyBuild.Output, workspace, ReadOrNull);
        BuildFailures.ThrowIfDidNotRun("The survey build", surveyed);
        all.AddRange(surveyed.Where(d => seen.Add(d.Identity)));
        notAnalysed = compilations.NotAnalysed(projects, p => ReadOrNull(Path.Combine(workspace, p)), surveyed);
        ThrowIfNothingAnalysed(compilations, projects.Count(p => ProjectFileEditor.IsOnStandardsSdk(ReadOrNull(Path.Combine(workspace, p)))), surveyed);
        Record(surveyed.Where(compilations.FailsInCi), workspace, entries);
        ProjectEntries.Add(workspace, surveyed.Where(d => ProjectFindingsBaseline.IsJudgedByProjects(d.Code) && compilations.FailsInCi(d)));
        KeepNullableWithinLimit(root, workspace, entries, changes);
        ExceptNullableOffInSource(workspace, surveyed.Where(compilations.FailsInCi), changes);

        // Then CI-mode builds exactly as CI runs them (a rebuild: what the survey compiled with warnings must be
        // compiled again to be judged), which must be green. The loop is a safety net for what the survey cannot
        // compile through (a compiler error, or a severity raised to error by the repo's own .editorconfig, in a
        // library); it does not grow with the depth of the project references.
        IReadOnlyList<BuildDiagnostic> last = surveyed;
        var green = false;
        for (var round = 1; round <= MaxVerificationBuilds; round++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Building in CI mode, verification {round} (must be green with the baselines)..."));
            var build = Dotnet(workspace, ci: true, "build", solution, "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-v:m", "-clp:NoSummary");
            builds++;
            last = BuildOutput.Parse(build.Output, workspace);
            BuildFailures.ThrowIfDidNotRun("The CI-mode verification build", last);
            all.AddRange(last.Where(d => seen.Add(d.Identity)));
            var fresh = Record(last.Where(d => d.IsError), workspace, entries);
            green = build.ExitCode == 0;
            if (green || fresh == 0)
            {
                break;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Builds: {builds} (1 survey, {builds - 1} in CI mode); {(green ? "the CI-mode build is green" : "the CI-mode build fails")}."));

        // What still fails cannot be baselined: no entry (an id the suppressor does not declare), or an entry that
        // did not suppress it (a compiler error: suppressors only reach warnings, also when raised to errors).
        // Entries that did not work are dropped, so the baseline holds only what it really suppresses.
        var remaining = last.Where(d => d.IsError).Select(d => new UnbaselinableFinding(d, FixFor(d))).ToList();
        foreach (var left in remaining)
        {
            if (CodeBaselineDocument.EntryFor(left.Diagnostic, f => ReadLines(workspace, f)) is { } useless)
            {
                entries.Remove(useless);
            }
        }

        if (green)
        {
            (remaining, var coverageChange) = SurveyTests(workspace, solution, changes);
            if (coverageChange is not null)
            {
                log.WriteLine(coverageChange);
                CoverageChange = coverageChange;
            }

            green = remaining.Count == 0;
        }

        return new SurveyResult(all, entries.ToList(), remaining, green);
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
    private void KeepNullableWithinLimit(string root, string workspace, HashSet<CodeEntry> entries, ChangeSet changes)
    {
        foreach (var turnOn in nullable)
        {
            var warnings = NullableAdoption.Warnings(turnOn, entries);
            if (warnings.Count <= nullableLimit)
            {
                nullableLines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{turnOn.File}: nullable turned on ({string.Join(", ", turnOn.Settings)} -> enable): new code is checked from day one; today's {warnings.Count} nullable warning(s) are recorded in the code baseline at their places"));
                continue;
            }

            File.WriteAllText(Path.Combine(workspace, turnOn.File), turnOn.Before);
            if (string.Equals(turnOn.Before, ReadOrNull(Path.Combine(root, turnOn.File)), StringComparison.Ordinal))
            {
                changes.Remove(turnOn.File);
            }
            else
            {
                changes.Set(turnOn.File, turnOn.Before);
            }

            var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
            var policy = NullableAdoption.AddException(ReadOrNull(policyPath), turnOn, warnings.Count, nullableLimit, DateOnly.FromDateTime(Clock.GetLocalNow().Date));
            File.WriteAllText(policyPath, policy);
            changes.Set(CoverageMinimums.PolicyFile, policy);
            entries.ExceptWith(warnings);
            nullableLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{turnOn.File}: nullable left off ({string.Join(", ", turnOn.Settings)}): its code has {warnings.Count} nullable warnings, more than the {nullableLimit} adopt records in the code baseline; {CoverageMinimums.PolicyFile} gets a dated STD0101 exception for \"{turnOn.Scope}\" (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days)"));
        }

        File.WriteAllText(Path.Combine(workspace, CodeBaselineDocument.FileName), CodeBaselineDocument.Write(entries));
    }

    /// <summary>
    /// A source file that turns nullable off itself (STD0101 at a .cs file: <c>#nullable disable</c> or a pragma that
    /// silences nullable warnings, outside generated code) is vendored or legacy code: it gets a dated, file-scoped
    /// STD0101 exception with an owner to fill in, so the CI build is green and a new file that does it still fails.
    /// </summary>
    private void ExceptNullableOffInSource(string workspace, IEnumerable<BuildDiagnostic> failing, ChangeSet changes)
    {
        var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
        var today = DateOnly.FromDateTime(Clock.GetLocalNow().Date);
        foreach (var file in failing.Where(d => d.Code == PolicyRuleIds.NullableLocked && d.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                     .Select(d => d.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var policy = NullableAdoption.AddFileException(ReadOrNull(policyPath), file, today);
            File.WriteAllText(policyPath, policy);
            changes.Set(CoverageMinimums.PolicyFile, policy);
            nullableLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{file}: turns nullable off in its source (vendored or legacy code): kept under a dated, file-scoped STD0101 exception in {CoverageMinimums.PolicyFile} (owner \"{NullableAdoption.OwnerPlaceholder}\": fill it in; expires in {NullableAdoption.ExceptionDays} days); a new file that turns nullable off still fails"));
        }
    }

    /// <summary>The line for the user when the run set the coverage minimums in standards.json.</summary>
    private string? CoverageChange { get; set; }

    /// <summary>
    /// Runs the tests as CI does, on what the CI-mode build built, then CI's coverage step. The coverage gates
    /// (STD4002-STD4004: per run, and on the merge) are held to today's numbers: the minimums in standards.json become
    /// the lowest coverage measured, rounded down, so the tests and the coverage step pass and the numbers can only be
    /// raised. A gate that measured 0 % sets no minimum (it would pass on anything): it is a finding adopt cannot
    /// baseline, as is any other failure.
    /// </summary>
    private (List<UnbaselinableFinding> Remaining, string? Change) SurveyTests(string workspace, string solution, ChangeSet changes)
    {
        var globalJson = ReadOrNull(Path.Combine(workspace, GlobalJsonEditor.FileName));
        log.WriteLine(TestCommand.IsTestingPlatform(globalJson)
            ? "Running the tests in CI mode (Microsoft.Testing.Platform, as global.json sets) and the coverage step (records the coverage they reach)..."
            : "Running the tests in CI mode and the coverage step (records the coverage they reach)...");
        var test = RunTests(workspace, solution, globalJson);
        if (test.ExitCode == 0)
        {
            return ([], null);
        }

        var diagnostics = BuildOutput.Parse(test.Output, workspace).Where(d => d.IsError).ToList();
        var minimums = CoverageMinimums.From(diagnostics);
        var others = diagnostics.Where(d => !CoverageMinimums.Gates.ContainsKey(d.Code)).Concat(CoverageMinimums.Uncovered(diagnostics))
            .Select(d => new UnbaselinableFinding(d, FixFor(d))).ToList();
        if (minimums.Count == 0 || others.Count > 0)
        {
            return (others.Count > 0 ? others : [TestsFail(test, workspace)], null);
        }

        var policyPath = Path.Combine(workspace, CoverageMinimums.PolicyFile);
        List<BuildDiagnostic> errors;
        CommandResult retest;
        var rounds = 0;
        do
        {
            var policy = CoverageMinimums.Apply(File.Exists(policyPath) ? File.ReadAllText(policyPath) : null, minimums);
            File.WriteAllText(policyPath, policy);
            changes.Set(CoverageMinimums.PolicyFile, policy);
            retest = Recheck(workspace, solution, globalJson);
            errors = retest.ExitCode == 0 ? [] : [.. BuildOutput.Parse(retest.Output, workspace).Where(d => d.IsError)];

            // A gate the first run did not show (a gate that stopped before it, or the merge judged only once the run
            // gates pass) lowers the minimums again: they are the lowest coverage any run measured.
            var lower = CoverageMinimums.From(errors);
            if (errors.Count == 0 || errors.Any(d => !CoverageMinimums.Gates.ContainsKey(d.Code)) || lower.Count == 0 || CoverageMinimums.Uncovered(errors).Count > 0)
            {
                break;
            }

            minimums = minimums.Keys.Union(lower.Keys, StringComparer.Ordinal).ToDictionary(
                k => k,
                k => Math.Min(minimums.TryGetValue(k, out var a) ? a : double.MaxValue, lower.TryGetValue(k, out var b) ? b : double.MaxValue),
                StringComparer.Ordinal);
        }
        while (++rounds < 3);

        var still = errors.Select(d => new UnbaselinableFinding(d, FixFor(d))).ToList();
        if (retest.ExitCode != 0 && still.Count == 0)
        {
            still.Add(TestsFail(retest, workspace));
        }

        return (still, $"{CoverageMinimums.PolicyFile}: coverage minimums set to what the tests reach today ({string.Join(", ", minimums.Select(m => $"{m.Key} {CoverageMinimums.Format(m.Value)} %"))}); raise them as tests are added");
    }

    /// <summary>
    /// <c>dotnet test</c> on what the CI-mode build built (no second build), then, when it passed, the coverage step;
    /// the result of the failing step (or of the coverage step), with the output of both.
    /// </summary>
    private CommandResult RunTests(string workspace, string solution, string? globalJson)
    {
        var test = Dotnet(workspace, ci: true, [.. TestCommand.Arguments(globalJson, solution, noBuild: true)]);
        if (test.ExitCode != 0)
        {
            return test;
        }

        // A VSTest run is gated per project (one that wrote no report fails `dotnet test` with STD4007), so no report
        // at all means the repo has no test project, and the merge would fail on having nothing to merge, which no
        // minimum can hold. Microsoft.Testing.Platform runs are judged by the merge alone: it always runs for them.
        if (!TestCommand.IsTestingPlatform(globalJson) && !HasCoverageReports(workspace))
        {
            return test;
        }

        var coverage = Dotnet(workspace, ci: true, [.. TestCommand.CoverageArguments(solution)]);
        return new CommandResult(coverage.ExitCode, test.Output + "\n" + coverage.Output);
    }

    /// <summary>
    /// The gates again at the minimums just written. On Microsoft.Testing.Platform `dotnet test` judges nothing (the
    /// coverage step judges each test app's newest report and the merge), so the coverage step alone re-judges the
    /// reports the tests just wrote, and the tests do not run again; on VSTest the per-run gate is part of `dotnet test`,
    /// which runs again.
    /// </summary>
    private CommandResult Recheck(string workspace, string solution, string? globalJson) =>
        TestCommand.IsTestingPlatform(globalJson)
            ? Dotnet(workspace, ci: true, [.. TestCommand.CoverageArguments(solution)])
            : RunTests(workspace, solution, globalJson);

    private static bool HasCoverageReports(string workspace)
    {
        var reports = Path.Combine(workspace, "artifacts", "coverage");
        return Directory.Exists(reports) && Directory.EnumerateFiles(reports, "*.xml", SearchOption.AllDirectories).Any();
    }

    /// <summary>Tests that really fail: their output goes to the log, so the user sees which, and they are a finding no baseline holds.</summary>
    private UnbaselinableFinding TestsFail(CommandResult run, string workspace)
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dotnet test failed (exit code {run.ExitCode}); its output ends with:"));
        log.WriteLine(TestCommand.Tail(run.Output, workspace));
        return new UnbaselinableFinding(
            new BuildDiagnostic("TEST", true, string.Empty, 0, 0, string.Create(CultureInfo.InvariantCulture, $"dotnet test failed (exit code {run.ExitCode})")),
            "tests fail: fix them (the test output is above; `CI=true dotnet test` runs them again).");
    }

    /// <summary>Adds the code baseline entries of the findings and writes the file; returns how many are new.</summary>
    private static int Record(IEnumerable<BuildDiagnostic> failing, string workspace, HashSet<CodeEntry> entries)
    {
        var fresh = failing.Select(d => CodeBaselineDocument.EntryFor(d, f => ReadLines(workspace, f))).OfType<CodeEntry>().Count(entries.Add);
        File.WriteAllText(Path.Combine(workspace, CodeBaselineDocument.FileName), CodeBaselineDocument.Write(entries));
        return fresh;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[]? ReadLines(string workspace, string relative)
    {
        var path = Path.Combine(workspace, relative);
        return File.Exists(path) ? File.ReadAllText(path).Split('\n') : null;
    }

    /// <summary>What to do about a finding the baseline cannot hold.</summary>
    internal static string FixFor(BuildDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var code = diagnostic.Code;
        if (code.StartsWith("CS", StringComparison.Ordinal))
        {
            return $"a compiler error: no suppression can hide it. Fix the code (https://learn.microsoft.com/dotnet/csharp/language-reference/compiler-messages/{code.ToLowerInvariant()}).";
        }

        if (CoverageMinimums.Gates.ContainsKey(code))
        {
            return "the tests reach none of it (0 %): a minimum of 0 % would pass on anything, so adopt sets none. Add a test that reaches it, or except the project under test from this rule in standards.json with an owner and an expiry date.";
        }

        if (code.StartsWith("STD", StringComparison.Ordinal))
        {
            return $"a policy or configuration error of Standards.Sdk that must be fixed or excepted in standards.json, not baselined; see {Standards.Sdk.Checks.Rules.RuleHelp.Link(Standards.Sdk.Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, code)}.";
        }

        if (BuildFailures.Codes.Contains(code) || code.StartsWith("MSB", StringComparison.Ordinal) || code.StartsWith("NETSDK", StringComparison.Ordinal))
        {
            return $"an error of the build itself (MSBuild or the .NET SDK), not a finding of the code: no baseline holds it. {BuildFailures.Hint(code)}";
        }

        if (code.StartsWith("NU", StringComparison.Ordinal))
        {
            return $"a NuGet restore warning or error: fix the package reference (https://learn.microsoft.com/nuget/reference/errors-and-warnings/{code.ToLowerInvariant()}).";
        }

        return "a diagnostic of an analyzer the repo added itself, which the code baseline cannot hold (it holds every diagnostic the policy turns on: CA, IDE, CS warnings, RS0030, STD1001-STD1099): fix the code, or except the files it fires in with an owner and an expiry date in standards.json.";
    }

    /// <summary>The lock files the restore wrote and the repo baseline the survey wrote, into the change set; the code baseline too.</summary>
    private static void AddWorkspaceOutputs(string root, string workspace, IReadOnlyList<string> files, ChangeSet changes, bool hadRepoBaseline, bool hadCodeBaseline, IReadOnlyList<CodeEntry> codeEntries, List<string> changeLines)
    {
        var known = files.ToHashSet(StringComparer.Ordinal);
        foreach (var lockFile in Directory.EnumerateFiles(workspace, "packages.lock.json", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(workspace, f).Replace('\\', '/'))
                     .Where(f => !f.Split('/').Any(s => s is "bin" or "obj" or ".git"))
                     .Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(Path.Combine(workspace, lockFile));
            var original = known.Contains(lockFile) ? File.ReadAllText(Path.Combine(root, lockFile)) : null;
            if (!string.Equals(content, original, StringComparison.Ordinal))
            {
                changes.Set(lockFile, content);
                changeLines.Add($"{lockFile}: {(original is null ? "created" : "updated")} (lock file)");
            }
        }

        var repoBaseline = Path.Combine(workspace, BaselineFile.DefaultFileName);
        if (File.Exists(repoBaseline))
        {
            var content = File.ReadAllText(repoBaseline);
            var empty = BaselineFile.Parse(BaselineFile.DefaultFileName, content).Baseline.Entries.Count == 0;
            var original = hadRepoBaseline ? File.ReadAllText(Path.Combine(root, BaselineFile.DefaultFileName)) : null;
            if ((hadRepoBaseline || !empty) && !string.Equals(content, original, StringComparison.Ordinal))
            {
                changes.Set(BaselineFile.DefaultFileName, content);
                changeLines.Add($"{BaselineFile.DefaultFileName}: {(original is null ? "created" : "updated")} (repository findings)");
            }
        }

        if (hadCodeBaseline || codeEntries.Count > 0)
        {
            // An entry that is still needed keeps its reason and expiry date.
            var original = hadCodeBaseline ? File.ReadAllText(Path.Combine(root, CodeBaselineDocument.FileName)) : null;
            var kept = original is null ? [] : CodeBaselineDocument.Read(original).ToHashSet();
            var content = CodeBaselineDocument.Write(codeEntries.Select(e => kept.TryGetValue(e, out var old) ? old : e));
            if (!string.Equals(content, original, StringComparison.Ordinal))
            {
                changes.Set(CodeBaselineDocument.FileName, content);
                changeLines.Add($"{CodeBaselineDocument.FileName}: {(original is null ? "created" : "updated")} ({codeEntries.Count} analyzer and compiler finding(s))");
            }
        }
    }

    private static List<string> Removed(BaselineFile? oldRepo, BaselineFile? newRepo, IReadOnlyList<CodeEntry>? oldCode, IReadOnlyList<CodeEntry> newCode)
    {
        var newRepoKeys = (newRepo?.Entries ?? []).Select(RepoKey).ToHashSet(StringComparer.Ordinal);
        var newCodeKeys = newCode.ToHashSet();
        return (oldRepo?.Entries ?? []).Where(e => !newRepoKeys.Contains(RepoKey(e))).Select(e => $"{e.Code} {e.File}: {e.Message}")
            .Concat((oldCode ?? []).Where(e => !newCodeKeys.Contains(e)).Select(e => $"{e.Id} {e.File} (line hash {e.Hash})"))
            .ToList();
    }

    private static int Added(BaselineFile? oldRepo, BaselineFile? newRepo, IReadOnlyList<CodeEntry>? oldCode, IReadOnlyList<CodeEntry> newCode)
    {
        var oldRepoKeys = (oldRepo?.Entries ?? []).Select(RepoKey).ToHashSet(StringComparer.Ordinal);
        var oldCodeKeys = (oldCode ?? []).ToHashSet();
        return (newRepo?.Entries ?? []).Count(e => !oldRepoKeys.Contains(RepoKey(e))) + newCode.Count(e => !oldCodeKeys.Contains(e));
    }

    private static string RepoKey(BaselineEntry entry) => entry.Code + "\n" + entry.File + "\n" + entry.Message;

    private CommandResult Dotnet(string workspace, bool ci, params string[] arguments)
    {
        var environment = CiVariables.ToDictionary(v => v, _ => (string?)null, StringComparer.Ordinal);
        environment["CI"] = ci ? "true" : null;
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_NOLOGO"] = "1";
        return runner.Run("dotnet", arguments, workspace, environment);
    }

    private void Git(string workspace, params string[] arguments)
    {
        var result = runner.Run("git", arguments, workspace);
        if (result.ExitCode != 0)
        {
            throw new ToolException(ToolRuleIds.BuildFailed, $"`git {string.Join(' ', arguments)}` failed in the workspace: {result.Output.Trim()}");
        }
    }

    /// <summary>The report printed after a run: what changed, the findings per rule and the top files, what is left.</summary>
    public static string Report(AdoptionResult result, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(dryRun ? "Changes (dry run: nothing written):" : "Changes:");
        foreach (var line in result.ChangeLines)
        {
            text.Append("  ").AppendLine(line);
        }

        // Lines such as "left alone" are information: the repo is already adopted when no file changes.
        if (result.Changes.Files.Count == 0)
        {
            text.AppendLine("  none: the repo is already adopted and its baselines are current.");
        }

        var findings = result.Findings;
        text.AppendLine(CultureInfo.InvariantCulture, $"Findings: {findings.Count} distinct (deduplicated across target frameworks){(result.NotAnalysed.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; PARTIAL: {result.NotAnalysed.Count} project(s) not analysed, whose code findings are missing") : string.Empty)}.");
        foreach (var project in result.NotAnalysed)
        {
            text.Append("  ").AppendLine(project);
        }

        foreach (var rule in findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {rule.Key,-8} {rule.Count(),5}");
        }

        var topFiles = findings.Where(f => f.File.Length > 0).GroupBy(f => f.File).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(5).ToList();
        if (topFiles.Count > 0)
        {
            text.AppendLine("Top files:");
            foreach (var file in topFiles)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {file.Count(),5}  {file.Key}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Baselines: {result.RepoEntries} repository finding(s) in {BaselineFile.DefaultFileName}, {result.CodeEntries.Count} code finding(s) in {CodeBaselineDocument.FileName}; {result.Added} added, {result.Removable.Count} removed as fixed.");
        foreach (var removed in result.Removable)
        {
            text.Append("  fixed, removed: ").AppendLine(removed);
        }

        foreach (var weakened in result.WeakenedRules)
        {
            text.Append("  weakened rule: ").AppendLine(weakened);
        }

        foreach (var left in result.NotBaselinable)
        {
            var where = left.Diagnostic.File.Length == 0 ? string.Empty : $"{left.Diagnostic.File}({left.Diagnostic.Line}): ";
            text.AppendLine(CultureInfo.InvariantCulture, $"  cannot be baselined: {where}{left.Diagnostic.Code}: {left.Diagnostic.Message} -> {left.Fix}");
        }

        text.AppendLine(result.CiBuildGreen
            ? "The CI-mode build (CI=true dotnet build) is green with these baselines."
            : $"The CI-mode build still fails: fix the {result.NotBaselinable.Count} finding(s) above that cannot be baselined, then run `dotnet standards adopt --allow-dirty` again.");
        if (result.Written)
        {
            text.AppendLine("Next: review `git diff`, then commit everything (the lock files and both baselines too), and let CI build it.");
        }

        return text.ToString();
    }
}
