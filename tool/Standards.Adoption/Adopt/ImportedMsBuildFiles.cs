namespace Standards.Adoption.Adopt;

/// <summary>
/// The repo's own MSBuild files a project or a Directory.Build file imports by a literal path
/// (<c>&lt;Import Project="..\Common\Library.props" /&gt;</c>, or after <c>$(MSBuildThisFileDirectory)</c>): they carry PackageReferences and NoWarn like the project
/// itself, so adopt moves their inline versions to central package management as it does the project's (a version
/// left there fails restore once central management is on, NU1008).
/// </summary>
public static class ImportedMsBuildFiles
{
    /// <summary>
    /// The files <paramref name="start"/> import, directly or through one another, that are among the repo's
    /// <paramref name="files"/> (so never outside the repo); an import whose path uses a property or a wildcard is
    /// not followed (what it names depends on the build).
    /// </summary>
    /// <param name="files">The repo's files, repo-relative with '/'.</param>
    /// <param name="start">The projects and Directory.Build files.</param>
    /// <param name="read">Reads a repo-relative file (null when it cannot).</param>
    public static List<string> Find(IReadOnlyList<string> files, IEnumerable<string> start, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(read);
        var repoFiles = new HashSet<string>(files, StringComparer.Ordinal);
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        var found = new List<string>();
        while (queue.Count > 0)
        {
            var file = queue.Dequeue();
            foreach (var imported in Imports(file, read(file) ?? string.Empty))
            {
                if (repoFiles.Contains(imported) && seen.Add(imported))
                {
                    found.Add(imported);
                    queue.Enqueue(imported);
                }
            }
        }

        return found;
    }

    /// <summary>The path without a leading <c>$(MSBuildThisFileDirectory)</c>: that is the importing file's folder, as a relative path is.</summary>
    private static string WithoutThisFileDirectory(string path)
    {
        const string ThisFileDirectory = "$(MSBuildThisFileDirectory)";
        return path.StartsWith(ThisFileDirectory, StringComparison.OrdinalIgnoreCase) ? path[ThisFileDirectory.Length..].TrimStart('/', '\\') : path;
    }

    /// <summary>The repo-relative files of the literal <c>Import</c> paths of one MSBuild file (none when it is not XML).</summary>
    public static IEnumerable<string> Imports(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        System.Xml.Linq.XDocument document;
        try
        {
            document = System.Xml.Linq.XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }

        var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : string.Empty;
        return document.Descendants()
            .Where(e => e.Name.LocalName == "Import")
            .Select(e => WithoutThisFileDirectory(((string?)e.Attribute("Project") ?? string.Empty).Trim()))
            .Where(p => p.Length > 0 && !p.Contains("$(", StringComparison.Ordinal) && !p.Contains('*', StringComparison.Ordinal))
            .Select(p => LeftOutProjects.RepoRelative(folder, p.Replace('\\', '/')))
            .OfType<string>()
            .ToList();
    }
}
