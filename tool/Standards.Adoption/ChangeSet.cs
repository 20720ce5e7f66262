
namespace Standards.Adoption;

/// <summary>
/// The files a command writes, held in memory until <see cref="Commit"/> writes all of them or none (and survives
/// a kill half way: <see cref="Update.TreeWrite"/>). A file that starts with a UTF-8 byte
/// order mark keeps it (the content is held without it, as <see cref="File.ReadAllText(string)"/> reads it); line
/// endings and indentation are the content's own.
/// </summary>
public sealed class ChangeSet
{
    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    /// <summary>The repo-relative paths and their new content, sorted by path.</summary>
    public IReadOnlyDictionary<string, string> Files => files;

    /// <summary>Sets a file's new content (repo-relative, '/'-separated).</summary>
    public void Set(string relativePath, string content) => files[relativePath.Replace('\\', '/')] = content;

    /// <summary>Takes a file out of the change set: it is not written.</summary>
    public void Remove(string relativePath) => files.Remove(relativePath.Replace('\\', '/'));

    /// <summary>The new content of a file, or null when this change set does not write it.</summary>
    public string? Get(string relativePath) => files.GetValueOrDefault(relativePath.Replace('\\', '/'));

    /// <summary>
    /// Writes every file under <paramref name="root"/>, or none (STD7509 then, naming the file), through the journaled
    /// <see cref="Update.TreeWrite"/>: a command killed half way leaves a journal the next command rolls back.
    /// </summary>
    public void Commit(string root) =>
        Update.TreeWrite.Commit(root, [.. files.Select(f => (f.Key, (byte[]?)Bytes(RepoPath.Resolve(root, f.Key, "the change set"), f.Value)))]);

    private static byte[] Bytes(string target, string content)
    {
        var encoding = EncodingOf(target);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(content)];
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>UTF-8 with a byte order mark when the existing file has one, else without.</summary>
    private static System.Text.UTF8Encoding EncodingOf(string target)
    {
        var bom = false;
        if (File.Exists(target))
        {
            using var stream = File.OpenRead(target);
            var start = new byte[3];
            bom = stream.Read(start, 0, 3) == 3 && start.AsSpan().SequenceEqual(Utf8Bom);
        }

        return new System.Text.UTF8Encoding(bom);
    }
}
