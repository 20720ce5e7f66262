namespace Standards.Adoption;

/// <summary>
/// The repo's <c>.gitignore</c> gains <c>artifacts/</c> when it does not ignore that folder yet, so the build reports
/// there are not committed by <c>git add -A</c>, and <c>.standards-journal/</c>, the tool's journal of a change in
/// progress (local state of one checkout: a committed journal is refused). Each is appended as a line of its own;
/// every other byte stays.
/// </summary>
public static class GitIgnoreEditor
{
    /// <summary>The file's name at the repo root.</summary>
    public const string FileName = ".gitignore";

    private const string Pattern = "artifacts/";

    private static readonly string[] Ignoring = ["artifacts", "artifacts/", "/artifacts", "/artifacts/", "artifacts/*", "/artifacts/*", "artifacts/**", "/artifacts/**"];

    private static readonly string JournalPattern = Update.TreeWrite.JournalFolder + "/";

    private static readonly string[] IgnoringJournal = [.. new[] { "", "/" }.SelectMany(p => new[] { "", "/", "/*", "/**" }.Select(s => p + Update.TreeWrite.JournalFolder + s))];

    /// <summary>The new text (null when <c>artifacts/</c> is already ignored) from the existing text (null when there is no file).</summary>
    public static string? IgnoreArtifacts(string? existing) => Append(existing, Pattern, Ignoring);

    /// <summary>
    /// The new text (null when nothing is missing) with <c>artifacts/</c> and <c>.standards-journal/</c> ignored, and
    /// the patterns it added in <paramref name="added"/>.
    /// </summary>
    public static string? IgnoreLocalState(string? existing, out IReadOnlyList<string> added)
    {
        var list = new List<string>();
        var text = existing;
        if (Append(text, Pattern, Ignoring) is { } withArtifacts)
        {
            list.Add(Pattern);
            text = withArtifacts;
        }

        if (Append(text, JournalPattern, IgnoringJournal) is { } withJournal)
        {
            list.Add(JournalPattern);
            text = withJournal;
        }

        added = list;
        return list.Count == 0 ? null : text;
    }

    private static string? Append(string? existing, string pattern, string[] ignoring)
    {
        if (existing is null)
        {
            return pattern + "\n";
        }

        if (existing.Split('\n').Select(l => l.Trim()).Any(l => ignoring.Contains(l, StringComparer.Ordinal)))
        {
            return null;
        }

        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : newline;
        return existing + separator + pattern + newline;
    }
}
