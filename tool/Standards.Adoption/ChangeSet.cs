using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// The files a command writes, held in memory until <see cref="Commit"/> writes all of them or none: each new
/// content goes to a temporary file beside its target first; only when every one is written are they moved into
/// place, and a failure while moving puts back the files already replaced. A file that starts with a UTF-8 byte
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

    /// <summary>Writes every file under <paramref name="root"/>, or none (STD7509 then, naming the file).</summary>
    public void Commit(string root)
    {
        var staged = new List<(string Target, string Temp)>();
        var replaced = new List<(string Target, byte[]? Original)>();
        string current = string.Empty;
        try
        {
            foreach (var (relative, content) in files)
            {
                current = relative;
                var target = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + ".standards-adopt.tmp";
                File.WriteAllText(temp, content, EncodingOf(target));
                staged.Add((target, temp));
            }

            foreach (var (target, temp) in staged)
            {
                current = Path.GetRelativePath(root, target);
                var original = File.Exists(target) ? File.ReadAllBytes(target) : null;
                File.Move(temp, target, overwrite: true);
                replaced.Add((target, original));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (target, original) in replaced)
            {
                if (original is null)
                {
                    File.Delete(target);
                }
                else
                {
                    File.WriteAllBytes(target, original);
                }
            }

            foreach (var (_, temp) in staged.Where(s => File.Exists(s.Temp)))
            {
                File.Delete(temp);
            }

            throw new ToolException(ToolRuleIds.WriteFailed,
                $"could not write {current} ({ex.Message}); every file was put back as it was. Make the repo writable and run the command again.",
                current);
        }
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
