using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>
/// Writes and deletes files of a repo all or none, byte for byte, and survives a hard kill (SIGKILL, power loss)
/// half way: before it touches the repo it writes a journal under <see cref="JournalFolder"/> naming every file it
/// will change and keeps a copy of each one's original there; it then stages each new content in a temporary file
/// beside its target, moves them into place and makes the deletions; deleting the journal is the commit point. A
/// failure it sees puts every file back (STD7509); a kill it cannot see leaves the journal, and the next command's
/// <see cref="RecoverInterrupted"/> puts every file back from it. A replaced file keeps its Unix mode (an executable
/// script stays executable). Adopt, upgrade and update write through this (<see cref="ChangeSet"/> for text).
/// </summary>
public static class TreeWrite
{
    /// <summary>The folder under the repo root that holds the journal and the originals while a change is applied.</summary>
    public const string JournalFolder = ".standards-journal";

    private const string JournalFile = "journal.txt";
    private const string TempSuffix = ".standards-update.tmp";

    /// <summary>One file of a change as the journal records it: its path, whether it existed, whether it is deleted.</summary>
    private sealed record JournalEntry(string Path, bool Existed, bool Deleted);

    /// <summary>Writes each (path, content) under <paramref name="root"/>; a null content deletes the file.</summary>
    public static void Commit(string root, IReadOnlyList<(string Path, byte[]? Content)> changes) => Commit(root, changes, step: null);

    /// <summary>
    /// <see cref="Commit(string, IReadOnlyList{ValueTuple{string, byte[]}})"/>, calling <paramref name="step"/> before
    /// each step that changes the disk (the tests stop there, as a kill would).
    /// </summary>
    internal static void Commit(string root, IReadOnlyList<(string Path, byte[]? Content)> changes, Action<string>? step)
    {
        ArgumentNullException.ThrowIfNull(changes);
        RecoverInterrupted(root);
        var entries = changes.Select(c => new JournalEntry(c.Path.Replace('\\', '/'), File.Exists(Path.Combine(root, c.Path)), c.Content is null)).ToList();
        var current = string.Empty;
        try
        {
            step?.Invoke("journal");
            WriteJournal(root, entries);
            for (var i = 0; i < changes.Count; i++)
            {
                current = entries[i].Path;
                Stage(root, entries[i], i, changes[i].Content, step);
            }

            for (var i = 0; i < changes.Count; i++)
            {
                current = entries[i].Path;
                step?.Invoke("apply " + current);
                Apply(root, entries[i]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RollBack(root, entries);
            throw new ToolException(ToolRuleIds.WriteFailed,
                $"could not write {current} ({ex.Message}); every file was put back as it was. Make the repo writable and run the command again.",
                current);
        }

        step?.Invoke("commit");
        File.Delete(Path.Combine(root, JournalFolder, JournalFile));
        step?.Invoke("clean up");
        Directory.Delete(Path.Combine(root, JournalFolder), recursive: true);
    }

    /// <summary>
    /// Puts back the files of a change a killed command left half applied (a journal under <see cref="JournalFolder"/>),
    /// or removes what is left of one that was committed. Returns the repo-relative paths put back.
    /// </summary>
    public static IReadOnlyList<string> RecoverInterrupted(string root)
    {
        var folder = Path.Combine(root, JournalFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var journal = Path.Combine(folder, JournalFile);
        var entries = File.Exists(journal) ? ReadJournal(journal) : [];
        RollBack(root, entries);
        return [.. entries.Select(e => e.Path)];
    }

    /// <summary>The line a command's summary shows for the files <see cref="RecoverInterrupted"/> put back.</summary>
    public static string Recovered(IReadOnlyList<string> paths) =>
        $"put back {paths.Count} file(s) an earlier command was stopped while changing ({string.Join(", ", paths.Take(5))}{(paths.Count > 5 ? ", ..." : string.Empty)})";

    // One line per file, in the change's order: "existed|new", "write|delete", the repo-relative path (tab-separated).
    private static void WriteJournal(string root, List<JournalEntry> entries)
    {
        var folder = Path.Combine(root, JournalFolder);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, JournalFile + ".tmp");
        File.WriteAllLines(temp, entries.Select(e => $"{(e.Existed ? "existed" : "new")}\t{(e.Deleted ? "delete" : "write")}\t{e.Path}"));
        File.Move(temp, Path.Combine(folder, JournalFile), overwrite: true);
    }

    private static List<JournalEntry> ReadJournal(string journal)
    {
        var entries = new List<JournalEntry>();
        var lines = File.ReadAllLines(journal);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('\t', 3);
            if (parts.Length != 3 || parts[0] is not ("existed" or "new") || parts[1] is not ("write" or "delete") || parts[2].Length == 0)
            {
                throw new ToolException(ToolRuleIds.WriteFailed,
                    $"an earlier command was stopped while it changed files, and line {i + 1} of its journal cannot be read. Check the files it names with `git status` and `git diff`, restore them with `git checkout -- <file>` as needed, then delete the {JournalFolder} folder.",
                    Path.Combine(JournalFolder, JournalFile), i + 1);
            }

            entries.Add(new JournalEntry(parts[2], parts[0] == "existed", parts[1] == "delete"));
        }

        return entries;
    }

    // The original's copy first, then the new content beside the target: nothing of the repo is changed yet.
    private static void Stage(string root, JournalEntry entry, int index, byte[]? content, Action<string>? step)
    {
        var target = Path.Combine(root, entry.Path);
        if (entry.Existed)
        {
            step?.Invoke("keep " + entry.Path);
            // Copied under another name and renamed, so a kill during the copy never leaves half an original to restore.
            File.Copy(target, Original(root, index) + ".tmp", overwrite: true);
            File.Move(Original(root, index) + ".tmp", Original(root, index), overwrite: true);
        }

        if (content is not null)
        {
            step?.Invoke("stage " + entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target + TempSuffix, content);
            if (entry.Existed && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target + TempSuffix, File.GetUnixFileMode(target));
            }
        }
    }

