using NuGet.Versioning;
using Standards.Adoption.Adopt;
using Standards.Adoption.Update;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>The options of <c>dotnet standards upgrade</c>.</summary>
/// <param name="Path">The repo root.</param>
/// <param name="To">The version to move to; null for the newest listed one.</param>
/// <param name="DryRun">Report, write nothing.</param>
/// <param name="AllowDirty">Run on a tree with uncommitted changes.</param>
/// <param name="AllowDowngrade">Accept a <paramref name="To"/> older than the pin.</param>
/// <param name="Build">Restore, survey and verify on the new version (false: move the pins and write the changelog only).</param>
/// <param name="GraceDays">Days the entries the upgrade records stay valid (<c>--grace</c>).</param>
/// <param name="Today">The day the grace counts from; null: today (UTC).</param>
public sealed record UpgradeOptions(string Path, string? To = null, bool DryRun = false, bool AllowDirty = false, bool AllowDowngrade = false, bool Build = true, int GraceDays = UpgradeOptions.DefaultGraceDays, DateOnly? Today = null)
{
    /// <summary>The default of <c>--grace</c>.</summary>
    public const int DefaultGraceDays = 90;

    /// <summary>The largest <c>--grace</c>: ten years.</summary>
    public const int MaxGraceDays = 3650;
}

/// <summary>What an upgrade found and did.</summary>
public sealed class UpgradeResult
{
    /// <summary>The pinned version before.</summary>
    public required string From { get; init; }

    /// <summary>The version moved to (equal to <see cref="From"/> when already up to date).</summary>
    public required string To { get; init; }

    /// <summary>One line per edit.</summary>
    public required IReadOnlyList<string> ChangeLines { get; init; }

    /// <summary>The catalog diff; null when the catalogs could not both be read (<see cref="CatalogProblem"/> says why).</summary>
    public CatalogDiff? Diff { get; init; }

    /// <summary>Why there is no diff.</summary>
    public string? CatalogProblem { get; init; }

    /// <summary>The survey and verification on the new version, when they ran.</summary>
    public AdoptionResult? Verification { get; init; }

    /// <summary>The baseline entries the upgrade added, per rule (empty when no build ran).</summary>
    public IReadOnlyList<RuleFindings> Baselined { get; init; } = [];

    /// <summary>True when the files were written.</summary>
    public required bool Written { get; init; }

    /// <summary>True when the CI-mode build on the new version is green, or no build was asked for.</summary>
    public bool Green => Verification?.CiBuildGreen ?? true;
}

