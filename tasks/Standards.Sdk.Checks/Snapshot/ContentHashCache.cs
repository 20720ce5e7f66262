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

    /// <summary>Reads a cache from its text (null or damaged text gives an empty cache).</summary>
    public static ContentHashCache Parse(string? text, Func<DateTime>? utcNow = null)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var lines = (text ?? string.Empty).Split('\n');
        if (lines.Length == 0 || lines[0] != Header)
        {
            return new ContentHashCache(entries, utcNow) { Changed = text is not null };
        }

        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length == 7
                && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
                && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var modified)
                && long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var changed)
                && ulong.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var inode)
                && long.TryParse(parts[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var hashedAt))
            {
                entries[parts[6]] = new Entry(parts[0], new FileStat(size, modified, changed, inode, Exact: true), hashedAt);
            }
        }

        return new ContentHashCache(entries, utcNow);
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
        var result = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (seen.Add(path))
            {
                result.Add((path, Hash(path)));
            }
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
        var stat = FileStat.Of(path);
        if (stat is not { } current)
        {
            Forget(path);
            return File.Exists(path) || IsLink(path) ? Unreadable(path, new FileNotFoundException(null, path)) : "missing";
        }

        if (current.Special)
        {
            // A FIFO, a device or a socket is never opened: reading it could wait for ever (the check that reads the
            // file reports it, STD0007). The marker changes the fingerprint when a file turns into one, or back.
            Forget(path);
            return "unreadable: not a regular file";
        }

        var now = utcNow().Ticks;
        if (current.Exact && entries.TryGetValue(path, out var cached) && cached.Stat == current
            && current.LatestTicks < cached.HashedAt - RacyWindow.Ticks)
        {
            return cached.Hash;
        }

        string hash;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            hash = Convert.ToHexString(SHA256.HashData(stream));
            FilesRead++;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            Forget(path);
            return Unreadable(path, ex);
        }

        if (current.Exact)
        {
            entries[path] = new Entry(hash, current, now);
            Changed = true;
        }

        return hash;
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
}
