using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Writes the inputs caches of a project's checks (policy, dependencies, sizes; the SBOM's and the benchmark gate's
/// through <see cref="Caches"/>) in one call (features/Standards.InputsCache.targets). What a cache holds and when it
/// is rewritten is <see cref="InputsCache"/>; this task reads its items, keeps the node's content hashes and writes
/// through it.
/// </summary>
public sealed class WriteInputsCache : StandardsTask
{
    /// <summary>
    /// Caches named by items (the SBOM's, the benchmark gate's): the item is the cache file, its <c>Name</c> metadata
    /// the name lines and files refer to. The build's own checks have named parameters below.
    /// </summary>
    public ITaskItem[] Caches { get; set; } = [];

    /// <summary>
    /// Setting lines (final property values, the source file list, today's date, ...). A line's <c>Cache</c> metadata
    /// names the cache it belongs to; a line without one belongs to every cache and comes first.
    /// </summary>
    public ITaskItem[] Lines { get; set; } = [];

    /// <summary>Files whose content decides a verdict, <c>Cache</c> as for lines; missing ones are recorded as missing.</summary>
    public ITaskItem[] ContentFiles { get; set; } = [];

    /// <summary>Whether the policy check runs in this build, so its cache (<see cref="PolicyCache"/>) is written.</summary>
    public bool ChecksPolicy { get; set; }

    /// <summary>
    /// The policy check's cache (features/Standards.InputsCache.targets). Its lines are formatted here from the values
    /// and item lists below, not built as items by the target first: building them as items was half the cost of
    /// writing the caches on a no-op build (docs/performance.md, "The inputs caches written by the task").
    /// </summary>
    public string? PolicyCache { get; set; }

    /// <summary>The policy check's setting values, one line of its cache (as a string: values hold semicolons).</summary>
    public string? PolicySettings { get; set; }

    /// <summary>The compiler's sources, recorded by full path: an added or removed file re-runs the policy check.</summary>
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <summary>The analyzer config files the compiler reads, by full path; their content too (<see cref="PolicyContentFiles"/>).</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>The analyzers the compiler loads, recorded by file name (a restore to another folder is no change).</summary>
    public ITaskItem[] Analyzers { get; set; } = [];

    /// <summary>The compiler's additional files, by full path.</summary>
    public ITaskItem[] AdditionalFiles { get; set; } = [];

    /// <summary>Files whose content decides the policy verdict (analyzer configs, rule set, baseline); missing ones are recorded as missing.</summary>
    public ITaskItem[] PolicyContentFiles { get; set; } = [];

    /// <summary>A file left out of <see cref="PolicyContentFiles"/>: the analyzer config the SDK writes itself from the policy.</summary>
    public string? GeneratedContentFile { get; set; }

    /// <summary>Another file the policy check writes itself, left out of <see cref="PolicyContentFiles"/>: the locked config.</summary>
    public string? GeneratedLockedContentFile { get; set; }

    /// <summary>Whether the dependency check runs in this build, so its cache (<see cref="DependenciesCache"/>) is written.</summary>
    public bool ChecksDependencies { get; set; }

    /// <summary>The dependency check's cache.</summary>
    public string? DependenciesCache { get; set; }

    /// <summary>The dependency check's setting values, one line.</summary>
    public string? DependenciesSettings { get; set; }

    /// <summary>Files whose content decides the dependency verdict (the lock file).</summary>
    public ITaskItem[] DependenciesContentFiles { get; set; } = [];

    /// <summary>Whether the size checks run in this build, so their cache (<see cref="SizesCache"/>) is written.</summary>
    public bool ChecksSizes { get; set; }

    /// <summary>The size checks' cache.</summary>
    public string? SizesCache { get; set; }

    /// <summary>The size checks' setting values, one line.</summary>
    public string? SizesSettings { get; set; }

