using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Snapshot;

/// <summary>
/// SHA-256 hashes of the files the repository checks read, kept between builds the way git keeps its index: an
/// entry is reused only while the file's size, modification time, change time and inode are all unchanged, and
/// only when those times are safely older than the moment the hash was taken (a file written in the same clock
/// tick as it was hashed could change again without any visible difference: git's "racy clean" rule). Where the
/// file system cannot give change time and inode (<see cref="FileStat.Exact"/> false), every file is read every
/// time: a timestamp alone is never trusted. The text form is one line per file; a damaged cache is simply
/// rebuilt.
/// </summary>
public sealed class ContentHashCache
{
    /// <summary>How much older than the hash a file's times must be for the hash to be reused.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private const string Header = "standards-content-hashes v1";

    private readonly Dictionary<string, Entry> entries;
    private readonly Func<DateTime> utcNow;

    private ContentHashCache(Dictionary<string, Entry> entries, Func<DateTime>? utcNow)
    {
        this.entries = entries;
        this.utcNow = utcNow ?? (() => DateTime.UtcNow);
    }

    /// <summary>True when an entry was added, changed or dropped since <see cref="Parse"/>.</summary>
    public bool Changed { get; private set; }

    /// <summary>Files read (hashed) in this run, for the diagnostic message.</summary>
    public int FilesRead { get; private set; }

    /// <summary>Reads a cache from its text (null or damaged text gives an empty cache; a damaged line is left out).</summary>
    public static ContentHashCache Parse(string? text, Func<DateTime>? utcNow = null)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var rest = (text ?? string.Empty).AsSpan();
        if (!TakeLine(ref rest).SequenceEqual(Header.AsSpan()))
        {
            return new ContentHashCache(entries, utcNow) { Changed = text is not null };
        }

        // Read field by field from the text, without splitting lines into arrays: a no-op build of a 100,000-file repo
        // reads one line per file, and the split arrays were a fifth of what its fingerprint allocated.
        while (!rest.IsEmpty)
        {
            var line = TakeLine(ref rest);
            var hash = TakeField(ref line);
            if (TryTakeLong(ref line, out var size) && TryTakeLong(ref line, out var modified) && TryTakeLong(ref line, out var changed)
                && TryTakeLong(ref line, out var inodeValue) && TryTakeLong(ref line, out var hashedAt)
                && !hash.IsEmpty && line.IndexOf('\t') < 0 && !line.IsEmpty)
            {
                var inode = unchecked((ulong)inodeValue);
                entries[line.ToString()] = new Entry(hash.ToString(), new FileStat(size, modified, changed, inode, Exact: true), hashedAt);
            }
        }

        return new ContentHashCache(entries, utcNow);
    }

#if NET
    private static bool ParseSigned(ReadOnlySpan<char> field, out long value) =>
        long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool ParseUnsigned(ReadOnlySpan<char> field, out ulong value) =>
        ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);
