
namespace Standards.Sdk.Checks.State;

/// <summary>Reads the inputs of a per-project check so that no file it needs is skipped without saying so.</summary>
public static class FileReading
{
    /// <summary>
    /// A file's text, or null when it is missing; a file that exists (or a link to nothing) but cannot be read is
    /// added to <paramref name="unreadable"/> with the reason, for an STD0007 finding: a check never skips a file
    /// it needs without saying so. Only a regular file of at most <paramref name="limit"/> bytes is read (<see cref="BoundedFile"/>).
    /// </summary>
    public static string? ReadRecording(string path, List<UnreadablePath> unreadable, long limit = BoundedFile.RepoFileLimit)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        try
        {
            if (File.Exists(path))
            {
                return BoundedFile.ReadAllText(path, limit);
            }

            if (!string.IsNullOrEmpty(path) && new FileInfo(path).LinkTarget is not null)
            {
                throw new FileNotFoundException(null, path);
            }

            return null;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            if (!unreadable.Any(u => u.Path == path))
            {
                unreadable.Add(new UnreadablePath(path, ReadFailure.Describe(path, ex)));
            }

            return null;
        }
    }

    /// <summary>
    /// A settings or baseline file of the repo (standards.json, standards-baseline.json, standards-code-baseline.json):
    /// its text; null with a null <paramref name="problem"/> when it is missing; null with the reason when it exists but
    /// is not read (not a regular file, over <see cref="BoundedFile.SettingsLimit"/>, no permission, a link to nothing),
    /// for the caller's STD0007 naming the file.
    /// </summary>
    public static string? ReadSettings(string path, out string? problem)
    {
        var unreadable = new List<UnreadablePath>();
        var text = ReadRecording(path, unreadable, BoundedFile.SettingsLimit);
        problem = unreadable.Count > 0 ? unreadable[0].Reason : null;
        return text;
    }

    /// <summary>A file's text, or null when it is missing or cannot be read (for state the caller can do without).</summary>
    public static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return null;
        }
    }
}
