using System.Text;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The repo's <c>.gitignore</c> gains <c>artifacts/</c> when it does not ignore that folder yet, so the build reports
/// there are not committed by <c>git add -A</c>, <c>TestResults/</c>, where a VSTest run's coverage collector writes
/// beside each test project (<c>dotnet test</c> on Standards.Sdk measures coverage), and <c>.standards-journal/</c>,
/// the tool's journal of a change in progress (local state of one checkout: a committed journal is refused). Each is
/// appended as a line of its own; every other byte stays.
/// </summary>
public static class GitIgnoreEditor
{
    /// <summary>The file's name at the repo root.</summary>
    public const string FileName = ".gitignore";

    private const string Pattern = "artifacts/";

    private static readonly string[] Ignoring = ["artifacts", "artifacts/", "/artifacts", "/artifacts/", "artifacts/*", "/artifacts/*", "artifacts/**", "/artifacts/**"];

    /// <summary>The line for the folder VSTest writes a run's results and coverage into, in each test project's folder.</summary>
    public const string TestResultsPattern = "TestResults/";

    // What a VSTest run with the coverage collector leaves: the repo ignores it already when git would ignore this file
    // (any line that does: TestResults/, [Tt]est[Rr]esult*/, **/TestResults).
    private const string TestResultsFile = "test/A.Tests/TestResults/0f8fad5b/coverage.cobertura.xml";

    private static readonly string JournalPattern = Update.TreeWrite.JournalFolder + "/";

    private static readonly string[] IgnoringJournal = [.. new[] { "", "/" }.SelectMany(p => new[] { "", "/", "/*", "/**" }.Select(s => p + Update.TreeWrite.JournalFolder + s))];

    /// <summary>The new text (null when <c>artifacts/</c> is already ignored) from the existing text (null when there is no file).</summary>
    public static string? IgnoreArtifacts(string? existing) => Append(existing, Pattern, Ignoring);

    /// <summary>
    /// The new text (null when nothing is missing) with <c>artifacts/</c>, <c>TestResults/</c> (when
    /// <paramref name="testResults"/>: the repo's tests run on VSTest) and <c>.standards-journal/</c> ignored, and the
    /// patterns it added in <paramref name="added"/>.
    /// </summary>
    public static string? IgnoreLocalState(string? existing, bool testResults, out IReadOnlyList<string> added)
    {
        var list = new List<string>();
        var text = existing;
        if (Append(text, Pattern, Ignoring) is { } withArtifacts)
        {
            list.Add(Pattern);
            text = withArtifacts;
        }

        if (testResults && !Ignores(text ?? string.Empty, TestResultsFile) && Append(text, TestResultsPattern, []) is { } withTestResults)
        {
            list.Add(TestResultsPattern);
            text = withTestResults;
        }

        if (Append(text, JournalPattern, IgnoringJournal) is { } withJournal)
        {
            list.Add(JournalPattern);
            text = withJournal;
        }

        added = list;
        return list.Count == 0 ? null : text;
    }

    /// <summary>The line that makes git see the lock files again, whatever line before it ignores them.</summary>
    public const string LockFilePattern = "!packages.lock.json";

    /// <summary>
    /// The new text (null when git would not ignore any of them) that stops ignoring the lock files adopt writes
    /// (<paramref name="lockFiles"/>, repo-relative): a line such as <c>*.lock.json</c> would keep them out of the
    /// commit adopt documents, and CI would restore without them. <c>!packages.lock.json</c> is appended, so every
    /// line before it stays as it is; a lock file under an ignored folder cannot be re-included that way (git does
    /// not look inside the folder), and is returned in <paramref name="stillIgnored"/> for the report.
    /// </summary>
    public static string? KeepLockFiles(string? existing, IEnumerable<string> lockFiles, out IReadOnlyList<string> stillIgnored)
    {
        ArgumentNullException.ThrowIfNull(lockFiles);
        stillIgnored = [];
        var ignored = existing is null ? [] : lockFiles.Where(f => Ignores(existing, f)).ToList();
        if (ignored.Count == 0)
        {
            return null;
        }

        var text = existing!;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = text.Length == 0 || text.EndsWith('\n') ? string.Empty : newline;
        var after = text + separator + LockFilePattern + newline;
        stillIgnored = [.. ignored.Where(f => Ignores(after, f))];
        return after;
    }

