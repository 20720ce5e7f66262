using System.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The cheap step that runs on every build so that the repository checks themselves can be skipped: lists the
/// repo's files (same exclusions as the checks' snapshot), writes <see cref="CacheFile"/> only when the file set
/// or the settings changed, and returns the files whose content the checks read as the checks target's inputs.
/// See <see cref="RepositoryFingerprint"/>.
/// </summary>
public sealed class WriteRepositoryFingerprint : StandardsTask
{
    /// <summary>Repo root.</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>The inputs cache file.</summary>
    [Required]
    public string CacheFile { get; set; } = string.Empty;

    /// <summary>Setting lines that also decide the result (SDK, flags, date).</summary>
    public string[] Settings { get; set; } = [];

    /// <summary>Files whose content the checks read (absolute paths).</summary>
    [Output]
    public ITaskItem[] ContentInputs { get; set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var watch = Stopwatch.StartNew();
        var root = Path.GetFullPath(RepoRoot);
        var files = RepositorySnapshotLoader.EnumerateFiles(root);
        // The module version ids change with the code of the checks (deterministic builds), never with the date.
        var checks = typeof(RepositoryFingerprint).Assembly.ManifestModule.ModuleVersionId;
        var tasks = typeof(WriteRepositoryFingerprint).Assembly.ManifestModule.ModuleVersionId;
        var text = RepositoryFingerprint.CacheText(files, [$"checks={checks} tasks={tasks}", .. Settings]);
        var changed = ReadOrNull(CacheFile) != text;
        if (changed)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(CacheFile))!);
                File.WriteAllText(CacheFile, text);
            }
            catch (IOException)
            {
                // A concurrent build writes the same text; the next build compares again.
            }
        }

        var inputs = files.Where(RepositoryFingerprint.IsContentInput)
            .Select(f => (ITaskItem)new TaskItem(Path.Combine(root, f)))
            .ToList();
        var gitIndex = Path.Combine(root, ".git", "index");
        if (File.Exists(gitIndex))
        {
            // Which files git tracks and ignores is part of the dependency rules' input.
            inputs.Add(new TaskItem(gitIndex));
        }

        ContentInputs = [.. inputs];
        Log.LogMessage(MessageImportance.Low,
            $"Standards: repository fingerprint of {files.Count} files ({inputs.Count} content inputs) in {watch.ElapsedMilliseconds} ms; {(changed ? "changed" : "unchanged")}.");
        return true;
    }
}
