using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// <c>dotnet standards adopt</c>: takes an existing repo to a green CI-mode build on Standards.Sdk. Everything
/// happens first in a copy of the repo (a temporary workspace): the edits (<see cref="AdoptionPlanner"/>), the restore
/// that writes the lock files, one survey build (CI mode with warnings not errors, so every project compiles whatever
/// the depth of its references) that records every finding a CI build fails on in the baselines, a CI-mode build that
/// must be green and the tests (<see cref="AdoptionSurvey"/>). Only then is the change set written to the repo, all
/// files or none; with --dry-run, not at all. <see cref="AdoptionReport"/> prints the result.
/// </summary>
public sealed class Adopter(ICommandRunner runner, TextWriter log)
{
    /// <summary>The clock that dates the exceptions adopt records.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Ctrl-C: checked after the last command, so a run cancelled at any point writes nothing to the repo.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Runs the adoption.</summary>
    public AdoptionResult Run(AdoptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = Path.GetFullPath(options.Path);
        if (!Directory.Exists(root))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is or goes).");
        }

        // A run killed while it wrote the repo left a journal: its files are put back first, so the tree is the user's
        // again; a dry run (and so a survey) writes nothing and stops instead of judging a half-written tree.
        var recovered = Update.TreeWrite.RecoverBeforeCommand(runner, root, options.DryRun, "`dotnet standards adopt` (or the `upgrade` or `update` that was stopped)");
        var (files, projects) = FindProjects(root, options.AllowDirty);
        var before = AdoptionBaselines.Read(root);
        var changeLines = new List<string>();
        if (recovered.Count > 0)
        {
            changeLines.Add(Update.TreeWrite.Recovered(recovered));
        }

        var leftAlone = LeaveAlone(root, files, projects);
        changeLines.AddRange(leftAlone);
        var plan = AdoptionPlanner.PlanEdits(root, files, projects, options.SdkVersion, changeLines, () => RunningDotnetSdk.Version(runner, root));
        var weakened = AdoptionPlanner.FindWeakenedRules(root, files, projects, plan.Changes);

        // The copy resolves the repo's package sources as the repo does (relative feeds, parent nuget.config files).
        var copy = WorkspaceCopy.Create(root, files, "standards-adopt-");
        try
        {
            var survey = new AdoptionSurvey(new WorkspaceCommands(runner), log, Clock, options.NullableLimit, plan.Nullable, plan.TestProjects).Run(root, copy.Folder, projects, plan.Changes);
            OwnFilesGuard.ThrowIfBaselined(root, plan.Changes, before.Repo);
            changeLines.AddRange(survey.ChangeLines);
            WorkspaceOutputs.Add(root, copy.Folder, new WorkspaceOutputs.RepoBefore(files, before.Repo is not null, before.Code is not null), plan.Changes, survey.CodeEntries, changeLines);
            // Every command stops on the cancellation; a signal that came after the last one still writes nothing.
            Cancellation.ThrowIfCancellationRequested();
            var write = !options.DryRun && plan.Changes.Files.Count > 0;
            var result = Result(root, plan.Changes, survey, before, write, new RepoFacts(changeLines, leftAlone, weakened));
            if (write)
            {
                plan.Changes.Commit(root);
            }

            return result;
        }
        finally
        {
            copy.Delete();
        }
    }

    /// <summary>The repo's files and its C# projects; a dirty git tree (unless allowed) or no project fails the run.</summary>
    private (IReadOnlyList<string> Files, List<string> Projects) FindProjects(string root, bool allowDirty)
    {
        var git = RepoFiles.IsGitRepo(runner, root);
        if (git && !allowDirty)
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

        return (files, projects);
    }

    /// <summary>
    /// Takes out of <paramref name="projects"/> what adopt leaves alone (a template pack's projects, samples no
    /// solution lists, off Windows the Windows-only projects no solution lists, projects the solutions list but do
    /// not build) and names those and the VB and F# projects; STD7503 when no project is left.
    /// </summary>
    private static List<string> LeaveAlone(string root, IReadOnlyList<string> files, List<string> projects)
    {
        var leftAlone = AdoptionPlanner.LeaveTemplatesAlone(root, files, projects);
        leftAlone.AddRange(LeftOutProjects.OtherLanguages(files));
        string? Read(string file) => RepoText.ReadOrNull(RepoPath.Resolve(root, file, RepoFiles.FileList), file);
        leftAlone.AddRange(LeftOutProjects.SamplesOutsideSolutions(files, projects, Read));
        leftAlone.AddRange(LeftOutProjects.WindowsOnlyOutsideSolutions(files, projects, Read, OperatingSystem.IsWindows()));
        leftAlone.AddRange(LeftOutProjects.NotBuiltBySolutions(files, projects, Read));
        if (projects.Count == 0)
        {
            throw new ToolException(ToolRuleIds.NoProjects,
                $"every C# project under {root} is left alone ({string.Join(", ", leftAlone.Select(l => l.Split(':')[0]))}). Add the projects to put on the policy to a solution, or run the command in a repo with projects of its own.");
        }

        return leftAlone;
    }

    /// <summary>What the run says about the repo besides its findings: the change lines, the projects left alone, the rules the repo weakens.</summary>
    private sealed record RepoFacts(IReadOnlyList<string> ChangeLines, IReadOnlyList<string> LeftAlone, IReadOnlyList<string> WeakenedRules);

    /// <summary>The findings and baselines of the run, compared with the baselines the repo had (read before anything is written).</summary>
    private static AdoptionResult Result(string root, ChangeSet changes, SurveyResult survey, AdoptionBaselines before, bool written, RepoFacts facts)
    {
        var newRepo = AdoptionBaselines.RepoAfter(root, changes);
        return new AdoptionResult
        {
            Changes = changes,
            ChangeLines = facts.ChangeLines,
            // The repo findings were recorded by the survey build's baseline update (logged as messages), so they come from the file.
            // (Licence entries were recorded from the survey build's own findings, which are already among them.)
            Findings = [.. survey.Findings, .. (newRepo?.Entries ?? []).Where(e => !ProjectFindingsBaseline.IsJudgedByProjects(e.Code)).Select(e => new BuildDiagnostic(e.Code, false, e.File, 0, 0, e.Message))],
            RepoEntries = newRepo?.Entries.Count ?? 0,
            CodeEntries = survey.CodeEntries,
            Removable = before.Removed(newRepo, survey.CodeEntries),
            Added = before.Added(newRepo, survey.CodeEntries),
            NotHeld = before.NotHeld(root, newRepo, survey.CodeEntries, survey.Findings),
            NotBaselinable = survey.Remaining,
            CiBuildGreen = survey.Green,
            Written = written,
            LeftAlone = facts.LeftAlone,
            WeakenedRules = facts.WeakenedRules,
            NotAnalysed = survey.NotAnalysed,
        };
    }
}
