using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>The repo's two baselines: the repository findings' (standards-baseline.json) and the code baseline's entries.</summary>
/// <param name="Repo">The repo baseline, or null when the repo has none.</param>
/// <param name="Code">The code baseline's entries, or null when the repo has none.</param>
internal sealed record AdoptionBaselines(BaselineFile? Repo, IReadOnlyList<CodeEntry>? Code)
{
    /// <summary>The baselines the repo has before adopt; a malformed repo baseline is <see cref="ToolRuleIds.BaselineMalformed"/>.</summary>
    public static AdoptionBaselines Read(string root)
    {
        var repo = Path.Combine(root, BaselineFile.DefaultFileName);
        var code = Path.Combine(root, CodeBaselineDocument.FileName);
        return new AdoptionBaselines(
            RepoText.ReadOrNull(repo, BaselineFile.DefaultFileName) is { } repoText ? ParseRepo(repoText) : null,
            RepoText.ReadOrNull(code, CodeBaselineDocument.FileName) is { } codeText ? CodeBaselineDocument.Read(codeText) : null);
    }

    /// <summary>The repo baseline adopt leaves: the one in <paramref name="changes"/>, else the repo's own.</summary>
    public static BaselineFile? RepoAfter(string root, ChangeSet changes)
    {
        var path = Path.Combine(root, BaselineFile.DefaultFileName);
        return ParseRepo(changes.Get(BaselineFile.DefaultFileName) ?? RepoText.ReadOrNull(path, BaselineFile.DefaultFileName));
    }

    /// <summary>The entries of these (the old) baselines that the new ones no longer hold: fixed, so removed.</summary>
    public List<string> Removed(BaselineFile? newRepo, IReadOnlyList<CodeEntry> newCode)
    {
        var newRepoKeys = (newRepo?.Entries ?? []).Select(RepoKey).ToHashSet(StringComparer.Ordinal);
        var newCodeKeys = newCode.ToHashSet();
        return (Repo?.Entries ?? []).Where(e => !newRepoKeys.Contains(RepoKey(e))).Select(e => $"{e.Code} {e.File}: {e.Message}")
            .Concat((Code ?? []).Where(e => !newCodeKeys.Contains(e)).Select(e => $"{e.Id} {e.File} (line hash {e.Hash})"))
            .ToList();
    }

    /// <summary>How many entries of the new baselines these (the old) ones did not hold.</summary>
    public int Added(BaselineFile? newRepo, IReadOnlyList<CodeEntry> newCode)
    {
        var oldRepoKeys = (Repo?.Entries ?? []).Select(RepoKey).ToHashSet(StringComparer.Ordinal);
        var oldCodeKeys = (Code ?? []).ToHashSet();
        return (newRepo?.Entries ?? []).Count(e => !oldRepoKeys.Contains(RepoKey(e))) + newCode.Count(e => !oldCodeKeys.Contains(e));
    }

    /// <summary>
    /// The findings behind the entries the new baselines add: what the repo's own baselines do not hold, so what its
    /// CI build fails on. Each is an error (CI treats warnings as errors) with the file and line CI reports: a code
    /// finding's line is the survey's, a repository finding names its file only.
    /// </summary>
    public List<BuildDiagnostic> NotHeld(string root, BaselineFile? newRepo, IReadOnlyList<CodeEntry> newCode, IReadOnlyList<BuildDiagnostic> findings)
    {
        var oldRepoKeys = (Repo?.Entries ?? []).Select(RepoKey).ToHashSet(StringComparer.Ordinal);
        var oldCodeKeys = (Code ?? []).ToHashSet();
        var addedCode = newCode.Where(e => !oldCodeKeys.Contains(e)).ToHashSet();
        var code = findings.Where(f => addedCode.Count > 0
            && CodeBaselineDocument.EntryFor(f, file => RepoPath.Problem(root, file) is null ? WorkspaceCommands.ReadLines(root, file) : null) is { } entry
            && addedCode.Contains(entry));
        var repo = (newRepo?.Entries ?? []).Where(e => !oldRepoKeys.Contains(RepoKey(e))).Select(e => new BuildDiagnostic(e.Code, false, e.File, 0, 0, e.Message));
        return [.. code.Concat(repo).Select(f => f with { IsError = true }).Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }

    private static string RepoKey(BaselineEntry entry) => entry.Code + "\n" + entry.File + "\n" + entry.Message;

    private static BaselineFile? ParseRepo(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (baseline, problems) = BaselineFile.Parse(BaselineFile.DefaultFileName, text);
        if (problems.Count > 0)
        {
            var first = problems[0];
            throw new ToolException(ToolRuleIds.BaselineMalformed, first.Message, BaselineFile.DefaultFileName, first.Line);
        }

        return baseline;
    }
}