    private static void Apply(string root, JournalEntry entry)
    {
        var target = Path.Combine(root, entry.Path);
        if (entry.Deleted)
        {
            File.Delete(target);
        }
        else
        {
            File.Move(target + TempSuffix, target, overwrite: true);
        }
    }

    // Every file as it was before the change (whatever step the change reached), then the journal's folder goes.
    private static void RollBack(string root, List<JournalEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var target = Path.Combine(root, entries[i].Path);
            var original = Original(root, i);
            if (entries[i].Existed && File.Exists(original))
            {
                File.Move(original, target, overwrite: true);
            }
            else if (!entries[i].Existed && !entries[i].Deleted && !File.Exists(target + TempSuffix) && File.Exists(target))
            {
                // A file the change added and had already moved into place.
                File.Delete(target);
            }

            if (File.Exists(target + TempSuffix))
            {
                File.Delete(target + TempSuffix);
            }
        }

        var folder = Path.Combine(root, JournalFolder);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <see cref="Commit(string, IReadOnlyList{ValueTuple{string, byte[]}})"/>, with <paramref name="beforeCommit"/> run
    /// once every file is in place and the change is still journaled (a restore that reads the new files): when it
    /// throws (a failure, Ctrl-C), every file is put back as it was and the exception goes on; a kill while it runs
    /// leaves the journal for <see cref="RecoverInterrupted"/>. The repo ends as before or as after, never between.
    /// </summary>
    public static void CommitAfter(string root, IReadOnlyList<(string Path, byte[]? Content)> changes, Action beforeCommit)
    {
        ArgumentNullException.ThrowIfNull(beforeCommit);
        var applied = false;
        try
        {
            Commit(root, changes, step =>
            {
                if (step == "commit")
                {
                    applied = true;
                    beforeCommit();
                }
            });
        }
        catch (Exception) when (applied)
        {
            RecoverInterrupted(root);
            throw;
        }
    }

    private static string Original(string root, int index) => Path.Combine(root, JournalFolder, index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".orig");
}
