using Standards.Sdk.Checks.Baseline;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The writing step's input from the workspace: the lock files the restore wrote, the repo baseline the survey build
/// wrote and the code baseline, added to the change set where they differ from the repo's files.
/// </summary>
internal static class WorkspaceOutputs
{
    /// <summary>What the repo had before adopt: the repo files, and whether it had each baseline.</summary>
    /// <param name="Files">The repo's files, repo-relative.</param>
    /// <param name="HadRepoBaseline">True when the repo has standards-baseline.json.</param>
    /// <param name="HadCodeBaseline">True when the repo has the code baseline.</param>
    public sealed record RepoBefore(IReadOnlyList<string> Files, bool HadRepoBaseline, bool HadCodeBaseline);

    /// <summary>The lock files the restore wrote and the repo baseline the survey wrote, into the change set; the code baseline too.</summary>
    public static void Add(string root, string workspace, RepoBefore before, ChangeSet changes, IReadOnlyList<CodeEntry> codeEntries, List<string> changeLines)
    {
        AddLockFiles(root, workspace, before.Files, changes, changeLines);
        AddRepoBaseline(root, workspace, before.HadRepoBaseline, changes, changeLines);
        AddCodeBaseline(root, before.HadCodeBaseline, changes, codeEntries, changeLines);
    }

    private static void AddLockFiles(string root, string workspace, IReadOnlyList<string> files, ChangeSet changes, List<string> changeLines)
    {
        var known = files.ToHashSet(StringComparer.Ordinal);
        foreach (var lockFile in Directory.EnumerateFiles(workspace, "packages.lock.json", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(workspace, f).Replace('\\', '/'))
                     .Where(f => !f.Split('/').Any(s => s is "bin" or "obj" or ".git"))
                     .Order(StringComparer.Ordinal))
        {
            var content = File.ReadAllText(Path.Combine(workspace, lockFile));
            var original = known.Contains(lockFile) ? File.ReadAllText(RepoPath.Resolve(root, lockFile, RepoFiles.FileList)) : null;
            if (!string.Equals(content, original, StringComparison.Ordinal))
            {
                changes.Set(lockFile, content);
                changeLines.Add($"{lockFile}: {(original is null ? "created" : "updated")} (lock file)");
            }
        }
    }

    /// <summary>The repo baseline the survey build rewrote; a new one only when it holds entries.</summary>
    private static void AddRepoBaseline(string root, string workspace, bool hadRepoBaseline, ChangeSet changes, List<string> changeLines)
    {
        var repoBaseline = Path.Combine(workspace, BaselineFile.DefaultFileName);
        if (!File.Exists(repoBaseline))
        {
            return;
        }

        var content = File.ReadAllText(repoBaseline);
        var empty = BaselineFile.Parse(BaselineFile.DefaultFileName, content).Baseline.Entries.Count == 0;
        var original = hadRepoBaseline ? RepoText.Read(Path.Combine(root, BaselineFile.DefaultFileName), BaselineFile.DefaultFileName) : null;
        if ((hadRepoBaseline || !empty) && !string.Equals(content, original, StringComparison.Ordinal))
        {
            changes.Set(BaselineFile.DefaultFileName, content);
            changeLines.Add($"{BaselineFile.DefaultFileName}: {(original is null ? "created" : "updated")} (repository findings)");
        }
    }

    /// <summary>The code baseline of <paramref name="codeEntries"/>; an entry that is still needed keeps its reason and expiry date.</summary>
    private static void AddCodeBaseline(string root, bool hadCodeBaseline, ChangeSet changes, IReadOnlyList<CodeEntry> codeEntries, List<string> changeLines)
    {
        if (!hadCodeBaseline && codeEntries.Count == 0)
        {
            return;
        }

        var original = hadCodeBaseline ? RepoText.Read(Path.Combine(root, CodeBaselineDocument.FileName), CodeBaselineDocument.FileName) : null;
        var kept = original is null ? [] : CodeBaselineDocument.Read(original).ToHashSet();
        var content = CodeBaselineDocument.Write(codeEntries.Select(e => kept.TryGetValue(e, out var old) ? old : e));
        if (!string.Equals(content, original, StringComparison.Ordinal))
        {
            changes.Set(CodeBaselineDocument.FileName, content);
            changeLines.Add($"{CodeBaselineDocument.FileName}: {(original is null ? "created" : "updated")} ({codeEntries.Count} analyzer and compiler finding(s))");
        }
    }
}
