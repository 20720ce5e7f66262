using System.Globalization;

namespace Standards.Sdk.Checks.TestReports;

/// <summary>A result file under a test results folder, as it was when looked at.</summary>
/// <param name="Path">The file.</param>
/// <param name="WrittenUtc">When it was last written.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record ResultFile(string Path, DateTime WrittenUtc, long Length);

/// <summary>
/// The result files of one kind (coverage reports, TRX files) under a test project's results folder when its run
/// started: written by the SDK before <c>VSTest</c> and read after it, so what a run wrote is told apart from what
/// earlier runs left (results folders keep every run's files, and several test projects share one under
/// <c>dotnet test --results-directory</c>). One line per file, with its write time and size when known: a file a
/// run wrote again under the same name (a fixed TRX <c>LogFileName</c>) is new too. The record file's own time is
/// the run's start.
/// </summary>
public sealed class TestRunStart
{
    private const string Header = "# result files present when the test run started: write time (UTC ticks), size, path";

    // Full path (forward slashes) -> "ticks length", or "" when only the path is known.
    private readonly Dictionary<string, string> files;

    private TestRunStart(IEnumerable<KeyValuePair<string, string>> files)
    {
        this.files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            this.files[Normalize(file.Key)] = file.Value;
        }
    }

    /// <summary>The files that existed (full paths).</summary>
    public IReadOnlyCollection<string> Files => files.Keys;

    /// <summary>The record of files known only by path: any file of that path counts as old.</summary>
    public static TestRunStart Of(IEnumerable<string> paths) =>
        new(paths.Select(p => new KeyValuePair<string, string>(p, string.Empty)));

    /// <summary>The record of <paramref name="files"/>, with their times and sizes.</summary>
    public static TestRunStart Of(IEnumerable<ResultFile> files) =>
        new(files.Select(f => new KeyValuePair<string, string>(f.Path, Stamp(f))));

    /// <summary>Reads a record; null when the text is not one (an empty file, another format).</summary>
    public static TestRunStart? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[0] != Header)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split('\t', 3);
            entries.Add(parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? new KeyValuePair<string, string>(parts[2], parts[0] + " " + parts[1])
                : new KeyValuePair<string, string>(line, string.Empty));
        }

        return new TestRunStart(entries);
    }

    /// <summary>The text of the record.</summary>
    public string Write() =>
        string.Join("\n", new[] { Header }.Concat(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value.Length == 0 ? f.Key : f.Value.Replace(' ', '\t') + "\t" + f.Key))) + "\n";

    /// <summary>True when a file of that path existed when the run started.</summary>
    public bool Contains(string path) => files.ContainsKey(Normalize(path));

    /// <summary>True when the run wrote <paramref name="file"/>: it was not there, or it was rewritten since (time or size changed).</summary>
    public bool IsNew(ResultFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return !files.TryGetValue(Normalize(file.Path), out var stamp) || (stamp.Length > 0 && stamp != Stamp(file));
    }

    private static string Stamp(ResultFile file) =>
        file.WrittenUtc.Ticks.ToString(CultureInfo.InvariantCulture) + " " + file.Length.ToString(CultureInfo.InvariantCulture);

    private static string Normalize(string path) => System.IO.Path.GetFullPath(path).Replace('\\', '/');
}
