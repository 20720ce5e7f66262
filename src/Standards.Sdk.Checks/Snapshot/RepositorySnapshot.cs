using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Snapshot;

/// <summary>A project of the repo as MSBuild sees it.</summary>
/// <param name="Path">Repo-relative path of the project file, '/'-separated.</param>
/// <param name="Name">Project name.</param>
/// <param name="Kind">Project kind (service, worker, library, test, benchmark, tool).</param>
/// <param name="Properties">Selected evaluated properties (e.g. OutputType, StandardsCritical), by name.</param>
public sealed record RepositoryProject(string Path, string Name, string Kind, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>
    /// True when the project is on Standards.Sdk (<c>Sdk="Standards.Sdk"</c>, <c>&lt;Sdk Name="Standards.Sdk" /&gt;</c>
    /// or an SDK import of it). Other projects (an Aspire AppHost, a tool on its own SDK) are left out of the repo
    /// checks unless standards.json asks for them (layout.projectsWithoutStandardsSdk).
    /// </summary>
    public bool UsesStandardsSdk { get; init; } = true;

    /// <summary>Repo-relative paths of the projects it references (ProjectReference items written in the file).</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>
/// What repo-wide checks look at: the root, the files below it (repo-relative, '/'-separated, excluding
/// bin/, obj/, .git/ and artifacts/), the projects, which files git tracks and ignores, and a way to read
/// files. Tests build snapshots in memory; the MSBuild task builds one from disk.
/// Every file a check asks for that exists but cannot be read is remembered (<see cref="Unreadable"/>), and the
/// runner reports each one (STD0007): a check that cannot read its input must not pass silently.
/// </summary>
public sealed class RepositorySnapshot
{
    private readonly Func<string, string?> readText;
    private readonly HashSet<string> fileSet;
    private readonly Dictionary<string, UnreadablePath> unreadable = new(StringComparer.Ordinal);

    /// <summary>Creates a snapshot.</summary>
    /// <param name="root">Absolute repo root.</param>
    /// <param name="files">Repo-relative file paths.</param>
    /// <param name="projects">The projects of the repo.</param>
    /// <param name="readText">Reads a repo-relative file; null or an I/O exception when it cannot be read.</param>
    /// <param name="trackedFiles">Files git tracks (repo-relative), or null when the repo is not a git repo.</param>
    /// <param name="ignoredFiles">Files git ignores (repo-relative), or null when unknown.</param>
    /// <param name="unreadableFolders">Folders that could not be listed (their files are missing from <paramref name="files"/>).</param>
    /// <param name="gitProblem">Why git could not say which files it tracks, or null (git answered, or the repo is not in a work tree).</param>
    public RepositorySnapshot(
        string root,
        IReadOnlyCollection<string> files,
        IReadOnlyList<RepositoryProject> projects,
        Func<string, string?> readText,
        IReadOnlySet<string>? trackedFiles = null,
        IReadOnlySet<string>? ignoredFiles = null,
        IReadOnlyList<UnreadablePath>? unreadableFolders = null,
        string? gitProblem = null)
    {
        Root = root;
        Files = files;
        Projects = projects;
        this.readText = readText;
        TrackedFiles = trackedFiles;
        IgnoredFiles = ignoredFiles;
        GitProblem = gitProblem;
        fileSet = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var folder in unreadableFolders ?? [])
        {
            unreadable[folder.Path] = folder with { IsFolder = true };
        }
    }

    /// <summary>Absolute repo root.</summary>
    public string Root { get; }

    /// <summary>Every file below the root (repo-relative).</summary>
    public IReadOnlyCollection<string> Files { get; }

    /// <summary>The projects.</summary>
    public IReadOnlyList<RepositoryProject> Projects { get; }

    /// <summary>Files tracked by git, or null outside a git repo (or when git could not answer, see <see cref="GitProblem"/>).</summary>
    public IReadOnlySet<string>? TrackedFiles { get; }

    /// <summary>Files ignored by git, or null when unknown.</summary>
    public IReadOnlySet<string>? IgnoredFiles { get; }

    /// <summary>Why git could not be asked which files it tracks, or null.</summary>
    public string? GitProblem { get; }

    /// <summary>Folders that could not be listed and existing files a check could not read, in the order met.</summary>
    public IReadOnlyList<UnreadablePath> Unreadable
    {
        get
        {
            lock (unreadable)
            {
                return [.. unreadable.Values];
            }
        }
    }

    /// <summary>
    /// The same repo seen through a filter: only the files and projects kept (folders excluded by standards.json,
    /// projects not on Standards.Sdk). Reads go to the same source; what cannot be read is remembered by the new view.
    /// </summary>
    public RepositorySnapshot Where(Func<string, bool> keepFile, Func<RepositoryProject, bool> keepProject)
    {
        ArgumentNullException.ThrowIfNull(keepFile);
        ArgumentNullException.ThrowIfNull(keepProject);
        var view = new RepositorySnapshot(
            Root,
            [.. Files.Where(keepFile)],
            [.. Projects.Where(p => keepFile(p.Path) && keepProject(p))],
            readText,
            TrackedFiles,
            IgnoredFiles,
            null,
            GitProblem)
        {
            IsScoped = true,
        };

        // Folders and files found unreadable so far (project files are read while loading) stay reported.
        foreach (var item in Unreadable.Where(u => keepFile(u.Path)))
        {
            view.unreadable[item.Path] = item;
        }

        return view;
    }

    /// <summary>True for a view made by <see cref="Where"/> (the repository scope applies its filter once).</summary>
    public bool IsScoped { get; private init; }

    /// <summary>True when the repo-relative file exists.</summary>
    public bool Exists(string relativePath) => fileSet.Contains(relativePath);

    /// <summary>Reads a repo-relative file, or null; an existing file that cannot be read is remembered in <see cref="Unreadable"/>.</summary>
    public string? ReadText(string relativePath)
    {
        string? text;
        string? reason = null;
        try
        {
            text = readText(relativePath);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            text = null;
            reason = ReadFailure.Describe(Path.Combine(Root, relativePath), ex);
        }

        if (text is null && Exists(relativePath))
        {
            lock (unreadable)
            {
                unreadable.TryAdd(relativePath, new UnreadablePath(relativePath, reason ?? "it could not be read"));
            }
        }

        return text;
    }
}
