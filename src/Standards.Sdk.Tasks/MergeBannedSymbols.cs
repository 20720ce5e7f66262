using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Writes the SDK's banned-API lists as one list without the symbols the project's own lists already ban
/// (<see cref="BannedSymbolLists.Merge"/>), so a symbol banned by both is never RS0031; the target hands the compiler
/// that list instead of the SDK's. The file is rewritten only when its content changes.
/// </summary>
public sealed class MergeBannedSymbols : StandardsTask
{
    /// <summary>The SDK's lists (config/BannedSymbols*.txt) the project gets.</summary>
    [Required]
    public ITaskItem[] Ours { get; set; } = [];

    /// <summary>The project's own BannedSymbols*.txt additional files.</summary>
    [Required]
    public ITaskItem[] Theirs { get; set; } = [];

    /// <summary>Where the merged list goes (the project's obj/standards/BannedSymbols.txt).</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>The merged list, for AdditionalFiles; empty when a list could not be read (the SDK's lists then stay).</summary>
    [Output]
    public ITaskItem[] MergedFile { get; set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var ours = Read(Ours);
        var theirs = Read(Theirs);
        if (ours is null || theirs is null)
        {
            // The analyzer reports a list it cannot read itself; the SDK's lists are then passed as they are.
            return true;
        }

        var text = string.Concat(BannedSymbolLists.Merge(ours, theirs).Select(l => l + "\n"));
        var problems = new List<string>();
        StateWriter.TryWriteIfChanged(OutputFile, text, problems);
        if (problems.Count > 0)
        {
            return LogAndRecord([StateWriter.NotWritten(problems, "the banned-API list merged with the project's own lists", "Make the project's obj/ folder writable.", OutputFile)], StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
        }

        MergedFile = [new Microsoft.Build.Utilities.TaskItem(OutputFile)];
        return true;
    }

    private List<string>? Read(IEnumerable<ITaskItem> lists)
    {
        var lines = new List<string>();
        foreach (var path in lists.Select(l => l.GetMetadata("FullPath")))
        {
            try
            {
                lines.AddRange(File.ReadAllLines(path));
            }
            catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
            {
                Log.LogMessage(MessageImportance.Low, $"Standards.Sdk did not merge the banned-API lists: {ReadFailure.Describe(path, ex)}");
                return null;
            }
        }

        return lines;
    }
}
