namespace Standards.Sdk.Checks.State;

/// <summary>
/// Says in a few words why an existing file could not be read, for the STD0007 finding that names it: no check
/// may skip a file it needs and still pass.
/// </summary>
public static class ReadFailure
{
    /// <summary>True for the exceptions reading a file throws when the environment (not our code) is the problem.</summary>
    public static bool IsEnvironmental(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException;

    /// <summary>Why <paramref name="path"/> could not be read.</summary>
    public static string Describe(string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case UnauthorizedAccessException or System.Security.SecurityException:
                return "permission denied";
            case FileNotFoundException or DirectoryNotFoundException when LinkTarget(path) is { } target:
                return target.Length == 0 ? "it is a symbolic link to something that does not exist" : $"it is a symbolic link to '{target}', which does not exist";
            case FileNotFoundException or DirectoryNotFoundException:
                return "it disappeared while the checks ran";
            default:
                return exception.Message.TrimEnd('.', ' ');
        }
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (IsEnvironmental(ex))
        {
            return null;
        }
    }
}
