using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// Adopt never baselines a finding about a file it wrote itself: it writes the file right. A new entry of the repo
/// baseline at a file this run created, or at global.json (whose pins adopt completes), is a defect of adopt, so
/// the run stops before it writes anything instead of hiding the finding.
/// </summary>
internal static class OwnFilesGuard
{
    /// <summary>Throws <see cref="ToolRuleIds.BaselinedOwnFile"/> when the repo baseline adopt leaves has a new entry at a file adopt wrote.</summary>
    /// <param name="root">The repo root (what is there now is what the repo had before adopt).</param>
    /// <param name="changes">What adopt writes.</param>
    /// <param name="before">The repo baseline before adopt, or null.</param>
    public static void ThrowIfBaselined(string root, ChangeSet changes, BaselineFile? before)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var own = changes.Files.Keys
            .Where(file => file == GlobalJsonEditor.FileName || !File.Exists(Path.Combine(root, file)))
            .Where(file => file != BaselineFile.DefaultFileName && file != CodeBaselineDocument.FileName)
            .ToHashSet(StringComparer.Ordinal);
        var old = (before?.Entries ?? []).Select(e => (e.Code, e.File, e.Message)).ToHashSet();
        var wrong = (AdoptionBaselines.RepoAfter(root, changes)?.Entries ?? [])
            .Where(e => own.Contains(e.File) && !old.Contains((e.Code, e.File, e.Message)))
            .ToList();
        if (wrong.Count == 0)
        {
            return;
        }

        throw new ToolException(ToolRuleIds.BaselinedOwnFile,
            $"adopt would baseline {string.Join(" | ", wrong.Take(3).Select(e => $"{e.Code} at {e.File}: {e.Message}"))}, a file it wrote itself in this run; it must write that file right instead. This is a bug in Standards.Tool: please report it with this message. Nothing was written.",
            wrong[0].File);
    }
}