    /// <summary>
    /// The global properties of the project's call to the repository checks, when that call comes after this write
    /// (features/Standards.RepositoryChecks.targets): the answer the node may already have is looked up here
    /// (<see cref="RepositoryChecksAnswered"/>), so a project that finds it runs no task of its own for the repository
    /// checks; a task call is the largest thing their target costs every project of a no-op build
    /// (docs/performance.md, "The repository-checks answer looked up by the inputs-cache write").
    /// </summary>
    public string? RepositoryChecksCall { get; set; }

    /// <summary>
    /// With <see cref="RepositoryChecksCall"/>: "true" when this node already has a successful answer to that call in
    /// this build (<see cref="RepositoryChecksAnswer"/>), else "false". Empty without a call: nothing was looked up.
    /// </summary>
    [Output]
    public string RepositoryChecksAnswered { get; private set; } = string.Empty;

    /// <summary>Every cache this call wrote or found up to date, for FileWrites.</summary>
    [Output]
    public ITaskItem[] Written { get; private set; } = [];

    /// <summary>
    /// Whether every cache records the date exceptions are judged against (they expire), after the task assembly's line.
    /// Worked out here as the checks work it out (<see cref="Today"/>, else the machine's date), not by a property
    /// function in every project's evaluation (docs/performance.md, "At scale").
    /// </summary>
    public bool RecordToday { get; set; }

    /// <summary>The StandardsToday override (YYYY-MM-DD), when set; recorded as given, beside the date it resolves to.</summary>
    public string? Today { get; set; }

    /// <summary>
    /// How to fix a cache that cannot be written (STD0008), for a cache outside the project's obj/ (the repo coverage
    /// gate's, in the coverage report folder): which folder to make writable or which setting moves it.
    /// </summary>
    public string? NotWritableFix { get; set; }

    /// <summary>
    /// The first line of every cache: the write time of the task assembly this node loaded, so a re-packed SDK of the
    /// same version re-runs every check. Read once per MSBuild node, not in every project's evaluation (a property
    /// function there cost each project of a no-op build; docs/performance.md, "At scale"). The loaded assembly, not
    /// the file MSBuild was pointed at: a node that still runs an older copy records that older copy.
    /// </summary>
    private static readonly Lazy<string> TaskAssemblyLine = new(() =>
    {
        var location = typeof(WriteInputsCache).Assembly.Location;
        var stamp = location.Length == 0 || !File.Exists(location)
            ? "unknown"
            : File.GetLastWriteTimeUtc(location).Ticks.ToString(CultureInfo.InvariantCulture);
        return "tasks=" + stamp;
    });

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        if (!string.IsNullOrEmpty(RepositoryChecksCall))
        {
            RepositoryChecksAnswered = RepositoryChecksAnswer.IsRecorded(BuildEngine4, RepositoryChecksCall!) ? "true" : "false";
        }

        var sections = Sections();
        // The lines that open every cache, worked out once per call, not once per cache.
        List<string> header = [TaskAssemblyLine.Value];
        if (RecordToday)
        {
            header.Add(InputsCache.TodayLine(ResolveToday(Today), Today));
        }

        header.AddRange(Lines.Where(line => line.GetMetadata("Cache").Length == 0).Select(line => InputsCache.OneLine(line.ItemSpec)));
        var commonFiles = FullPaths(ContentFiles.Where(file => file.GetMetadata("Cache").Length == 0)).ToList();
        var request = new InputsCacheRequest(header, commonFiles, sections, string.IsNullOrEmpty(NotWritableFix) ? IntermediateFolderFix : NotWritableFix!);
        var finding = InputsCache.Write(request, HashAll);
        Written = [.. sections.Select(section => new TaskItem(section.Path))];
        return finding is null || LogAndRecord([finding], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }

