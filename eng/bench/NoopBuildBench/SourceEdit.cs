using System.Globalization;

/// <summary>
/// The one-file edit of an edit-and-build: a source file, relative to the solution's folder, gets a last line that is a
/// comment with a new number, replacing the one the previous edit wrote. Its content changes every time (so its project
/// compiles: an edit of the implementation, its reference assembly the same) and its size does not (so whatever reads
/// it reads as many bytes in every round).
/// </summary>
internal sealed class SourceEdit(string file)
{
    private const string Marker = "// edit-and-build ";

    private int count;

    /// <summary>The edited file, relative to each solution's folder.</summary>
    public string File { get; } = file;

    /// <summary>Edits the file in the folder of <paramref name="solution"/>.</summary>
    public void Apply(string solution)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(solution))!, File);
        var lines = System.IO.File.ReadAllLines(path).ToList();
        if (lines.Count > 0 && lines[^1].StartsWith(Marker, StringComparison.Ordinal))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        count++;
        lines.Add(Marker + count.ToString("D8", CultureInfo.InvariantCulture));
        System.IO.File.WriteAllLines(path, lines);
    }
}