/// <summary>
/// <c>dotnet standards upgrade</c>: moves a repo from the Standards.Sdk version it pins to a newer one the feeds
/// serve, with the tool and the Standards.* packages in step, and says what changed in the policy. The survey,
/// baseline and verification builds are adopt's (<see cref="Adopter"/>), run on a staged copy of the repo with the
/// pins already moved; only when they are done and the CI-mode build on the new version is green is everything
/// (pins, lock files, baselines) written to the repo, all files or none.
/// </summary>
public sealed class Upgrader(ICommandRunner runner, IPackageFeeds feeds, TextWriter log)
{
    /// <summary>Ctrl-C: checked after the last command, so an upgrade cancelled at any point writes nothing to the repo.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Runs the upgrade.</summary>
    public UpgradeResult Run(UpgradeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = System.IO.Path.GetFullPath(options.Path);
        if (!Directory.Exists(root))
        {
            throw new ToolException(ToolRuleIds.Usage, $"{options.Path} is not a folder. Give the repo's root folder (where global.json is).");
        }

        var recovered = TreeWrite.RecoverBeforeCommand(runner, root, options.DryRun, "`dotnet standards upgrade`");
        var git = RepoFiles.IsGitRepo(runner, root);
        if (git && !options.AllowDirty && RepoFiles.Uncommitted(runner, root) is { Count: > 0 } dirty)
        {
            throw new ToolException(ToolRuleIds.DirtyTree,
                $"the git tree has {dirty.Count} uncommitted change(s) ({string.Join(", ", dirty.Take(5))}). Commit or stash them first, so the upgrade is one reviewable change, or pass --allow-dirty.");
        }

        string? Read(string relative) => RepoText.ReadOrNull(RepoPath.Resolve(root, relative, RepoFiles.FileList), relative);
        var current = VersionMoves.PinnedSdk(Read(GlobalJsonEditor.FileName));
        log.WriteLine($"Finding the {ProjectFileEditor.StandardsSdk} versions the feeds serve ({current} pinned)...");
        var target = VersionChoice.Choose(current, feeds.Versions(ProjectFileEditor.StandardsSdk), options.To, options.AllowDowngrade, feeds.Describe(ProjectFileEditor.StandardsSdk));
        if (target == current)
        {
            return new UpgradeResult { From = current.ToNormalizedString(), To = target.ToNormalizedString(), ChangeLines = [], Written = false, Diff = CatalogDiff.Between([], []) };
        }

        log.WriteLine($"Moving to {target}: checking the release is whole and comparing the rule catalogs...");
        CheckCompanions(Read, target);
        var changes = new ChangeSet();
        var lines = new List<string>();
        if (recovered.Count > 0)
        {
            lines.Add(TreeWrite.Recovered(recovered));
        }

        VersionMoves.Apply(Read, target, changes, lines);
        AddSolutionEntry(Read, target, changes, lines);
        var (diff, problem) = Compare(current, target);
        var (verification, baselined) = options.Build ? Verify(root, git, target, changes, Expiry(options, current, target)) : (null, []);
        var written = Write(root, changes, options.DryRun, verification?.CiBuildGreen ?? true);
        return new UpgradeResult
        {
            From = current.ToNormalizedString(),
            To = target.ToNormalizedString(),
            ChangeLines = [.. lines, .. verification?.ChangeLines ?? []],
            Diff = diff,
            CatalogProblem = problem,
            Verification = verification,
            Baselined = baselined,
            Written = written,
        };
    }

    /// <summary>
    /// Writes the change set, all or nothing, unless it is a dry run or the CI-mode build on the new version fails:
    /// an upgrade that is red on arrival is not a change to review, so the repo keeps its pins and baselines (the
    /// changelog says what fails). True when written.
    /// </summary>
    private bool Write(string root, ChangeSet changes, bool dryRun, bool green)
    {
        // Every command stops on the cancellation; a signal that came after the last one still writes nothing.
        Cancellation.ThrowIfCancellationRequested();
        if (!green)
        {
            log.WriteLine("The CI-mode build on the new version fails: nothing is written to the repo.");
            return false;
        }

        if (dryRun || changes.Files.Count == 0)
        {
            return false;
        }

        log.WriteLine($"Writing {changes.Files.Count} file(s)...");
        changes.Commit(root);
        RestoreTool(root, changes);
        return true;
    }

    /// <summary>
    /// The tool manifest moved Standards.Tool to a version the machine may not have: until <c>dotnet tool restore</c>
    /// fetches it, every <c>dotnet standards</c> command fails with "Run dotnet tool restore". A restore that fails
    /// is STD7506: the upgrade is written, and the error says what to run once the feed serves the tool.
    /// </summary>
    private void RestoreTool(string root, ChangeSet changes)
    {
        if (VersionMoves.ToolManifests.FirstOrDefault(m => changes.Get(m) is not null) is not { } manifest)
        {
            return;
        }

        log.WriteLine($"Restoring the local tools of {manifest} (dotnet tool restore)...");
        var restore = runner.Run("dotnet", ["tool", "restore"], root);
        if (restore.ExitCode != 0)
        {
            throw new ToolException(ToolRuleIds.BuildFailed,
                $"the upgrade was written, but `dotnet tool restore` failed (exit code {restore.ExitCode}), so `dotnet standards` cannot run at the version {manifest} now pins: {string.Join(" ", restore.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(5))}. Check that the feeds serve Standards.Tool at that version, then run `dotnet tool restore`.",
                manifest);
        }
    }