    /// <summary>
    /// The content hash of each file, from the hashes this MSBuild node keeps for the build: most files are the same
    /// in every project (standards.json, the repo's .editorconfig, the adoption baseline), and hashing them again in
    /// each project was about a third of this task's work on a no-op build (docs/performance.md, "The repository-checks
    /// answer looked up by the inputs-cache write"). A kept hash is reused only by git's rules
    /// (<see cref="ContentHashCache"/>: size, both times and inode unchanged, older than the hash by a safe margin),
    /// so a file edited during the build, or with its time set back, is read again; where the system cannot tell
    /// (<see cref="FileStat.Exact"/> false) every file is read every time. Build lifetime: the next build reads every
    /// file again once.
    /// </summary>
    private IReadOnlyDictionary<string, string> HashAll(IEnumerable<string> files)
    {
        // One node builds one project at a time, so the lock is never contended; nothing here depends on that.
        lock (SharedHashesLock)
        {
            if (BuildEngine4.GetRegisteredTaskObject(SharedHashesKey, RegisteredTaskObjectLifetime.Build) is not ContentHashCache shared)
            {
                shared = ContentHashCache.Parse(null);
                BuildEngine4.RegisterTaskObject(SharedHashesKey, shared, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: true);
            }

            return files.ToDictionary(file => file, shared.Hash, StringComparer.Ordinal);
        }
    }

    private const string SharedHashesKey = "Standards.Sdk.WriteInputsCache.ContentHashes";

    private static readonly object SharedHashesLock = new();

    /// <summary>Every cache of this call with its own lines and content files (the common ones are added to each).</summary>
    private List<InputsCacheSection> Sections()
    {
        var sections = new List<InputsCacheSection>();
        foreach (var cache in Caches)
        {
            var name = cache.GetMetadata("Name");
            bool Own(ITaskItem item) => string.Equals(item.GetMetadata("Cache"), name, StringComparison.Ordinal);
            sections.Add(new InputsCacheSection(cache.ItemSpec,
                [.. Lines.Where(Own).Select(line => InputsCache.OneLine(line.ItemSpec))],
                [.. FullPaths(ContentFiles.Where(Own))]));
        }

        if (ChecksPolicy && !string.IsNullOrEmpty(PolicyCache))
        {
            var compiler = new PolicyCompilerInputs(
                SourceFiles.Select(file => file.GetMetadata("FullPath")),
                AnalyzerConfigFiles.Select(file => file.GetMetadata("FullPath")),
                Analyzers.Select(file => file.GetMetadata("Filename")),
                AdditionalFiles.Select(file => file.GetMetadata("FullPath")));
            var generated = string.IsNullOrEmpty(GeneratedContentFile) ? null : Path.GetFullPath(GeneratedContentFile);
            var contentFiles = FullPaths(PolicyContentFiles);
            if (!string.IsNullOrEmpty(GeneratedLockedContentFile))
            {
                var locked = Path.GetFullPath(GeneratedLockedContentFile);
                contentFiles = [.. contentFiles.Where(f => !string.Equals(f, locked, StringComparison.Ordinal))];
            }

            sections.Add(InputsCache.PolicySection(PolicyCache!, PolicySettings, compiler, contentFiles, generated));
        }

        if (ChecksDependencies && !string.IsNullOrEmpty(DependenciesCache))
        {
            sections.Add(new InputsCacheSection(DependenciesCache!, [InputsCache.OneLine(DependenciesSettings ?? string.Empty)], [.. FullPaths(DependenciesContentFiles)]));
        }

        if (ChecksSizes && !string.IsNullOrEmpty(SizesCache))
        {
            sections.Add(new InputsCacheSection(SizesCache!, [InputsCache.OneLine(SizesSettings ?? string.Empty)], []));
        }

        return sections;
    }

    /// <summary>The full path of each named file, in order, each once.</summary>
    private static IEnumerable<string> FullPaths(IEnumerable<ITaskItem> files) => files
        .Where(f => !string.IsNullOrWhiteSpace(f.ItemSpec))
        .Select(f => Path.GetFullPath(f.ItemSpec))
        .Distinct(StringComparer.Ordinal);
}
