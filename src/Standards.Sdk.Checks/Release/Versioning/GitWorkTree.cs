using System.Text;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>What HEAD is, read from git's files without starting git (cheap enough for every build of every project).</summary>
/// <param name="Commit">The commit HEAD points at, or null for a branch without commits yet.</param>
/// <param name="SymbolicRef">The branch (<c>refs/heads/main</c>), or null for a detached HEAD.</param>
/// <param name="RefsFingerprint">A hash of what else decides the version facts: tags and the shallow boundary.</param>
public sealed record GitHead(string? Commit, string? SymbolicRef, string RefsFingerprint);

/// <summary>
/// A git work tree: its root, its git folder and the common folder (different for <c>git worktree</c> checkouts
/// and submodules, whose <c>.git</c> is a file naming the real folder). Reads HEAD, the branch, the tags and the
/// shallow boundary straight from the files, so a no-op build learns whether anything changed without a git
/// process; falls back to the git CLI where the files are not plain (the reftable format).
/// </summary>
public sealed class GitWorkTree
{
    private GitWorkTree(string root, string gitDirectory, string commonDirectory)
    {
        Root = root;
        GitDirectory = gitDirectory;
        CommonDirectory = commonDirectory;
    }

    /// <summary>The work tree root (the folder holding <c>.git</c>).</summary>
    public string Root { get; }

    /// <summary>The git folder of this work tree.</summary>
    public string GitDirectory { get; }

    /// <summary>The folder holding objects, refs and packed-refs (the git folder itself unless this is a linked worktree).</summary>
    public string CommonDirectory { get; }

    /// <summary>True when the clone is shallow (git's <c>shallow</c> file exists).</summary>
    public bool IsShallow => File.Exists(Path.Combine(CommonDirectory, "shallow"));

    /// <summary>Finds the work tree that holds <paramref name="directory"/>; null when it is not inside one.</summary>
    public static GitWorkTree? Find(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            var marker = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(marker))
            {
                return new GitWorkTree(dir.FullName, marker, CommonOf(marker));
            }

            if (File.Exists(marker) && GitDirFromFile(marker) is { } linked)
            {
                return new GitWorkTree(dir.FullName, linked, CommonOf(linked));
            }
        }

        return null;
    }

    /// <summary>Reads HEAD; null when the files cannot be read as plain refs (then ask git).</summary>
    public GitHead? ReadHead()
    {
        if (Directory.Exists(Path.Combine(CommonDirectory, "reftable")))
        {
            return null;
        }

        var head = ReadText(Path.Combine(GitDirectory, "HEAD"))?.Trim();
        if (head is null)
        {
            return null;
        }

        string? symbolic = null;
        var target = head;
        for (var depth = 0; depth < 5 && target.StartsWith("ref:", StringComparison.Ordinal); depth++)
        {
            symbolic ??= target[4..].Trim();
            target = ResolveRef(target[4..].Trim()) ?? string.Empty;
        }

        var commit = IsObjectId(target) ? target : null;
        return new GitHead(commit, symbolic, RefsFingerprint());
    }

    /// <summary>HEAD through the git CLI (for ref formats <see cref="ReadHead"/> does not read).</summary>
    public GitHead? ReadHeadWithGit()
    {
        var result = GitCommand.Run(Root, ["rev-parse", "--verify", "-q", "HEAD"]);
        var commit = result.Succeeded ? result.Output.Trim() : null;
        var symbolic = GitCommand.Run(Root, ["symbolic-ref", "-q", "HEAD"]);
        var tags = GitCommand.Run(Root, ["for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"]);
        if (!tags.Succeeded)
        {
            return null;
        }

        var fingerprint = Hash(tags.Output + "\n" + (ReadText(Path.Combine(CommonDirectory, "shallow")) ?? string.Empty));
        return new GitHead(commit is not null && IsObjectId(commit) ? commit : null, symbolic.Succeeded ? symbolic.Output.Trim() : null, fingerprint);
    }

    /// <summary>The commits git's shallow file lists (their parents are missing from this clone).</summary>
    public HashSet<string> ShallowCommits()
    {
        var text = ReadText(Path.Combine(CommonDirectory, "shallow")) ?? string.Empty;
        return new HashSet<string>(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The repo-relative, '/'-separated form of a path inside the work tree ("" for the root).</summary>
    public string Relative(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path)).Replace('\\', '/');
        return relative == "." ? string.Empty : relative;
    }

    /// <summary>True for a 40 (SHA-1) or 64 (SHA-256) character hex object id.</summary>
    public static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(Uri.IsHexDigit);

    private string? ResolveRef(string name)
    {
        foreach (var folder in new[] { GitDirectory, CommonDirectory })
        {
            if (ReadText(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar))) is { } loose)
            {
                return loose.Trim();
            }
        }

        var packed = ReadText(Path.Combine(CommonDirectory, "packed-refs"));
        foreach (var line in (packed ?? string.Empty).Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && !line.StartsWith('#') && !line.StartsWith('^') && line[(space + 1)..].Trim() == name)
            {
                return line[..space];
            }
        }

        return null;
    }

    /// <summary>packed-refs, the loose tags and the shallow file: a new tag or a deepened clone changes the facts.</summary>
    private string RefsFingerprint()
    {
        var text = new StringBuilder();
        text.Append(ReadText(Path.Combine(CommonDirectory, "packed-refs")) ?? string.Empty).Append('\n');
        var tags = Path.Combine(CommonDirectory, "refs", "tags");
        if (Directory.Exists(tags))
        {
            foreach (var file in Directory.EnumerateFiles(tags, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                text.Append(Path.GetRelativePath(tags, file)).Append(' ').Append(ReadText(file)?.Trim()).Append('\n');
            }
        }

        text.Append("shallow:").Append(ReadText(Path.Combine(CommonDirectory, "shallow")) ?? string.Empty);
        return Hash(text.ToString());
    }

    private static string Hash(string text) => StableHash.Of(text);

    private static string CommonOf(string gitDirectory)
    {
        var common = ReadText(Path.Combine(gitDirectory, "commondir"))?.Trim();
        return string.IsNullOrEmpty(common) ? gitDirectory : Path.GetFullPath(Path.Combine(gitDirectory, common));
    }

    private static string? GitDirFromFile(string marker)
    {
        var text = ReadText(marker)?.Trim();
        if (text is null || !text.StartsWith("gitdir:", StringComparison.Ordinal))
        {
            return null;
        }

        var path = text[7..].Trim();
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(marker)!, path));
        return Directory.Exists(full) ? full : null;
    }

    /// <summary>
    /// Writes a whole file: a temporary file next to it, then a rename over it, so a concurrent reader sees the old
    /// or the new content, never half of it. IO errors propagate (callers treat caches as best effort).
    /// </summary>
    internal static void WriteWhole(string path, string text)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text);
        try
        {
            if (File.Exists(path))
            {
                File.Replace(temporary, path, null);
            }
            else
            {
                File.Move(temporary, path);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>A file's text, or null when it is missing or unreadable.</summary>
    internal static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