    /// <summary>The path of the solution entry in the Standards.Sdk package.</summary>
    public const string SolutionEntryPackagePath = "Sdk/Solution.targets";

    /// <summary>
    /// Adds the import of the solution entry to the repo's <c>Directory.Solution.targets</c> (creating the file when there
    /// is none, <see cref="SolutionEntry"/>), in the same change set as the pins, when the new version ships the entry:
    /// an import of an entry the package lacks would fail every solution build (MSB4019).
    /// </summary>
    private void AddSolutionEntry(Func<string, string?> read, NuGetVersion target, ChangeSet changes, List<string> lines)
    {
        var existing = read(SolutionEntry.FileName);
        if (SolutionEntry.Write(existing) is not { } entry)
        {
            return;
        }

        if (feeds.ReadFile(ProjectFileEditor.StandardsSdk, target, SolutionEntryPackagePath) is null)
        {
            lines.Add($"{SolutionEntry.FileName}: left as it is: Standards.Sdk {target} has no solution entry ({SolutionEntryPackagePath}) to import");
            return;
        }

        changes.Set(SolutionEntry.FileName, entry);
        lines.Add($"{SolutionEntry.FileName}: {(existing is null ? "created" : "updated")}: imports Standards.Sdk's solution entry, so the coverage step on a solution (dotnet build <solution> -t:StandardsCoverage) runs in the projects on Standards.Sdk and leaves the others alone");
    }

