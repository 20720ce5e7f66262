using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>One file of a change as the journal records it: its path, whether it existed, whether it is deleted.</summary>
internal sealed record JournalEntry(string Path, bool Existed, bool Deleted);

/// <summary>
/// Reads the journal <see cref="TreeWrite"/> leaves when a command is stopped half way, and decides whether it may be
/// replayed. The journal is local state of one checkout: a journal git tracks came with a commit and is never
/// replayed (STD7541); every entry, the journal's folder and its kept originals must be files inside the repo, or the
/// whole journal is refused before anything is touched (STD7542); a read-only command replays nothing (STD7540).
/// </summary>
internal static class Journal
{
    /// <summary>The largest journal read: one line per changed file, far below this for any change the tool makes.</summary>
    public const int MaxChars = 16 * 1024 * 1024;

    public const string FileName = "journal.txt";

    /// <summary>The journal's repo-relative path, as errors name it.</summary>
    public static readonly string RelativePath = TreeWrite.JournalFolder + "/" + FileName;

    /// <summary>True when the repo has a journal folder (or anything of that name, a link included).</summary>
    public static bool Present(string root) => Path.Exists(Path.Combine(root, TreeWrite.JournalFolder)) || new FileInfo(Path.Combine(root, TreeWrite.JournalFolder)).LinkTarget is not null;

    /// <summary>The kept original of the change's <paramref name="index"/>th file.</summary>
    public static string Original(string root, int index) => Path.Combine(root, TreeWrite.JournalFolder, index.ToString(CultureInfo.InvariantCulture) + ".orig");

    /// <summary>STD7541 when git tracks anything under the journal's folder.</summary>
    public static void RefuseIfTracked(ICommandRunner runner, string root)
    {
        var tracked = runner.Run("git", ["ls-files", "-z", "--", TreeWrite.JournalFolder], root);
        if (tracked.ExitCode == 0 && tracked.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Length > 0)
        {
            throw new ToolException(ToolRuleIds.JournalCommitted,
                $"git tracks {TreeWrite.JournalFolder}/: a change journal is local state of one checkout, and one that came with a commit is never replayed (it could name any file to overwrite or delete). Nothing was read or written. Remove it from the repo and ignore it: `git rm -r --cached {TreeWrite.JournalFolder}`, add `{TreeWrite.JournalFolder}/` to .gitignore, commit, delete the {TreeWrite.JournalFolder} folder, then run the command again.",
                RelativePath);
        }
    }

    /// <summary>
    /// The journal's entries, each checked with <see cref="RepoPath"/>, with the folder and its originals checked too;
    /// STD7542 naming the line otherwise. Reads only.
    /// </summary>
    public static List<JournalEntry> Read(string root)
    {
        var folder = Path.Combine(root, TreeWrite.JournalFolder);
        if (new DirectoryInfo(folder).LinkTarget is { } link)
        {
            throw Refused(0, $"the {TreeWrite.JournalFolder} folder is a symbolic link (to {RepoPath.Printable(link)}), which the tool never writes");
        }

        if (!Directory.Exists(folder))
        {
            throw Refused(0, $"{TreeWrite.JournalFolder} is not a folder");
        }

        var journal = Path.Combine(folder, FileName);
        if (!Path.Exists(journal) && new FileInfo(journal).LinkTarget is null)
        {
            return [];
        }

        if (RepoPath.Problem(root, RelativePath) is { } journalProblem)
        {
            throw Refused(0, $"the journal {journalProblem}");
        }

        var entries = Parse(journal);
        var entryPaths = entries.Select(e => e.Path.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/')).ToHashSet(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (RepoPath.Problem(root, entries[i].Path) is { } problem)
            {
                throw Refused(i + 1, $"line {i + 1} names '{RepoPath.Printable(entries[i].Path)}', which {problem}");
            }

            if (Path.GetRelativePath(root, Path.GetFullPath(Path.Join(root, entries[i].Path))).Split(Path.DirectorySeparatorChar)[0] == TreeWrite.JournalFolder)
            {
                throw Refused(i + 1, $"line {i + 1} names '{RepoPath.Printable(entries[i].Path)}', a file of the journal itself");
            }

            if (Directory.Exists(Path.Join(root, entries[i].Path)))
            {
                throw Refused(i + 1, $"line {i + 1} names '{RepoPath.Printable(entries[i].Path)}', which is a folder, not a file");
            }

            // A missing folder is made again when the file is put back; a file where a folder should be cannot be.
            if (FileOnPath(root, entries[i].Path, entryPaths) is { } file)
            {
                throw Refused(i + 1, $"line {i + 1} names '{RepoPath.Printable(entries[i].Path)}', but {RepoPath.Printable(file)} on its path is a file, not a folder");
            }

            var original = Path.GetRelativePath(root, Original(root, i)).Replace('\\', '/');
            if ((new FileInfo(Original(root, i)).LinkTarget is null ? RepoPath.Problem(root, original) : "is a symbolic link") is { } originalProblem)
            {
                throw Refused(i + 1, $"the kept original {original} of line {i + 1} {originalProblem}");
            }
        }

        return entries;
    }

    /// <summary>
    /// The first folder of <paramref name="relative"/> (repo-relative) that is a file, on disk or as another entry of
    /// the journal (a change never holds both a file and a file under it), or null.
    /// </summary>
    private static string? FileOnPath(string root, string relative, HashSet<string> entryPaths)
    {
        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 1; i < segments.Length; i++)
        {
            var folder = string.Join('/', segments[..i]);
            if (entryPaths.Contains(folder) || File.Exists(Path.Join(root, folder)))
            {
                return folder;
            }
        }

        return null;
    }

    private static List<JournalEntry> Parse(string journal)
    {
        var entries = new List<JournalEntry>();
        using var reader = new StreamReader(journal, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var read = 0L;
        for (var number = 1; reader.ReadLine() is { } line; number++)
        {
            read += line.Length + 1;
            if (read > MaxChars)
            {
                throw Refused(number, $"it is longer than {MaxChars / (1024 * 1024)} MiB at line {number}, which no change of the tool writes");
            }

            var parts = line.Split('\t', 3);
            if (parts.Length != 3 || parts[0] is not ("existed" or "new") || parts[1] is not ("write" or "delete") || parts[2].Length == 0)
            {
                throw Refused(number, $"line {number} cannot be read (expected `existed|new<TAB>write|delete<TAB>path`)");
            }

            entries.Add(new JournalEntry(parts[2], parts[0] == "existed", parts[1] == "delete"));
        }

        return entries;
    }

    private static ToolException Refused(int line, string why) =>
        new(ToolRuleIds.JournalRefused,
            $"an earlier command left a change journal ({TreeWrite.JournalFolder}/) that is refused: {why}. Nothing was put back, written or deleted. Check the files it names with `git status` and `git diff` and restore them with `git checkout -- <file>` as needed, then delete the {TreeWrite.JournalFolder} folder and run the command again.",
            RelativePath, line);
}
