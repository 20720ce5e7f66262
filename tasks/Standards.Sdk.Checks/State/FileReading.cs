
namespace Standards.Sdk.Checks.State;

/// <summary>Reads the inputs of a per-project check so that no file it needs is skipped without saying so.</summary>
public static class FileReading
{
    /// <summary>
    /// A file's text, or null when it is missing; a file that exists (or a link to nothing) but cannot be read is
    /// added to <paramref name="unreadable"/> with the reason, for an STD0007 finding: a check never skips a file
    /// it needs without saying so.
    /// </summary>
    public static string? ReadRecording(string path, List<UnreadablePath> unreadable)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        try
        {
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
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