#else
    private static bool ParseSigned(ReadOnlySpan<char> field, out long value) =>
        long.TryParse(field.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool ParseUnsigned(ReadOnlySpan<char> field, out ulong value) =>
        ulong.TryParse(field.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
#endif

    private static ReadOnlySpan<char> TakeLine(ref ReadOnlySpan<char> rest) => Take(ref rest, '\n');

    private static ReadOnlySpan<char> TakeField(ref ReadOnlySpan<char> line) => Take(ref line, '\t');

    private static ReadOnlySpan<char> Take(ref ReadOnlySpan<char> rest, char separator)
    {
        var end = rest.IndexOf(separator);
        var taken = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[(end + 1)..];
        return taken;
    }

    /// <summary>A field of digits (a leading '-' allowed); an inode above <see cref="long.MaxValue"/> is written as its unsigned value.</summary>
    private static bool TryTakeLong(ref ReadOnlySpan<char> line, out long value)
    {
        var field = TakeField(ref line);
        if (ParseSigned(field, out value))
        {
            return true;
        }

        if (ParseUnsigned(field, out var unsigned))
        {
            value = unchecked((long)unsigned);
            return true;
        }

        return false;
    }

    /// <summary>The text to store (entries sorted by path).</summary>
    public string Write()
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var (path, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append(entry.Hash).Append('\t')
                .Append(entry.Stat.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.Stat.ModifiedTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.Stat.ChangedTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.Stat.Inode.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.HashedAt.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(path).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The content hash of each file (absolute paths), in the given order: "missing" for a file that does not exist,
    /// "unreadable: reason" for one that cannot be read. Entries for files not asked about are dropped.
    /// </summary>
    public IReadOnlyList<(string Path, string Hash)> HashAll(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (seen.Add(path))
            {
                distinct.Add(path);
            }
        }

        // Every file is examined (and read, where its kept hash cannot be trusted) on every core: one stat per file of a
        // 100,000-file repo is most of what a no-op build pays. The probes only read the entries; what they found is
        // applied to the entries afterwards, on this thread.
        var probes = new Probe[distinct.Count];
        var now = utcNow().Ticks;
        var chunk = Math.Max(256, distinct.Count / (Environment.ProcessorCount * 8));
        Parallel.ForEach(Partitioner.Create(0, distinct.Count, chunk), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                probes[i] = Examine(distinct[i], now);
            }
        });

        var result = new List<(string, string)>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            result.Add((distinct[i], Apply(distinct[i], probes[i])));
        }

        foreach (var stale in entries.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            entries.Remove(stale);
            Changed = true;
        }

        return result;
    }

    /// <summary>
    /// The content hash of one file (an absolute path), as <see cref="HashAll"/> gives it, keeping every other entry:
    /// for a cache shared by many callers, each asking about its own files (WriteInputsCache, per MSBuild node).
    /// </summary>
    public string Hash(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Apply(path, Examine(path, utcNow().Ticks));
    }

    /// <summary>What the file system and the kept entry say about one file; changes nothing (safe on any thread).</summary>
    private Probe Examine(string path, long now)
    {
        var stat = FileStat.Of(path);
        if (stat is not { } current)
        {
            return new Probe(File.Exists(path) || IsLink(path) ? Unreadable(path, new FileNotFoundException(null, path)) : "missing", Forget: true);
        }

        if (current.Special)
        {
            // A FIFO, a device or a socket is never opened: reading it could wait for ever (the check that reads the
            // file reports it, STD0007). The marker changes the fingerprint when a file turns into one, or back.
            return new Probe("unreadable: not a regular file", Forget: true);
        }

        if (current.Exact && entries.TryGetValue(path, out var cached) && cached.Stat == current
            && current.LatestTicks < cached.HashedAt - RacyWindow.Ticks)
        {
            return new Probe(cached.Hash, Forget: false);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var hash = Convert.ToHexString(SHA256.HashData(stream));
            return new Probe(hash, Forget: false, Read: true, Keep: current.Exact ? new Entry(hash, current, now) : null);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return new Probe(Unreadable(path, ex), Forget: true);
        }
    }

    private string Apply(string path, Probe probe)
    {
        if (probe.Forget)
        {
            Forget(path);
        }

        if (probe.Read)
        {
            FilesRead++;
        }

        if (probe.Keep is { } entry)
        {
            entries[path] = entry;
            Changed = true;
        }

        return probe.Hash;
    }

    private void Forget(string path) => Changed |= entries.Remove(path);

    private static string Unreadable(string path, Exception exception) => "unreadable: " + ReadFailure.Describe(path, exception);

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return false;
        }
    }

    private sealed record Entry(string Hash, FileStat Stat, long HashedAt);

    /// <summary>One file's hash (or marker), and what it changes in the entries.</summary>
    private readonly record struct Probe(string Hash, bool Forget, bool Read = false, Entry? Keep = null);
}
