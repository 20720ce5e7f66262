using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Adoption.Upgrade;

/// <summary>
/// Gives the baseline entries an upgrade added (those the baselines did not hold before it) a reason naming the
/// upgrade and an expiry date; every entry that was there before keeps what it had, dates included.
/// </summary>
public static class ExpiringEntries
{
    /// <summary>The reason an upgrade records.</summary>
    public static string Reason(string from, string to) => $"new under Standards.Sdk {to} (dotnet standards upgrade from {from})";

    /// <summary>standards-code-baseline.json's text after the upgrade, with the added entries dated.</summary>
    public static string Code(string after, IReadOnlyList<CodeEntry> before, string reason, DateOnly expires)
    {
        ArgumentNullException.ThrowIfNull(before);
        var old = before.ToHashSet();
        return CodeBaselineDocument.Write(CodeBaselineDocument.Read(after).Select(e => old.TryGetValue(e, out var kept) ? kept : e with { Reason = reason, Expires = expires }));
    }

    /// <summary>standards-baseline.json's text after the upgrade, with the added entries dated (code, file and message compared).</summary>
    public static string Repo(string after, IReadOnlyList<BaselineEntry> before, string reason, DateOnly expires)
    {
        ArgumentNullException.ThrowIfNull(before);
        var left = before.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<BaselineEntry>(g));
        var entries = BaselinedFindings.RepoEntries(after).Select(e => left.TryGetValue(Key(e), out var queue) && queue.Count > 0
                ? e with { Reason = queue.Peek().Reason, Expires = queue.Dequeue().Expires }
                : e with { Reason = reason, Expires = expires })
            .ToList();
        return BaselineFile.Write(entries.Select(e => new Finding(e.Code, Severity.Warning, e.Message, e.File)), string.Empty, new BaselineFile(entries));
    }

    /// <summary>What identifies a repo baseline entry, without where it is written or its dates.</summary>
    internal static (string Code, string File, string Message) Key(BaselineEntry entry) => (entry.Code, entry.File, entry.Message);
}
