namespace Standards.Adoption;

/// <summary>
/// The files of a repo the tool looks at, when it is a git repo the ones its build judges: every file git tracks,
/// whatever .gitignore says (a force-added file is committed, so CI checks it), and the untracked ones git does not ignore.
/// </summary>
public static class RepoFiles
{
    /// <summary>What a path of the listing is named as in an error: it comes from git or the walk, not from one file.</summary>
    internal const string FileList = "the repo's file list";

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "bin", "obj", "artifacts", "node_modules", ".vs", ".idea" };

    /// <summary>True when <paramref name="root"/> is inside a git work tree.</summary>
    public static bool IsGitRepo(ICommandRunner runner, string root)
    {
        ArgumentNullException.ThrowIfNull(runner);
        try
        {
            return runner.Run("git", ["rev-parse", "--is-inside-work-tree"], root).ExitCode == 0;
        }
        catch (ToolException)
        {
            return false;
        }
    }

    /// <summary>The uncommitted changes (git status --porcelain lines) of the repo.</summary>
    public static IReadOnlyList<string> Uncommitted(ICommandRunner runner, string root)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var status = runner.Run("git", ["status", "--porcelain", "--untracked-files=normal", "--", "."], root);
        return status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Repo-relative, '/'-separated paths of the repo's files.</summary>
    public static IReadOnlyList<string> List(ICommandRunner runner, string root, bool git)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (git)
        {
            var listed = runner.Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root);
            if (listed.ExitCode == 0)
            {
                return listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Trim('\n'))
                    .Where(p => p.Length > 0 && File.Exists(RepoPath.Resolve(root, p, FileList)))
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
        }

        var files = new List<string>();
        Walk(root, root, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string root, string folder, List<string> files)
    {
        files.AddRange(Directory.EnumerateFiles(folder).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(f => File.Exists(RepoPath.Resolve(root, f, FileList))));
        // A folder that is a symbolic link is not walked: it may lead out of the repo, or round in a loop.
        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && new DirectoryInfo(d).LinkTarget is null))
        {
            Walk(root, child, files);
        }
    }
}