    /// <summary>
    /// Whether the .gitignore text makes git ignore the repo-relative file: the last line that matches it or one of
    /// its folders decides, a '!' line re-including it, except under a folder already ignored.
    /// </summary>
    public static bool Ignores(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var patterns = text.Split('\n').Select(ParseLine).OfType<(string Glob, bool Negated)>()
            .SelectMany(p => ExpandClasses(p.Glob).Select(glob => (Glob: glob, p.Negated))).ToList();
        var parts = file.Split('/');
        for (var depth = 1; depth < parts.Length; depth++)
        {
            // A folder: "dir/" patterns match it; a folder git ignores hides everything below it.
            if (Decide(patterns, string.Join('/', parts.Take(depth)), folder: true))
            {
                return true;
            }
        }

        return Decide(patterns, file, folder: false);
    }

    private static bool Decide(List<(string Glob, bool Negated)> patterns, string path, bool folder)
    {
        var ignored = false;
        foreach (var (glob, negated) in patterns)
        {
            // A "dir/" line matches folders only.
            var matches = folder
                ? Sdk.Checks.Policy.Glob.IsGitignoreMatch(glob.TrimEnd('/'), path)
                : !glob.EndsWith('/') && Sdk.Checks.Policy.Glob.IsGitignoreMatch(glob, path);
            if (matches)
            {
                ignored = !negated;
            }
        }

        return ignored;
    }

    /// <summary>
    /// The pattern with each bracket class of single characters spelled out (<c>[Tt]est[Rr]esult*/</c>, as Visual
    /// Studio's .gitignore writes it, is four patterns), since the path matcher has no classes: at most 64 forms from
    /// at most 6 classes, the rest kept as they are. A class with a range or a negation is kept as it is, and then
    /// matches nothing, as before.
    /// </summary>
    private static List<string> ExpandClasses(string glob)
    {
        if (!glob.Contains('[', StringComparison.Ordinal))
        {
            return [glob];
        }

        var forms = new List<StringBuilder> { new() };
        var literalStart = 0;
        var expanded = 0;
        for (var i = 0; i < glob.Length && expanded < 6; i++)
        {
            // A class is looked for within 32 characters: a long line of '[' stays linear.
            var close = glob[i] == '[' && i + 2 < glob.Length ? glob.IndexOf(']', i + 2, Math.Min(32, glob.Length - i - 2)) : -1;
            var members = close > 0 ? glob[(i + 1)..close].Distinct().ToArray() : null;
            if (members is null || members.Intersect(['-', '!', '^', '\\', '[', '/']).Any() || forms.Count * members.Length > 64)
            {
                continue;
            }

            foreach (var form in forms)
            {
                form.Append(glob, literalStart, i - literalStart);
            }

            forms = [.. forms.SelectMany(f => members.Select(c => new StringBuilder(f.ToString()).Append(c)))];
            literalStart = close + 1;
            i = close;
            expanded++;
        }

        return [.. forms.Select(f => f.Append(glob, literalStart, glob.Length - literalStart).ToString())];
    }

    /// <summary>A line's pattern and whether it is a '!' line; null for a blank or comment line.</summary>
    private static (string Glob, bool Negated)? ParseLine(string line)
    {
        var text = line.TrimEnd('\r').TrimEnd(' ');
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var negated = text.StartsWith('!');
        text = negated ? text[1..] : text;
        text = text.StartsWith('\\') ? text[1..] : text;
        return text.Length == 0 ? null : (text, negated);
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
