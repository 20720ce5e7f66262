using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>
/// Writes and deletes files of a repo all or none, byte for byte, and survives a hard kill (SIGKILL, power loss)
/// half way: before it touches the repo it writes a journal under <see cref="JournalFolder"/> naming every file it
/// will change and keeps a copy of each one's original there; it then stages each new content in a temporary file
/// beside its target, moves them into place and makes the deletions; deleting the journal is the commit point. A
/// failure it sees puts every file back (STD7509); a kill it cannot see leaves the journal, and the next writing
/// command's <see cref="RecoverBeforeCommand"/> puts every file back from it, once the journal is checked: local (not
/// tracked by git) and every entry inside the repo (<see cref="Journal"/>, <see cref="RepoPath"/>). A replaced file keeps its Unix mode (an executable
/// script stays executable). Adopt, upgrade and update write through this (<see cref="ChangeSet"/> for text).
/// </summary>
public static class TreeWrite
{
    /// <summary>The folder under the repo root that holds the journal and the originals while a change is applied.</summary>
    public const string JournalFolder = ".standards-journal";

    private const string JournalFile = Journal.FileName;
    private const string TempSuffix = ".standards-update.tmp";

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
        // Every path of a change goes through the one resolver: nothing the tool writes or deletes is outside the repo.
        var entries = changes.Select(c =>
        {
            var path = c.Path.Replace('\\', '/');
            return new JournalEntry(path, File.Exists(RepoPath.Resolve(root, path, "the change set")), c.Content is null);
        }).ToList();
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
    /// or removes what is left of one that was committed. Returns the repo-relative paths put back. The whole journal
    /// is checked first (STD7542): an entry outside the repo refuses it, and nothing is touched.
    /// </summary>
    public static IReadOnlyList<string> RecoverInterrupted(string root)
    {
        if (!Journal.Present(root))
        {
            return [];
        }

        var entries = Journal.Read(root);
        PutBack(root, entries);
        return [.. entries.Select(e => e.Path)];
    }

    /// <summary>
    /// What every command does first: with no journal, nothing. A journal git tracks is refused (STD7541), one with an
    /// entry outside the repo too (STD7542). A writing command then puts the files back
    /// (<see cref="RecoverInterrupted(string)"/>); a read-only one (<paramref name="readOnly"/>: survey, --check,
    /// --dry-run) writes nothing and stops (STD7540), telling the user to run <paramref name="writingCommand"/>.
    /// </summary>
    /// <param name="runner">Runs git.</param>
    /// <param name="root">The repo root.</param>
    /// <param name="readOnly">True when the command must write nothing.</param>
    /// <param name="writingCommand">The command line that puts the files back, as the message shows it (e.g. <c>`dotnet standards update`</c>).</param>
    public static IReadOnlyList<string> RecoverBeforeCommand(ICommandRunner runner, string root, bool readOnly, string writingCommand)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!Journal.Present(root))
        {
            return [];
        }

        Journal.RefuseIfTracked(runner, root);
        var entries = Journal.Read(root);
        if (!readOnly)
        {
            PutBack(root, entries);
            return [.. entries.Select(e => e.Path)];
        }

        var files = entries.Select(e => e.Path).ToList();
        throw new ToolException(ToolRuleIds.JournalPending,
            $"an earlier command was stopped while it changed {files.Count} file(s) ({string.Join(", ", files.Take(5).Select(RepoPath.Printable))}{(files.Count > 5 ? ", ..." : string.Empty)}): the tree is half written, so nothing was checked and nothing was written. Run {writingCommand}, without --check or --dry-run: it puts every file back from {JournalFolder}/ before it does anything else. To only put them back, restore them with `git checkout -- <file>` (delete the ones git does not know), then delete the {JournalFolder} folder. Then run this command again.",
            Journal.RelativePath);
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

    // The original's copy first, then the new content beside the target: nothing of the repo is changed yet.
    private static void Stage(string root, JournalEntry entry, int index, byte[]? content, Action<string>? step)
    {
        var target = Target(root, entry);
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
        var target = Target(root, entry);
        if (entry.Deleted)
        {
            File.Delete(target);
        }
        else
        {
            File.Move(target + TempSuffix, target, overwrite: true);
        }
    }

    // The replay of a journal: a file that cannot be put back (permissions, a full disk) stops the command, naming it.
    private static void PutBack(string root, List<JournalEntry> entries)
    {
        try
        {
            RollBack(root, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(ToolRuleIds.WriteFailed,
                $"an earlier command was stopped while it changed files, and they could not all be put back from {JournalFolder}/ ({ex.Message}). Make the repo writable and run the command again: the journal is kept until every file is back.",
                Journal.RelativePath);
        }
    }

    // Every file as it was before the change (whatever step the change reached), then the journal's folder goes.
    private static void RollBack(string root, List<JournalEntry> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var target = Target(root, entries[i]);
            var original = Original(root, i);
            if (entries[i].Existed && File.Exists(original))
            {
                // Its folder may have been removed since the command stopped: the file goes back where it was.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
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

    private static string Original(string root, int index) => Journal.Original(root, index);

    // An entry's file: every entry was checked before anything was written (RepoPath.Resolve when the change was
    // planned, Journal.Read when a journal is replayed), so no check can fail half way through a change.
    private static string Target(string root, JournalEntry entry) => Path.GetFullPath(Path.Join(root, entry.Path));
}
