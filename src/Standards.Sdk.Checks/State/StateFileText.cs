using System.Buffers;
using System.Text;

namespace Standards.Sdk.Checks.State;

/// <summary>
/// Whether one of Standards.Sdk's own state files (an inputs cache) already holds a given text, so it is rewritten only
/// when its text changed. Bytes are compared in pooled buffers, with the file's length first: reading each cache back as
/// a string was about half of what the inputs-cache write of every project allocated on a no-op build
/// (docs/performance.md, "What a no-op build allocates, part by part").
/// </summary>
public static class StateFileText
{
    /// <summary>How the state files are written (File.WriteAllText's default): UTF-8 without a byte order mark.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// True when <paramref name="path"/> holds exactly <paramref name="text"/> as UTF-8 without a byte order mark. A file
    /// that is missing or cannot be read does not hold it (the caller writes it, and reports a failure to write).
    /// </summary>
    public static bool Holds(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var length = Utf8.GetByteCount(text);
        var expected = ArrayPool<byte>.Shared.Rent(length + 1);
        var actual = ArrayPool<byte>.Shared.Rent(length + 1);
        try
        {
            // bufferSize 1: no buffer of the stream's own; the file is read straight into the pooled one.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.Length != length)
            {
                return false;
            }

            Utf8.GetBytes(text, 0, text.Length, expected, 0);
            // One byte more than expected is asked for: a file that grew after its length was read does not hold the text.
            var read = 0;
            int count;
            while (read <= length && (count = stream.Read(actual, read, length + 1 - read)) > 0)
            {
                read += count;
            }

            return read == length && expected.AsSpan(0, length).SequenceEqual(actual.AsSpan(0, length));
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(expected);
            ArrayPool<byte>.Shared.Return(actual);
        }
    }
}
