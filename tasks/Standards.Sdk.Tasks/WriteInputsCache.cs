using System.Globalization;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Writes the inputs caches of a project's checks (policy, dependencies) in one call
/// (features/Standards.InputsCache.targets): each cache holds the setting lines of its check plus a content hash of
/// each file whose content decides the verdict (standards.json, the analyzer configs the compiler reads, ...), and is
/// rewritten only when its text changed. The check's target has the cache as an input, so an edit that keeps or moves
/// back a file's timestamp still re-runs the check: a timestamp alone is never trusted.
/// </summary>
public sealed class WriteInputsCache : StandardsTask
{
    /// <summary>The caches: the item is the cache file, its <c>Name</c> metadata the name lines and files refer to.</summary>
    [Required]
    public ITaskItem[] Caches { get; set; } = [];

    /// <summary>
    /// Setting lines (final property values, the source file list, today's date, ...). A line's <c>Cache</c> metadata
    /// names the cache it belongs to; a line without one belongs to every cache and comes first.
    /// </summary>
    public ITaskItem[] Lines { get; set; } = [];

    /// <summary>Files whose content decides a verdict, <c>Cache</c> as for lines; missing ones are recorded as missing.</summary>
    public ITaskItem[] ContentFiles { get; set; } = [];

    /// <summary>
    /// Whether every cache records the date exceptions are judged against (they expire), after the task assembly's line.
    /// Worked out here as the checks work it out (<see cref="Today"/>, else the machine's date), not by a property
    /// function in every project's evaluation (docs/performance.md, "At scale").
    /// </summary>
    public bool RecordToday { get; set; }

    /// <summary>The StandardsToday override (YYYY-MM-DD), when set; recorded as given, beside the date it resolves to.</summary>
    public string? Today { get; set; }

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
        var contentFiles = ContentFiles
            .Where(f => !string.IsNullOrWhiteSpace(f.ItemSpec))
            .Select(f => (Cache: f.GetMetadata("Cache"), FullPath: Path.GetFullPath(f.ItemSpec)))
            .ToList();
        // A file two caches name (standards.json) is hashed once.
        var hashes = ContentHashCache.Parse(null).HashAll(contentFiles.Select(f => f.FullPath).Distinct(StringComparer.Ordinal))
            .ToDictionary(h => h.Path, h => h.Hash, StringComparer.Ordinal);
        // The lines that open every cache, worked out once per call, not once per cache.
        List<string> header = [TaskAssemblyLine.Value];
        if (RecordToday)
        {
            header.Add($"today={ResolveToday(Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} override={OneLine(Today ?? string.Empty)}");
        }

        var problems = new List<string>();
        foreach (var cache in Caches)
        {
            var name = cache.GetMetadata("Name");
            var text = CacheText(name, header, contentFiles, hashes);
            if (ReadOrNull(cache.ItemSpec) != text)
            {
                StateWriter.TryWrite(cache.ItemSpec, text, problems);
            }
        }

        if (problems.Count == 0)
        {
            return true;
        }

        var finding = new Finding(PolicyRuleIds.StateNotWritable, Severity.Error,
            $"Standards.Sdk could not write {string.Join("; ", problems)}, the record of what its check of this project read. The project's intermediate folder (obj/) must be writable by the build; if it is elsewhere on purpose, set BaseIntermediateOutputPath to a writable folder.",
            Caches[0].ItemSpec);
        return TaskLogging.LogFindings(Log, [finding], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }

    private string CacheText(string name, List<string> header, List<(string Cache, string FullPath)> contentFiles, Dictionary<string, string> hashes)
    {
        static bool Common(ITaskItem item) => item.GetMetadata("Cache").Length == 0;
        bool Own(ITaskItem item) => string.Equals(item.GetMetadata("Cache"), name, StringComparison.Ordinal);

        var lines = header.Concat(Lines.Where(Common).Concat(Lines.Where(Own)).Select(l => OneLine(l.ItemSpec)));
        var files = contentFiles.Where(f => f.Cache.Length == 0)
            .Concat(contentFiles.Where(f => string.Equals(f.Cache, name, StringComparison.Ordinal)))
            .Select(f => f.FullPath)
            .Distinct(StringComparer.Ordinal)
            .Select(f => $"content={hashes[f]} {f}");
        return string.Join('\n', lines.Concat(files)) + "\n";
    }

    /// <summary>A value as one line of a cache: a line break inside it would read as two lines.</summary>
    private static string OneLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');
}
