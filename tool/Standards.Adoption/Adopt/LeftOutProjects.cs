namespace Standards.Adoption.Adopt;

/// <summary>
/// Projects adopt does not put on Standards.Sdk besides a template pack's (<see cref="TemplateContent"/>), each named in
/// the report with why: a Visual Basic or F# project (the SDK's analyzers, checks and code baseline are C#'s; the
/// project builds as before), a sample project that no solution of the repo lists (samples keep the shape users
/// copy; putting an executable sample on the policy would make a library repo a worker repo), and, off Windows, a
/// Windows-only project no solution lists (it cannot restore there, and the repo's build does not build it).
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
        var (solutions, listed) = Solutions(files, read);
        if (solutions.Count == 0)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var project in projects.Where(p => IsSample(p) && !listed.Contains(p)).ToList())
        {
            projects.Remove(project);
            lines.Add($"{project}: left alone: a sample no solution lists ({string.Join(", ", solutions)}); it keeps its own SDK and settings, and does not count as one of the repo's projects (an executable sample would make the repo a worker repo). Add it to a solution and run adopt again to put it on the policy");
        }

        return lines;
    }

    /// <summary>
    /// On a machine other than Windows, takes out of <paramref name="projects"/> those no solution lists whose every
    /// target framework is a Windows one (<c>net8.0-windows</c>): such a project does not restore there (NETSDK1100),
    /// and the repo's own build, of its solutions, does not build it either, so adopt must not fail on it. One line
    /// per project for the user. A project a solution lists is kept: the repo's own build needs it, and its restore
    /// error is the repo's to see.
    /// </summary>
    /// <param name="files">The repo's files, repo-relative.</param>
    /// <param name="projects">The C# projects adopt would put on the SDK.</param>
    /// <param name="read">Reads a repo-relative file (null when it cannot).</param>
    /// <param name="onWindows">True on Windows, where such a project restores and is adopted like any other.</param>
    public static IReadOnlyList<string> WindowsOnlyOutsideSolutions(IReadOnlyList<string> files, List<string> projects, Func<string, string?> read, bool onWindows)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(read);
        var (solutions, listed) = Solutions(files, read);
        if (onWindows || solutions.Count == 0)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var project in projects.Where(p => !listed.Contains(p) && TargetsWindowsOnly(read(p) ?? string.Empty)).ToList())
        {
            projects.Remove(project);
            lines.Add($"{project}: left alone: it targets Windows only and no solution lists it ({string.Join(", ", solutions)}), so it does not restore on this machine and the repo's build does not build it; it keeps its own SDK and settings. Run adopt on Windows, or add it to a solution, to put it on the policy");
        }

        return lines;
    }

    /// <summary>
    /// Takes out of <paramref name="projects"/> those the repo's solutions list but none builds (a .slnx
    /// <c>&lt;Build Project="false" /&gt;</c> for every configuration, a .sln project with configurations and no
    /// <c>Build.0</c> entry: a documentation or tooling project built by hand), unless another project references
    /// it: the repo's build does not build them, so adopt neither builds nor changes them. One line per project.
    /// </summary>
    /// <param name="files">The repo's files, repo-relative.</param>
    /// <param name="projects">The C# projects adopt would put on the SDK.</param>
    /// <param name="read">Reads a repo-relative file (null when it cannot).</param>
    public static IReadOnlyList<string> NotBuiltBySolutions(IReadOnlyList<string> files, List<string> projects, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(read);
        var solutions = SolutionFiles(files);
        var listedBy = new Dictionary<string, List<(string Solution, bool Built)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var solution in solutions)
        {
            foreach (var (project, built) in SolutionProjects.Read(solution, read(solution) ?? string.Empty))
            {
                if (!listedBy.TryGetValue(project, out var list))
                {
                    listedBy[project] = list = [];
                }

                list.Add((solution, built));
            }
        }

        var lines = new List<string>();
        foreach (var project in projects.Where(p => listedBy.TryGetValue(p, out var l) && l.All(s => !s.Built)).ToList())
        {
            var name = project[(project.LastIndexOf('/') + 1)..];
            if (projects.Any(other => other != project && (read(other) ?? string.Empty).Contains(name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            projects.Remove(project);
            lines.Add($"{project}: left alone: {string.Join(", ", listedBy[project].Select(s => s.Solution))} list{(listedBy[project].Count == 1 ? "s" : string.Empty)} it but do{(listedBy[project].Count == 1 ? "es" : string.Empty)} not build it, so the repo's build does not either; it keeps its own SDK and settings. Let the solution build it and run adopt again to put it on the policy");
        }

        return lines;
    }

    /// <summary>
    /// True when the project file names target frameworks and every one is a Windows one ("-windows" in it); false
    /// when it names none, one comes from a property, or the file is not XML: nothing then says it is Windows only.
    /// </summary>
    public static bool TargetsWindowsOnly(string projectText)
    {
        ArgumentNullException.ThrowIfNull(projectText);
        System.Xml.Linq.XDocument document;
        try
        {
            document = System.Xml.Linq.XDocument.Parse(projectText);
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }

        var frameworks = document.Descendants()
            .Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks")
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return frameworks.Count > 0
            && frameworks.All(f => !f.Contains("$(", StringComparison.Ordinal) && f.Contains("-windows", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The repo's solutions and the repo-relative projects they list.</summary>
    private static (List<string> Solutions, HashSet<string> Listed) Solutions(IReadOnlyList<string> files, Func<string, string?> read)
    {
        var solutions = SolutionFiles(files);
        var listed = new HashSet<string>(solutions.SelectMany(s => ListedProjects(s, read(s) ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
        return (solutions, listed);
    }

    /// <summary>The repo's solution files (.sln, .slnx) among its files.</summary>
    private static List<string> SolutionFiles(IReadOnlyList<string> files) =>
        [.. files.Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))];

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
    internal static string? RepoRelative(string folder, string path)
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
