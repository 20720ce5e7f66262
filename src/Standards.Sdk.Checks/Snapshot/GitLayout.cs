namespace Standards.Sdk.Checks.Snapshot;

/// <summary>
/// Where git keeps the state of the work tree a folder is in, found without running git (this runs on every
/// no-op build). The nearest <c>.git</c> at or above the folder is either the git directory itself (a plain
/// clone) or a file <c>gitdir: &lt;path&gt;</c> pointing at it (a <c>git worktree</c> checkout, a submodule, a
/// separated git dir), as git's own discovery reads it (https://git-scm.com/docs/gitrepository-layout). A linked
/// work tree's git directory names the shared one in its <c>commondir</c> file. The index, which changes with
/// every <c>git add</c> and <c>git rm --cached</c>, is always <c>&lt;git dir&gt;/index</c>.
/// </summary>
/// <param name="WorkTree">The folder holding <c>.git</c> (the work tree root; the repo root may be below it).</param>
/// <param name="Marker">The <c>.git</c> folder or file itself.</param>
/// <param name="GitDirectory">The git directory of this work tree, or null when a <c>.git</c> file names none that exists.</param>
/// <param name="CommonDirectory">The shared git directory (config, info/exclude), or null as above.</param>
public sealed record GitLayout(string WorkTree, string Marker, string? GitDirectory, string? CommonDirectory)
{
    /// <summary>The index file (it may not exist yet in a repo where nothing was ever added).</summary>
    public string? IndexFile => GitDirectory is null ? null : Path.Combine(GitDirectory, "index");

    /// <summary>The repo's own ignore list (<c>info/exclude</c>), shared by all work trees.</summary>
    public string? ExcludeFile => CommonDirectory is null ? null : Path.Combine(CommonDirectory, "info", "exclude");

    /// <summary>The files whose change may change what git says is tracked or ignored.</summary>
    public IEnumerable<string> StateFiles()
    {
        if (IndexFile is { } index)
        {
            yield return index;
        }

        if (ExcludeFile is { } exclude)
        {
            yield return exclude;
        }

        if (File.Exists(Marker))
        {
            yield return Marker;
        }
    }

    /// <summary>The layout of the work tree <paramref name="folder"/> is in, or null when it is in none.</summary>
    public static GitLayout? Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker))
            {
                return new GitLayout(dir.FullName, marker, marker, CommonOf(marker));
            }

            if (File.Exists(marker))
            {
                var gitDir = GitDirFromFile(marker);
                return new GitLayout(dir.FullName, marker, gitDir, gitDir is null ? null : CommonOf(gitDir));
            }
        }

        return null;
    }

    /// <summary>The folder a <c>.git</c> file names (<c>gitdir: ../.git/worktrees/x</c>, relative to the file), or null.</summary>
    private static string? GitDirFromFile(string marker)
    {
        try
        {
            foreach (var line in File.ReadLines(marker))
            {
                if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    var target = line["gitdir:".Length..].Trim();
                    var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(marker)!, target));
                    return Directory.Exists(full) ? full : null;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Unreadable: git itself will fail, and the checks say so (STD2013).
        }

        return null;
    }

    /// <summary>The shared git directory: the one <c>commondir</c> names, else the git directory itself.</summary>
    private static string CommonOf(string gitDir)
    {
        try
        {
            var file = Path.Combine(gitDir, "commondir");
            if (File.Exists(file))
            {
                var target = File.ReadAllText(file).Trim();
                var full = Path.GetFullPath(Path.Combine(gitDir, target));
                return Directory.Exists(full) ? full : gitDir;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Fall back to the git directory itself.
        }

        return gitDir;
    }
}
