using System.Runtime.InteropServices;
using System.Text;

namespace Standards.Sdk.Checks.State;

/// <summary>
/// The one way the checks read a file the repo holds: only a regular file, and only up to a limit. A repo is
/// untrusted input: a link committed as standards.json can lead to a FIFO (opening it waits for a writer for ever),
/// to /dev/zero (it never ends) or to a file of gigabytes; none of them may hang the build or run it out of memory.
/// The refusal is an <see cref="IOException"/> whose message is the reason, so every caller that already turns an
/// unreadable file into STD0007 (<see cref="ReadFailure"/>) names the file and why, and nothing else changes.
/// </summary>
public static class BoundedFile
{
    /// <summary>The most a settings or baseline file (standards.json, the baselines, the template record) may hold: 16 MiB.</summary>
    public const long SettingsLimit = 16L * 1024 * 1024;

    /// <summary>The most any other file a check reads (a project, a lock file, a document, a file searched for secrets) may hold: 64 MiB.</summary>
    public const long RepoFileLimit = 64L * 1024 * 1024;

    /// <summary>The reason a FIFO, socket or device is not read, as STD0007 shows it.</summary>
    public const string NotRegularReason = "it is not a regular file (a FIFO, a socket or a device, or a link to one), so it is not read";

    /// <summary>
    /// The text of <paramref name="path"/> (links followed, the byte order mark honoured as <see cref="File.ReadAllText(string)"/>
    /// does), or an <see cref="IOException"/> saying why not: not a regular file, or more than <paramref name="limit"/> bytes.
    /// A missing file throws <see cref="FileNotFoundException"/>, as File.ReadAllText does.
    /// </summary>
    public static string ReadAllText(string path, long limit)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Problem(path, limit) is { } problem)
        {
            throw new IOException(problem);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var bytes = ReadAtMost(stream, limit) ?? throw new IOException(TooLarge(limit));
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Why <paramref name="path"/> is not read (not a regular file, larger than <paramref name="limit"/>), or null; nothing is opened for reading.</summary>
    public static string? Problem(string path, long limit)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FileStat.Of(path) is not { } stat)
        {
            return null; // Missing or unexaminable: the read itself says which, as before.
        }

        if (stat.Special || (!stat.Exact && IsSpecialWithoutStat(path, stat.Size)))
        {
            return NotRegularReason;
        }

        return stat.Size > limit ? TooLarge(limit) : null;
    }

    /// <summary>The reason for a file over <paramref name="limit"/>, naming the limit.</summary>
    public static string TooLarge(long limit) =>
        $"it holds more than the {Describe(limit)} a file the checks read may hold, so it is not read";

    /// <summary>A limit as the messages show it: "16 MiB (16777216 bytes)".</summary>
    public static string Describe(long limit) =>
        limit % (1024 * 1024) == 0 ? $"{limit / (1024 * 1024)} MiB ({limit} bytes)" : $"{limit} bytes";

    // The length can grow while the file is read (or a device can report 0): at most limit + 1 bytes are read, null when there were more.
    private static byte[]? ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Where statx is not available (macOS, an old glibc): a FIFO, socket or device has no length, so only an entry of
    /// length 0 (or a link, whose own length is its target's name) is examined, by an open for reading and writing,
    /// which does not wait for a writer, and a FIFO cannot seek. Nothing is written. Windows has no such files.
    /// </summary>
    private static bool IsSpecialWithoutStat(string path, long size)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return false;
        }

        try
        {
            if (size > 0 && (new FileInfo(path).Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return !stream.CanSeek;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            // Not writable by us: left to the bounded read (a device ends at the limit; a read-only FIFO is the one case it cannot tell).
            return false;
        }
    }
}
