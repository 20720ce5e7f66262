using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Repository;

/// <summary>What rewriting the adoption baseline gave.</summary>
/// <param name="Path">Repo-relative path of the baseline file.</param>
/// <param name="Text">The file's new text.</param>
/// <param name="Entries">How many findings it records.</param>
/// <param name="Added">Current findings the previous file did not record.</param>
/// <param name="Removed">Entries of the previous file no current finding matches.</param>
/// <param name="Outcome">The run with every recorded finding accepted: reported as baselined, not as findings.</param>
public sealed record BaselineRewrite(
    string Path,
    string Text,
    int Entries,
    IReadOnlyList<Finding> Added,
    IReadOnlyList<BaselineEntry> Removed,
    RepositoryCheckOutcome Outcome)
{
    /// <summary>The line that says what was written (the build logs it at high importance).</summary>
    public string Summary =>
        $"Standards: wrote {Path} with {Entries} finding{(Entries == 1 ? string.Empty : "s")} ({Added.Count} added, {Removed.Count} removed). Review the added entries below, then commit the file.";

    /// <summary>One line per added entry, for review before the file is committed.</summary>
    public IEnumerable<string> AddedLines => Added.Select(a => $"Standards: baseline entry added: {a.Code} {a.File}: {a.Message}");
}

/// <summary>
/// The adoption baseline (<see cref="BaselineFile"/>) as one run of the repository checks uses it: read and applied
/// on every run, or rewritten with the current findings when the user asks for it
/// (<see cref="BaselineFile.UpdateCommand"/>). Plain logic over text: the task reads and writes the file.
/// </summary>
public static class AdoptionBaseline
{
    /// <summary>
    /// The baseline to apply: null when the file does not exist; its entries and problems when it does; an STD3901
    /// finding (and no entries) when it exists but could not be read (<paramref name="text"/> null).
    /// </summary>
    /// <param name="relativePath">The file's repo-relative path, for findings.</param>
    /// <param name="exists">True when the file exists.</param>
    /// <param name="text">Its text, or null when it could not be read.</param>
    public static BaselineInput? Read(string relativePath, bool exists, string? text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return ReadText(relativePath, exists, text);
    }

    /// <summary>
    /// Reads the baseline at <paramref name="fullPath"/> (<see cref="FileReading.ReadSettings"/>): null when there is
    /// none; a file that exists but is not read (a FIFO or device, over the size limit, a link to nothing, no
    /// permission) is STD0007 naming it and the reason, and accepts nothing.
    /// </summary>
    public static BaselineInput? ReadFile(string relativePath, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var text = FileReading.ReadSettings(fullPath, out var problem);
        if (problem is null)
        {
            return ReadText(relativePath, File.Exists(fullPath), text);
        }

        return new BaselineInput(relativePath, BaselineFile.Empty,
            [new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                $"{relativePath} exists but could not be read ({problem}), so it accepts no finding. Make it a regular file the build can read, of at most {BoundedFile.Describe(BoundedFile.SettingsLimit)}, or remove it.",
                relativePath)]);
    }

    private static BaselineInput? ReadText(string relativePath, bool exists, string? text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!exists)
        {
            return null;
        }

        if (text is null)
        {
            return new BaselineInput(relativePath, BaselineFile.Empty,
                [new Finding(BaselineRuleIds.Malformed, Severity.Error, $"{relativePath} could not be read; check its permissions.", relativePath)]);
        }

        var (file, problems) = BaselineFile.Parse(relativePath, text);
        return new BaselineInput(relativePath, file, problems);
    }

    /// <summary>
    /// Rewrites the baseline with the run's current findings: the new text, what changed against the previous file
    /// (<paramref name="previousText"/>, null when there was none or it could not be read), and the outcome with
    /// every baselinable finding accepted. Findings that cannot be baselined stay reported.
    /// </summary>
    /// <param name="outcome">The run, made without a baseline.</param>
    /// <param name="root">The repo root, removed from messages so no machine path is committed.</param>
    /// <param name="relativePath">The file's repo-relative path.</param>
    /// <param name="previousText">The file's text before the rewrite, or null.</param>
    public static BaselineRewrite Rewrite(RepositoryCheckOutcome outcome, string root, string relativePath, string? previousText)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        var previous = previousText is null ? BaselineFile.Empty : BaselineFile.Parse(relativePath, previousText).Baseline;
        var accepted = outcome.Current.Where(BaselineFile.IsBaselinable).ToList();
        var still = outcome.Current.Where(f => !BaselineFile.IsBaselinable(f)).ToList();
        var diff = BaselineMatcher.Apply(accepted, new BaselineFile([.. previous.Entries.Where(e => !ProjectFindingsBaseline.IsJudgedByProjects(e.Code))]));
        // Entries only the project builds judge (licences) are kept as they are: those builds report them once fixed.
        var text = BaselineFile.Write(outcome.Current.Concat(ProjectFindingsBaseline.Kept(previous)), root, previous);
        var baseline = new BaselineInput(relativePath, new BaselineFile(accepted.Select(f => new BaselineEntry(f.Code, f.File ?? string.Empty, f.Message)).ToList()), []);
        return new BaselineRewrite(relativePath, text, accepted.Count, diff.New, diff.Stale,
            outcome with { Reported = still, Baselined = accepted, Baseline = baseline });
    }
}
