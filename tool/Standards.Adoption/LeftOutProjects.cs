namespace Standards.Adoption;

/// <summary>
/// Projects adopt does not put on Standards.Sdk besides a template pack's (<see cref="TemplateContent"/>), each named in
/// the report with why: a Visual Basic or F# project (the SDK's analyzers, checks and code baseline are C#'s; the
/// project builds as before), and a sample project that no solution of the repo lists (samples keep the shape users
/// copy; putting an executable sample on the policy would make a library repo a worker repo).
/// </summary>
public static class LeftOutProjects
{
    private static readonly string[] SampleFolders = ["sample", "samples", "example", "examples"];

    /// <summary>One "left alone" line per VB or F# project among the repo's <paramref name="files"/>.</summary>
    public static IReadOnlyList<string> OtherLanguages(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [.. files
            .Where(f => f.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f}: left alone: {(f.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) ? "a Visual Basic" : "an F#")} project; Standards.Sdk's analyzers, checks and code baseline are for C#, so it keeps its SDK and builds as before")];
    }

    /// <summary>
    /// Takes the sample projects no solution lists out of <paramref name="projects"/> (only when the repo has a
    /// solution: without one nothing says which projects are the product's); one line per project for the user.
    /// </summary>
    /// <param name="files">The repo's files, repo-relative.</param>
    /// <param name="projects">The C# projects adopt would put on the SDK.</param>
    /// <param name="read">Reads a repo-relative file (null when it cannot).</param>
    public static IReadOnlyList<string> SamplesOutsideSolutions(IReadOnlyList<string> files, List<string> projects, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(read);
        var solutions = files.Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (solutions.Count == 0)
        {
            return [];
        }

        var listed = new HashSet<string>(solutions.SelectMany(s => ListedProjects(s, read(s) ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (var project in projects.Where(p => IsSample(p) && !listed.Contains(p)).ToList())
        {
            projects.Remove(project);
            lines.Add($"{project}: left alone: a sample no solution lists ({string.Join(", ", solutions)}); it keeps its own SDK and settings, and does not count as one of the repo's projects (an executable sample would make the repo a worker repo). Add it to a solution and run adopt again to put it on the policy");
        }

        return lines;
    }

    /// <summary>True when a folder of the path (not the file name) is a samples folder.</summary>
    public static bool IsSample(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var parts = project.Split('/');
        return parts.Take(parts.Length - 1).Any(p => SampleFolders.Contains(p, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The repo-relative projects a solution lists: in a .sln each <c>Project(...) = "name", "path", ...</c> line, in
    /// a .slnx each <c>Path="..."</c> attribute; paths are relative to the solution's folder, with either separator.
    /// </summary>
    public static IEnumerable<string> ListedProjects(string solution, string text)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(text);
        var folder = solution.Contains('/', StringComparison.Ordinal) ? solution[..solution.LastIndexOf('/')] : string.Empty;
        foreach (var quoted in Quoted(text))
        {
            var path = quoted.Replace('\\', '/');
            if (path.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && RepoRelative(folder, path) is { } relative)
            {
                yield return relative;
            }
        }
    }

    /// <summary>Every double-quoted string of the text (a single pass: no pattern can make it slow).</summary>
    private static IEnumerable<string> Quoted(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

            if (start < 0)
            {
                start = i + 1;
            }
            else
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The path joined to the folder with '.' and '..' resolved; null when it leaves the repo.</summary>
    private static string? RepoRelative(string folder, string path)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
