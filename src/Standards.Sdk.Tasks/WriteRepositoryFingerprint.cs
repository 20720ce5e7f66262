using System.Diagnostics;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Runs;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The cheap step that runs on every build so that the repository checks themselves can be skipped: lists the
/// repo's files (same exclusions as the checks' snapshot), hashes the content of the files the checks read
/// (through a stat-keyed cache, see <see cref="ContentHashCache"/>), and writes the inputs cache of these settings
/// only when the file set, a content hash or the settings changed. See <see cref="RepositoryFingerprint"/>.
/// </summary>
public sealed class WriteRepositoryFingerprint : StandardsTask
{
    /// <summary>The file (in the state folder) that keeps content hashes between builds.</summary>
    public const string ContentHashesFileName = "content-hashes.txt";

    /// <summary>Repo root.</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>The state folder (inputs caches, stamps, lock, content hashes).</summary>
    [Required]
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>Setting lines that decide the verdict (SDK, mode, reports, policy, baseline, date).</summary>
    public string[] Settings { get; set; } = [];

    /// <summary>Files the checks read that may lie outside the repo (the policy file, the baseline).</summary>
    public ITaskItem[] ExtraContentFiles { get; set; } = [];

    /// <summary>The inputs cache of these settings (the checks target's input).</summary>
    [Output]
    public string CacheFile { get; set; } = string.Empty;

    /// <summary>The stamp of these settings (the checks target's output).</summary>
    [Output]
    public string StampFile { get; set; } = string.Empty;

    /// <summary>The last summary line of these settings, printed by a skipped run.</summary>
    [Output]
    public string SummaryFile { get; set; } = string.Empty;

    /// <summary>A digest of the inputs cache text; a stamp is valid for exactly this digest.</summary>
    [Output]
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>What could not be written to the state folder (reported by the checks as STD0008), or empty.</summary>
    [Output]
    public string StateProblem { get; set; } = string.Empty;

    /// <summary>The key under which a build keeps the walk of a repo for the fingerprint it gave.</summary>
    internal static string WalkKey(string root, string fingerprint) => "Standards.Sdk.RepositoryWalk|" + root + "|" + fingerprint;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var watch = Stopwatch.StartNew();
        var root = Path.GetFullPath(RepoRoot);
        var state = Path.GetFullPath(StateDirectory);
        var key = RepositoryFingerprint.SettingsKey(Settings);
        CacheFile = Path.Combine(state, $"repository.{key}.inputs");
        StampFile = Path.Combine(state, $"repository.{key}.stamp");
        SummaryFile = Path.Combine(state, $"last-summary.{key}.txt");

        var hashesFile = Path.Combine(state, ContentHashesFileName);
        var cache = ContentHashCache.Parse(ReadOrNull(hashesFile));

        // The module version ids change with the code of the checks (deterministic builds), never with the date.
        var checks = typeof(RepositoryFingerprint).Assembly.ManifestModule.ModuleVersionId;
        var tasks = typeof(WriteRepositoryFingerprint).Assembly.ManifestModule.ModuleVersionId;
        var (text, files) = RepositoryFingerprint.Compute(root, [$"checks={checks} tasks={tasks}", .. Settings], ExtraContentFiles.Select(f => f.ItemSpec), cache, out var walk);
        Fingerprint = RepositoryFingerprint.Digest(text);

        // When the checks run in this build, they take this walk instead of walking the repo again (RunRepositoryChecks).
        BuildEngine4?.RegisterTaskObject(WalkKey(root, Fingerprint), walk, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: true);

        var problems = new List<string>();
        if (cache.Changed)
        {
            StateWriter.TryWrite(hashesFile, cache.Write(), problems);
        }

        var changed = StateWriter.TryWriteIfChanged(CacheFile, text, problems);

        StateProblem = string.Join("; ", problems.Distinct(StringComparer.Ordinal));
        Log.LogMessage(MessageImportance.Low,
            $"Standards: repository fingerprint of {files} files ({cache.FilesRead} read for their content hash) in {watch.ElapsedMilliseconds} ms; {(changed ? "changed" : "unchanged")}.");
        return true;
    }
}
