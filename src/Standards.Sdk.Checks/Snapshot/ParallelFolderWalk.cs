using System.Collections.Concurrent;
#if NET
using System.IO.Enumeration;
#endif
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Snapshot;

/// <summary>
/// Lists the files below a root one folder at a time on every core: a worker takes a folder from a shared queue,
/// lists it (without recursing) and queues its subfolders, so a repo whose files all sit under one top folder is
/// shared out as well as one with many. Every build walks the repo for its fingerprint, and at 100,000 files the walk
/// is a third of what a no-op build pays. Skips the excluded names (files and folders, any case) and never follows a
/// link to a folder (cycles); a link to a file, a broken link and a special file are listed like files.
/// </summary>
internal static class ParallelFolderWalk
{
    /// <summary>True for a name the walk skips.</summary>
    public delegate bool NameFilter(ReadOnlySpan<char> name);

    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// The files below <paramref name="fullRoot"/> ('/'-separated, relative, unsorted) and the folders below it that
    /// gave no entry at all (empty, or not listable: the caller tells which).
    /// </summary>
    public static (List<string> Files, List<string> FoldersWithoutEntries) Run(string fullRoot, NameFilter isExcluded)
    {
        var queue = new ConcurrentQueue<Folder>();
        queue.Enqueue(new Folder(fullRoot, string.Empty));
        var pending = 1;
        var files = new List<string>();
        var silent = new List<string>();
        var gate = new object();
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        Parallel.For(0, workers, _ =>
        {
            var ownFiles = new List<string>();
            var ownSilent = new List<string>();
            var spin = default(SpinWait);
            while (Volatile.Read(ref pending) > 0)
            {
                if (!queue.TryDequeue(out var folder))
                {
                    // Another worker is still listing a folder that may queue more.
                    spin.SpinOnce();
                    continue;
                }

                spin = default;
                if (!List(folder, ownFiles, queue, ref pending, isExcluded) && folder.Relative.Length > 0)
                {
                    ownSilent.Add(folder.Full);
                }

                Interlocked.Decrement(ref pending);
            }

            lock (gate)
            {
                files.AddRange(ownFiles);
                silent.AddRange(ownSilent);
            }
        });
        return (files, silent);
    }

    /// <summary>Lists one folder: its files into <paramref name="files"/>, its subfolders into the queue. True when it gave any entry.</summary>
    private static bool List(Folder folder, List<string> files, ConcurrentQueue<Folder> queue, ref int pending, NameFilter isExcluded)
    {
        var sawEntry = false;
        var prefix = folder.Relative;
        var entries = new FileSystemEnumerable<Entry>(folder.Full, (ref FileSystemEntry entry) => Classify(ref entry, prefix), OneFolder)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
            {
                sawEntry = true;
                return !isExcluded(entry.FileName);
            },
        };
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Kind == EntryKind.File)
                {
                    files.Add(entry.Relative);
                }
                else if (entry.Kind == EntryKind.Folder)
                {
                    Interlocked.Increment(ref pending);
                    queue.Enqueue(new Folder(Path.Combine(folder.Full, entry.Relative.Substring(prefix.Length)), entry.Relative + "/"));
                }
            }
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            // Gone while the walk ran, or not listable: the caller looks at a folder that gave nothing again.
        }

        return sawEntry;
    }

    private static Entry Classify(ref FileSystemEntry entry, string prefix)
    {
#if NET
        var relative = string.Concat(prefix.AsSpan(), entry.FileName);
#else
        var relative = prefix + entry.FileName.ToString();
#endif
        if (!entry.IsDirectory)
        {
            return new Entry(relative, EntryKind.File);
        }

        return new Entry(relative, (entry.Attributes & FileAttributes.ReparsePoint) == 0 ? EntryKind.Folder : EntryKind.Skipped);
    }

    private readonly record struct Folder(string Full, string Relative);

    private readonly record struct Entry(string Relative, EntryKind Kind);

    private enum EntryKind
    {
        File,
        Folder,
        Skipped,
    }
}
