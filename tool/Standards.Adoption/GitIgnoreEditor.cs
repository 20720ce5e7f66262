namespace Standards.Adoption;

/// <summary>
/// The repo's <c>.gitignore</c> gains <c>artifacts/</c> when it does not ignore that folder yet, so the build reports
/// there are not committed by <c>git add -A</c>. Appended as a line of its own; every other byte stays.
/// </summary>
public static class GitIgnoreEditor
{
    /// <summary>The file's name at the repo root.</summary>
    public const string FileName = ".gitignore";

    private const string Pattern = "artifacts/";

    private static readonly string[] Ignoring = ["artifacts", "artifacts/", "/artifacts", "/artifacts/", "artifacts/*", "/artifacts/*", "artifacts/**", "/artifacts/**"];

    /// <summary>The new text (null when <c>artifacts/</c> is already ignored) from the existing text (null when there is no file).</summary>
    public static string? IgnoreArtifacts(string? existing)
    {
        if (existing is null)
        {
            return Pattern + "\n";
        }

        if (existing.Split('\n').Select(l => l.Trim()).Any(l => Ignoring.Contains(l, StringComparer.Ordinal)))
        {
            return null;
        }

        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : newline;
        return existing + separator + Pattern + newline;
    }
}
