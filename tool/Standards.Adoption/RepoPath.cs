using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// The one way a command turns a path it read from the repo (a journal entry, a file git lists, a path a record or
/// baseline names) into a file to read or write: the result is inside the repo root, or the command stops with a
/// coded error naming the file that held the path. A repo is untrusted input: a commit can name <c>../../x</c>, an
/// absolute or drive path, a folder that is a symbolic link to somewhere else, or a pipe.
/// </summary>
public static class RepoPath
{
    /// <summary>The longest path accepted; longer is not a path any repo of ours holds.</summary>
    public const int MaxLength = 4096;

    // Links resolved per path at most; a loop of links is refused, not followed for ever.
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="root"/>, or STD7543 naming
    /// <paramref name="source"/> (the repo-relative file the path was read from) and <paramref name="line"/>.
    /// </summary>
    /// <param name="root">The repo root.</param>
    /// <param name="relative">The repo-relative path, as read.</param>
    /// <param name="source">The file the path came from, repo-relative (a listing, a record, a baseline).</param>
    /// <param name="line">Its 1-based line, 0 when unknown.</param>
    public static string Resolve(string root, string relative, string source, int line = 0)
    {
        if (Problem(root, relative) is { } problem)
        {
            throw new ToolException(ToolRuleIds.PathOutsideRepo,
                $"{source} names the path '{Printable(relative)}', which {problem}. A path the repo gives must stay inside the repo: fix or remove it in {source} (a committed symbolic link out of the repo: replace it with the file), then run the command again; nothing was written.",
                source, line);
        }

        return Path.GetFullPath(Path.Join(Path.GetFullPath(root), relative));
    }

    /// <summary>Why <paramref name="relative"/> does not resolve to a file inside <paramref name="root"/>, or null when it does.</summary>
    public static string? Problem(string root, string relative)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (LexicalProblem(relative) is { } lexical)
        {
            return lexical;
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Join(fullRoot, relative));
        if (!IsUnder(full, fullRoot))
        {
            return "resolves outside the repo";
        }

        var real = RealPath(full);
        if (real is null)
        {
            return "goes through a loop of symbolic links";
        }

        if (!IsUnder(real, RealPath(fullRoot) ?? fullRoot))
        {
            return $"goes through a symbolic link to {Printable(real)}, outside the repo";
        }

        return IsSpecialFile(real) ? "is not a regular file (a device, a pipe or a socket)" : null;
    }

    /// <summary>What is wrong with the text of the path alone (no file system), or null.</summary>
    private static string? LexicalProblem(string relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return "is empty";
        }

        if (relative.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (relative.Any(char.IsControl))
        {
            return "holds a control character (NUL, a tab or a line break)";
        }

        // Rooted on either platform: a repo written on one is read on the other.
        // A ':' elsewhere is a legal file name character on Unix, and a stream name on Windows.
        if (Path.IsPathRooted(relative) || relative[0] is '/' or '\\' || (relative.Length > 1 && relative[1] == ':') || (OperatingSystem.IsWindows() && relative.Contains(':', StringComparison.Ordinal)))
        {
            return "is absolute (a root, drive, UNC or device path)";
        }

        if (relative[^1] is '/' or '\\')
        {
            return "ends with a separator (a folder, not a file)";
        }

        var segments = relative.Split('/', '\\');
        if (segments.Any(s => s == ".."))
        {
            return "has a '..' segment";
        }

        // The tool never reads or writes git's own files: a hook written there would run on the next git command.
        return segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)) ? "is inside the .git folder" : null;
    }

    private static bool IsUnder(string full, string root)
    {
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, PathComparison) && full.Length > prefix.Length;
    }

    /// <summary>The path with every symbolic link of it (the file and each folder above it) followed; null for a loop.</summary>
    private static string? RealPath(string full)
    {
        var links = 0;
        var pending = new Stack<string>(Path.TrimEndingDirectorySeparator(full).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Skip(1).Reverse());
        var current = Path.GetPathRoot(full)!;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            var next = segment == ".." ? Path.GetDirectoryName(current) ?? current : Path.Join(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The link's target replaces it; an absolute target starts again from its root.
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }

            foreach (var part in target.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Skip(Path.IsPathRooted(target) ? 1 : 0).Reverse())
            {
                pending.Push(part);
            }
        }

        return current;
    }

    /// <summary>
    /// True for an existing entry that is neither a folder nor a regular file. .NET has no file-type API, so the
    /// entry is opened read-write without truncation: a pipe opened so does not wait for a writer, and a pipe or
    /// device is the only kind of file that cannot seek. Nothing is written.
    /// </summary>
    internal static bool IsSpecialFile(string full)
    {
        // A pipe, a socket and a device have no length; the open below is only for what might be one.
        if (OperatingSystem.IsWindows() || !File.Exists(full) || new FileInfo(full).Length > 0)
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(full, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite | FileShare.Delete });
            return !stream.CanSeek;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            // A read-only regular file; a pipe the user cannot open is no danger to a command that cannot open it either.
            return false;
        }
    }

    /// <summary>The path as an error message can show it: control characters escaped, at most 200 characters.</summary>
    internal static string Printable(string path)
    {
        var shown = string.Concat(path.Take(200).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return path.Length > 200 ? shown + "..." : shown;
    }
}
