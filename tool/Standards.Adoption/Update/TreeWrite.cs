using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>
/// Writes and deletes files of a repo all or none, byte for byte (a merge's content is the bytes git wrote): each new
/// content goes to a temporary file beside its target first; only when all are written are they moved into place and
/// the deletions made, and a failure then puts back every file already replaced or deleted (STD7509).
/// <see cref="ChangeSet"/> does the same for text; this one also deletes.
/// </summary>
public static class TreeWrite
{
    /// <summary>Writes each (path, content) under <paramref name="root"/>; a null content deletes the file.</summary>
    public static void Commit(string root, IReadOnlyList<(string Path, byte[]? Content)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var staged = new List<(string Target, string? Temp)>();
        var done = new List<(string Target, byte[]? Original)>();
        var current = string.Empty;
        try
        {
            foreach (var (path, content) in changes)
            {
                current = path;
                var target = Path.Combine(root, path);
                string? temp = null;
                if (content is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    temp = target + ".standards-update.tmp";
                    File.WriteAllBytes(temp, content);
                }

                staged.Add((target, temp));
            }

            foreach (var (target, temp) in staged)
            {
                current = Path.GetRelativePath(root, target);
                var original = File.Exists(target) ? File.ReadAllBytes(target) : null;
                if (temp is null)
                {
                    File.Delete(target);
                }
                else
                {
                    File.Move(temp, target, overwrite: true);
                }

                done.Add((target, original));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Undo(done, staged);
            throw new ToolException(ToolRuleIds.WriteFailed,
                $"could not write {current} ({ex.Message}); every file was put back as it was. Make the repo writable and run the command again.",
                current);
        }
    }

    private static void Undo(List<(string Target, byte[]? Original)> done, List<(string Target, string? Temp)> staged)
    {
        foreach (var (target, original) in done)
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

        foreach (var temp in staged.Select(s => s.Temp).OfType<string>().Where(File.Exists))
        {
            File.Delete(temp);
        }
    }
}
