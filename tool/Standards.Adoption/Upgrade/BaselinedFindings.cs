using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>The baseline entries an upgrade added for one rule, with the files that have most of them.</summary>
public sealed record RuleFindings(string RuleId, int Count, IReadOnlyList<(string File, int Count)> TopFiles);

/// <summary>
/// The entries that are in the baselines after the upgrade and were not before (code baseline: rule, file and line
/// hash; repo baseline: code, file and message), per rule, most first, with each rule's top three files.
/// </summary>
public static class BaselinedFindings
{
    /// <summary>How many files each rule names.</summary>
    public const int TopFileCount = 3;

    /// <summary>The new entries per rule.</summary>
    public static IReadOnlyList<RuleFindings> New(IReadOnlyList<CodeEntry> codeBefore, IReadOnlyList<CodeEntry> codeAfter, IReadOnlyList<BaselineEntry> repoBefore, IReadOnlyList<BaselineEntry> repoAfter)
    {
        ArgumentNullException.ThrowIfNull(codeBefore);
        ArgumentNullException.ThrowIfNull(codeAfter);
        ArgumentNullException.ThrowIfNull(repoBefore);
        ArgumentNullException.ThrowIfNull(repoAfter);
        var code = Added(codeBefore, codeAfter).Select(e => (Rule: e.Id, e.File));
        var repo = Added([.. repoBefore.Select(ExpiringEntries.Key)], [.. repoAfter.Select(ExpiringEntries.Key)]).Select(e => (Rule: e.Code, e.File));
        return [.. code.Concat(repo)
            .GroupBy(e => e.Rule, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RuleFindings(g.Key, g.Count(), [.. g.GroupBy(e => e.File, StringComparer.Ordinal).OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal).Take(TopFileCount).Select(f => (f.Key, f.Count()))]))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal)];
    }

    /// <summary>The entries of the repo baseline file's text (none for null); STD7504 when it is malformed.</summary>
    public static IReadOnlyList<BaselineEntry> RepoEntries(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var (baseline, problems) = BaselineFile.Parse(BaselineFile.DefaultFileName, text);
        return problems.Count == 0 ? baseline.Entries : throw new ToolException(ToolRuleIds.BaselineMalformed, problems[0].Message, BaselineFile.DefaultFileName, problems[0].Line);
    }

    /// <summary>Each entry of <paramref name="after"/> beyond as many equal ones in <paramref name="before"/>.</summary>
    private static List<T> Added<T>(IReadOnlyList<T> before, IReadOnlyList<T> after)
        where T : notnull
    {
        var left = before.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<T>();
        foreach (var entry in after)
        {
            if (left.TryGetValue(entry, out var n) && n > 0)
            {
                left[entry] = n - 1;
            }
            else
            {
                added.Add(entry);
            }
        }

        return added;
    }
}
