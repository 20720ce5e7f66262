using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Writes the inputs cache of a per-project check (policy, dependencies): the setting lines plus a content hash of
/// each file whose content decides the verdict (standards.json, the analyzer configs the compiler reads, ...), only
/// when the text changed. The check's target has the cache as an input, so an edit that keeps or moves back a
/// file's timestamp still re-runs the check: a timestamp alone is never trusted.
/// </summary>
public sealed class WriteInputsCache : StandardsTask
{
    /// <summary>The cache file.</summary>
    [Required]
    public string File { get; set; } = string.Empty;

    /// <summary>Setting lines (final property values, the source file list, today's date, ...).</summary>
    public string[] Lines { get; set; } = [];

    /// <summary>Files whose content decides the verdict; missing ones are recorded as missing.</summary>
    public ITaskItem[] ContentFiles { get; set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var hashes = ContentHashCache.Parse(null).HashAll(ContentFiles
            .Select(f => f.ItemSpec)
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => Path.GetFullPath(f)));
        var text = string.Join('\n', Lines.Select(l => l.Replace('\n', ' ').Replace('\r', ' '))
            .Concat(hashes.Select(h => $"content={h.Hash} {h.Path}"))) + "\n";
        if (ReadOrNull(File) == text)
        {
            return true;
        }

        var problems = new List<string>();
        if (!StateWriter.TryWrite(File, text, problems))
        {
            var finding = new Finding(PolicyRuleIds.StateNotWritable, Severity.Error,
                $"Standards.Sdk could not write {string.Join("; ", problems)}, the record of what its check of this project read. The project's intermediate folder (obj/) must be writable by the build; if it is elsewhere on purpose, set BaseIntermediateOutputPath to a writable folder.",
                File);
            return TaskLogging.LogFindings(Log, [finding], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
        }

        return true;
    }
}
