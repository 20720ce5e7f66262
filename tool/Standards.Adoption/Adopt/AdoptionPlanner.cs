using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>What adopt will change in the repo before any build: the edited files in memory and the files whose nullable setting it turns on.</summary>
/// <param name="Changes">The edits of global.json, the projects, Directory.Packages.props and the repo-level files.</param>
/// <param name="Nullable">The MSBuild files that turned nullable off, turned on in <paramref name="Changes"/> for the survey build.</param>
/// <param name="TestProjects">The test projects by the mode of <c>dotnet test</c> that runs them.</param>
internal sealed record AdoptionPlan(ChangeSet Changes, IReadOnlyList<NullableTurnOn> Nullable, TestProjectKinds TestProjects);

/// <summary>
/// The planning step of <c>dotnet standards adopt</c>: reads the repo and returns the edits (global.json pinned, the
/// projects on Standards.Sdk, central package versions, nullable turned on, .gitignore and the solution entry) without
/// writing anything; one line per change for the user.
/// </summary>
internal static class AdoptionPlanner
{
    /// <summary>
    /// Takes the projects of a template pack (its content and its pack project) out of <paramref name="projects"/>:
    /// adopt neither edits nor builds them. One line
    /// per project for the user; STD7503 when nothing is left to adopt.
    /// </summary>
    public static List<string> LeaveTemplatesAlone(string root, IReadOnlyList<string> files, List<string> projects)
    {
        var roots = TemplateContent.Roots(files);
        var lines = new List<string>();
        foreach (var project in projects.ToList())
        {
            if (TemplateContent.Reason(project, File.ReadAllText(RepoPath.Resolve(root, project, RepoFiles.FileList)), roots) is { } reason)
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

    /// <summary>The rules the projects and their Directory.Build files (not a template's) still switch off themselves once <paramref name="changes"/> are applied.</summary>
    public static List<string> FindWeakenedRules(string root, IReadOnlyList<string> files, IReadOnlyList<string> projects, ChangeSet changes) =>
        MsBuildFiles(files, projects, f => RepoText.ReadOrNull(RepoPath.Resolve(root, f, RepoFiles.FileList), f))
            .SelectMany(f => WeakenedRules.Find(f, changes.Get(f) ?? File.ReadAllText(RepoPath.Resolve(root, f, RepoFiles.FileList))))
            .ToList();

    /// <summary>The edits of global.json, the projects and Directory.Packages.props, in memory.</summary>
    /// <param name="root">The repo root.</param>
    /// <param name="files">The repo's files.</param>
    /// <param name="projects">The projects adopt moves onto Standards.Sdk.</param>
    /// <param name="version">The Standards.Sdk version to pin.</param>
    /// <param name="changeLines">Gets one line per change.</param>
    /// <param name="runningSdk">The version of the .NET SDK that runs, for global.json's sdk pin when it has none.</param>
    public static AdoptionPlan PlanEdits(string root, IReadOnlyList<string> files, IReadOnlyList<string> projects, string version, List<string> changeLines, Func<string> runningSdk)
    {
        var changes = new ChangeSet();
        string? Read(string relative) => RepoText.ReadOrNull(RepoPath.Resolve(root, relative, RepoFiles.FileList), relative);

        var globalJson = GlobalJsonEditor.Pin(Read(GlobalJsonEditor.FileName), version, out var globalChange, runningSdk);
        if (globalJson is not null)
        {
            changes.Set(GlobalJsonEditor.FileName, globalJson);
            changeLines.Add(globalChange);
        }

        var testProjects = PlanTestRunner(changes, changeLines, files, projects, Read);

        // Every MSBuild file that may carry PackageReferences: the projects, the Directory.Build files (not a
        // template's) and the repo's files they import.
        var msbuildFiles = MsBuildFiles(files, projects, Read).Distinct(StringComparer.Ordinal).ToList();
        var texts = msbuildFiles.ToDictionary(f => f, f => Read(f)!, StringComparer.Ordinal);
        AdoptSdk(projects, texts, changeLines);
        RemoveCs1591FromNoWarn(msbuildFiles, texts, changeLines);
        var central = CentralPackages.Choose(msbuildFiles.SelectMany(f => ProjectFileEditor.TakeInlineVersions(f, texts[f]).Versions).ToList());
        var nullable = TakeVersionsAndTurnOnNullable(msbuildFiles, projects, texts, central, NullableAdoption.ExceptedScopes(Read(CoverageMinimums.PolicyFile)), changeLines);
        foreach (var file in msbuildFiles.Where(f => !string.Equals(texts[f], Read(f), StringComparison.Ordinal)))
        {
            changes.Set(file, texts[file]);
        }

        // VSTest writes a run's results and coverage beside each test project (TestResults/); Microsoft.Testing.Platform under bin/.
        var vstestRuns = testProjects.VSTestOnly.Count > 0 && !TestCommand.IsTestingPlatform(changes.Get(GlobalJsonEditor.FileName) ?? Read(GlobalJsonEditor.FileName) ?? string.Empty);
        PlanRepoFiles(changes, changeLines, Read, projects, vstestRuns);
        PlanCentralPackages(changes, changeLines, Read(CentralPackages.FileName), central);
        return new AdoptionPlan(changes, nullable, testProjects);
    }

    /// <summary>
    /// Selects the Microsoft.Testing.Platform mode of <c>dotnet test</c> in global.json when every test project is an
    /// app on that platform, which the VSTest mode refuses on the .NET 10 SDK (<see cref="TestRunnerChoice"/>): then
    /// the repo's tests run in adopt's test step and in CI, as they could not before.
    /// </summary>
    /// <returns>The test projects by the mode of <c>dotnet test</c> that runs them, for the test step's advice.</returns>
    private static TestProjectKinds PlanTestRunner(ChangeSet changes, List<string> changeLines, IReadOnlyList<string> files, IReadOnlyList<string> projects, Func<string, string?> read)
    {
        var current = changes.Get(GlobalJsonEditor.FileName) ?? read(GlobalJsonEditor.FileName);
        var kinds = TestRunnerChoice.Classify(files, projects, read);
        if (current is not null && !TestCommand.IsTestingPlatform(current) && kinds.TestingPlatform.Count > 0 && !kinds.Mixed
            && GlobalJsonEditor.SelectTestingPlatform(current, out var change) is { } selected)
        {
            changes.Set(GlobalJsonEditor.FileName, selected);
            changeLines.Add($"{GlobalJsonEditor.FileName}: {change}: every test project runs on Microsoft.Testing.Platform ({string.Join(", ", kinds.TestingPlatform)}), whose test apps the VSTest mode of `dotnet test` refuses on the .NET 10 SDK");
        }

        return kinds;
    }

    /// <summary>The projects, the Directory.Build files and the repo's files these import, none of them a template's.</summary>
    private static IEnumerable<string> MsBuildFiles(IReadOnlyList<string> files, IReadOnlyList<string> projects, Func<string, string?> read)
    {
        var templateRoots = TemplateContent.Roots(files);
        var own = projects
            .Concat(files.Where(f => Path.GetFileName(f) is "Directory.Build.props" or "Directory.Build.targets" && !TemplateContent.IsUnder(f, templateRoots)))
            .ToList();
        return own.Concat(ImportedMsBuildFiles.Find(files, own, read).Where(f => !TemplateContent.IsUnder(f, templateRoots)));
    }

    /// <summary>Puts every project on Standards.Sdk in <paramref name="texts"/>; the first project that cannot be parsed fails the run, naming the others.</summary>
    private static void AdoptSdk(IReadOnlyList<string> projects, Dictionary<string, string> texts, List<string> changeLines)
    {
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
    }

    /// <summary>
    /// Takes CS1591 out of every NoWarn, so the public-API documentation rule judges new code; the survey build
    /// records today's findings in the code baseline. Before nullable is turned on, whose "before" text must keep it.
    /// </summary>
    private static void RemoveCs1591FromNoWarn(IReadOnlyList<string> msbuildFiles, Dictionary<string, string> texts, List<string> changeLines)
    {
        foreach (var file in msbuildFiles)
        {
            if (WeakenedRules.RemoveCs1591(file, texts[file]) is { } removed)
            {
                texts[file] = removed.After;
                changeLines.AddRange(removed.Lines);
            }
        }
    }

    /// <summary>
    /// Moves the inline package versions of every MSBuild file to the central ones in <paramref name="texts"/>, and
    /// turns nullable on where a file turns it off (unless standards.json excepts its scope); returns those files.
    /// </summary>
    private static List<NullableTurnOn> TakeVersionsAndTurnOnNullable(
        IReadOnlyList<string> msbuildFiles, IReadOnlyList<string> projects, Dictionary<string, string> texts, IReadOnlyDictionary<string, string> central, IReadOnlySet<string> excepted, List<string> changeLines)
    {
        var nullable = new List<NullableTurnOn>();
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
        }

        return nullable;
    }

    /// <summary>Directory.Packages.props with central package management and the chosen versions.</summary>
    private static void PlanCentralPackages(ChangeSet changes, List<string> changeLines, string? existingPackages, IReadOnlyDictionary<string, string> central)
    {
        var packages = CentralPackages.Write(existingPackages, central);
        if (packages is not null)
        {
            changes.Set(CentralPackages.FileName, packages);
            changeLines.Add($"{CentralPackages.FileName}: {(existingPackages is null ? "created" : "updated")}: central package management with transitive pinning, {central.Count} package version(s)");
        }
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Listing(List<string> items) =>
        items.Count < 2 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    /// <summary>The repo-level files adopt writes or extends: .gitignore (artifacts/, TestResults/, .standards-journal/, the lock files kept) and Directory.Solution.targets (the solution entry).</summary>
    private static void PlanRepoFiles(ChangeSet changes, List<string> changeLines, Func<string, string?> read, IReadOnlyList<string> projects, bool vstestRuns)
    {
        var existingIgnore = read(GitIgnoreEditor.FileName);
        var gitIgnore = existingIgnore;
        if (GitIgnoreEditor.IgnoreLocalState(existingIgnore, vstestRuns, out var added) is { } ignoring)
        {
            gitIgnore = ignoring;
            var what = added.Select(p => p switch
            {
                "artifacts/" => "artifacts/ (the build's reports)",
                GitIgnoreEditor.TestResultsPattern => $"{p} (what `dotnet test` writes beside each test project: its results and coverage)",
                _ => $"{p} (the tool's journal of a change in progress)",
            });
            changeLines.Add($"{GitIgnoreEditor.FileName}: {(existingIgnore is null ? "created" : "updated")}: ignores {Listing(what.ToList())}, so `git add -A` does not commit them");
        }

        // The lock files the restore writes beside each project are part of the adoption's commit.
        var lockFiles = projects.Select(p => (p.Contains('/', StringComparison.Ordinal) ? p[..(p.LastIndexOf('/') + 1)] : string.Empty) + "packages.lock.json").ToList();
        if (GitIgnoreEditor.KeepLockFiles(existingIgnore, lockFiles, out var stillIgnored) is not null)
        {
            gitIgnore = GitIgnoreEditor.KeepLockFiles(gitIgnore, lockFiles, out _) ?? gitIgnore;
            changeLines.Add($"{GitIgnoreEditor.FileName}: updated: no longer ignores the lock files ({GitIgnoreEditor.LockFilePattern} after the line that matched them), so the adoption's commit has them and CI restores from them"
                + (stillIgnored.Count > 0 ? $"; still ignored, under an ignored folder: {string.Join(", ", stillIgnored)} (take that folder out of {GitIgnoreEditor.FileName})" : string.Empty));
        }

        if (gitIgnore is not null && !string.Equals(gitIgnore, existingIgnore, StringComparison.Ordinal))
        {
            changes.Set(GitIgnoreEditor.FileName, gitIgnore);
        }

        var existingEntry = read(SolutionEntry.FileName);
        if (SolutionEntry.Write(existingEntry) is { } entry)
        {
            changes.Set(SolutionEntry.FileName, entry);
            changeLines.Add($"{SolutionEntry.FileName}: {(existingEntry is null ? "created" : "updated")}: imports Standards.Sdk's solution entry, so the coverage step on a solution (dotnet build <solution> -t:StandardsCoverage) runs in the projects on Standards.Sdk and leaves the others alone");
        }
    }
}