    /// <summary>The reason and expiry date of the entries the upgrade records.</summary>
    private static (string Reason, DateOnly Expires) Expiry(UpgradeOptions options, NuGetVersion current, NuGetVersion target) =>
        (ExpiringEntries.Reason(current.ToNormalizedString(), target.ToNormalizedString()),
         (options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(options.GraceDays));

    /// <summary>Every package that moves with the SDK must be served, listed, at the target version (STD7515).</summary>
    private void CheckCompanions(Func<string, string?> read, NuGetVersion target)
    {
        foreach (var package in VersionMoves.Companions(read).DistinctBy(p => p.PackageId, StringComparer.OrdinalIgnoreCase))
        {
            if (!feeds.Versions(package.PackageId).Any(v => v.Listed && v.Version == target))
            {
                throw new ToolException(ToolRuleIds.PackagesOutOfStep,
                    $"the feeds serve {ProjectFileEditor.StandardsSdk} {target} but not {package.PackageId} {target}, which {package.File} pins with it ({feeds.Describe(package.PackageId)}). Publish every package of the release, or check the package source mapping; nothing was written.",
                    package.File);
            }
        }
    }

    /// <summary>The two catalogs compared; a package without one is said, never read as an empty catalog.</summary>
    private (CatalogDiff? Diff, string? Problem) Compare(NuGetVersion current, NuGetVersion target)
    {
        var before = feeds.ReadFile(ProjectFileEditor.StandardsSdk, current, RuleCatalogDocument.PackagePath);
        var after = feeds.ReadFile(ProjectFileEditor.StandardsSdk, target, RuleCatalogDocument.PackagePath);
        var missing = new[] { (current, before), (target, after) }.Where(c => c.Item2 is null).Select(c => c.Item1.ToNormalizedString()).ToList();
        if (missing.Count > 0)
        {
            return (null, $"the package of Standards.Sdk {string.Join(" and ", missing)} carries no {RuleCatalogDocument.PackagePath} (packed before the SDK shipped its catalog, or not served by the feeds); compare the rules index of both versions by hand.");
        }

        var diff = CatalogDiff.Between(
            RuleCatalogDocument.Read($"Standards.Sdk.{current.ToNormalizedString()}/{RuleCatalogDocument.PackagePath}", before!),
            RuleCatalogDocument.Read($"Standards.Sdk.{target.ToNormalizedString()}/{RuleCatalogDocument.PackagePath}", after!));
        return (CompareBans(diff, current, target), null);
    }

    /// <summary>The diff with the banned APIs of both versions compared, file by file; a file one package lacks is said, not read as no bans.</summary>
    private CatalogDiff CompareBans(CatalogDiff diff, NuGetVersion current, NuGetVersion target)
    {
        var added = new List<BannedApi>();
        var removed = new List<BannedApi>();
        var problems = new List<string>();
        foreach (var path in BannedApiDiff.PackagePaths)
        {
            var before = feeds.ReadFile(ProjectFileEditor.StandardsSdk, current, path);
            var after = feeds.ReadFile(ProjectFileEditor.StandardsSdk, target, path);
            if (before is null && after is null)
            {
                continue;
            }

            if (before is null || after is null)
            {
                problems.Add($"the package of Standards.Sdk {(before is null ? current : target).ToNormalizedString()} carries no {path}");
                continue;
            }

            var (plus, minus) = BannedApiDiff.Between(BannedApiDiff.Read(path, before), BannedApiDiff.Read(path, after));
            added.AddRange(plus);
            removed.AddRange(minus);
        }

        return diff with
        {
            BannedAdded = added,
            BannedRemoved = removed,
            BannedProblem = problems.Count == 0 ? null : $"The banned APIs could not all be compared: {string.Join("; ", problems)}; compare the banned-symbol files of both versions by hand.",
        };
    }

    /// <summary>
    /// Stages the repo with the pins moved, runs adopt's survey and verification on it (which restores the lock files
    /// and records every finding new under the new version in the baselines), and adds every file it changed to
    /// <paramref name="changes"/>.
    /// </summary>
    private (AdoptionResult Result, IReadOnlyList<RuleFindings> Baselined) Verify(string root, bool git, NuGetVersion target, ChangeSet changes, (string Reason, DateOnly Expires) expiry)
    {
        string? Read(string file) => RepoText.ReadOrNull(RepoPath.Resolve(root, file, RepoFiles.FileList), file);
        var codeBefore = Read(CodeBaselineDocument.FileName) is { } code ? CodeBaselineDocument.Read(code) : [];
        var repoBefore = BaselinedFindings.RepoEntries(Read(Standards.Sdk.Checks.Baseline.BaselineFile.DefaultFileName));
        // The copy resolves the repo's package sources as the repo does (relative feeds, parent nuget.config files).
        var copy = WorkspaceCopy.Create(root, RepoFiles.List(runner, root, git), "standards-upgrade-");
        var staging = copy.Folder;
        try
        {
            changes.Commit(staging);
            var result = new Adopter(runner, log) { Cancellation = Cancellation }.Run(new AdoptOptions(staging, target.ToNormalizedString(), DryRun: false, AllowDirty: true));
            foreach (var (file, content) in result.Changes.Files)
            {
                var original = RepoPath.Resolve(root, file, RepoFiles.FileList);
                if (!File.Exists(original) || File.ReadAllText(original) != content)
                {
                    changes.Set(file, content);
                }
            }

            // The entries new under the new version expire (--grace), with a reason naming the upgrade.
            if (changes.Get(CodeBaselineDocument.FileName) is { } codeAfter)
            {
                changes.Set(CodeBaselineDocument.FileName, ExpiringEntries.Code(codeAfter, codeBefore, expiry.Reason, expiry.Expires));
            }

            if (changes.Get(Standards.Sdk.Checks.Baseline.BaselineFile.DefaultFileName) is { } repoText)
            {
                changes.Set(Standards.Sdk.Checks.Baseline.BaselineFile.DefaultFileName, ExpiringEntries.Repo(repoText, repoBefore, expiry.Reason, expiry.Expires));
            }

            var repoAfter = BaselinedFindings.RepoEntries(changes.Get(Standards.Sdk.Checks.Baseline.BaselineFile.DefaultFileName) ?? Read(Standards.Sdk.Checks.Baseline.BaselineFile.DefaultFileName));
            return (result, BaselinedFindings.New(codeBefore, result.CodeEntries, repoBefore, repoAfter));
        }
        finally
        {
            copy.Delete();
        }
    }
}
