namespace Standards.Sdk.Checks.Repository;

/// <summary>A project of the repo as MSBuild sees it.</summary>
/// <param name="Path">Repo-relative path of the project file, '/'-separated.</param>
/// <param name="Name">Project name.</param>
/// <param name="Kind">Project kind (service, worker, library, test, benchmark, tool).</param>
/// <param name="Properties">Selected evaluated properties (e.g. OutputType, StandardsCritical), by name.</param>
public sealed record RepositoryProject(string Path, string Name, string Kind, IReadOnlyDictionary<string, string> Properties);

/// <summary>
/// What repo-wide checks look at: the root, the files below it (repo-relative, '/'-separated, excluding
/// bin/, obj/, .git/ and artifacts/), the projects, which files git tracks and ignores, and a way to read
/// files. Tests build snapshots in memory; the MSBuild task builds one from disk.
/// </summary>
public sealed class RepositorySnapshot
{
    private readonly Func<string, string?> readText;

    /// <summary>Creates a snapshot.</summary>
    /// <param name="root">Absolute repo root.</param>
    /// <param name="files">Repo-relative file paths.</param>
    /// <param name="projects">The projects of the repo.</param>
    /// <param name="readText">Reads a repo-relative file; null when it cannot be read.</param>
    /// <param name="trackedFiles">Files git tracks (repo-relative), or null when the repo is not a git repo.</param>
    /// <param name="ignoredFiles">Files git ignores (repo-relative), or null when unknown.</param>
    public RepositorySnapshot(
        string root,
        IReadOnlyCollection<string> files,
        IReadOnlyList<RepositoryProject> projects,
        Func<string, string?> readText,
        IReadOnlySet<string>? trackedFiles = null,
        IReadOnlySet<string>? ignoredFiles = null)
    {
        Root = root;
        Files = files;
        Projects = projects;
        this.readText = readText;
        TrackedFiles = trackedFiles;
        IgnoredFiles = ignoredFiles;
        fileSet = new HashSet<string>(files, StringComparer.Ordinal);
    }

    private readonly HashSet<string> fileSet;

    /// <summary>Absolute repo root.</summary>
    public string Root { get; }

    /// <summary>Every file below the root (repo-relative).</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>The projects.</summary>
    public IReadOnlyList<RepositoryProject> Projects { get; }

    /// <summary>Files tracked by git, or null outside a git repo.</summary>
    public IReadOnlySet<string>? TrackedFiles { get; }

    /// <summary>Files ignored by git, or null when unknown.</summary>
    public IReadOnlySet<string>? IgnoredFiles { get; }

    /// <summary>True when the repo-relative file exists.</summary>
    public bool Exists(string relativePath) => fileSet.Contains(relativePath);

    /// <summary>Reads a repo-relative file, or null.</summary>
    public string? ReadText(string relativePath) => readText(relativePath);
}
