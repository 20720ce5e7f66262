using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Baseline;

/// <summary>What applying the baseline gave.</summary>
/// <param name="New">Findings the baseline does not cover: reported as usual.</param>
/// <param name="Suppressed">Findings the baseline covers: reported as messages.</param>
/// <param name="Stale">Entries no current finding matches: the problem was fixed, the entry can go.</param>
public sealed record BaselineResult(IReadOnlyList<Finding> New, IReadOnlyList<Finding> Suppressed, IReadOnlyList<BaselineEntry> Stale)
{
    /// <summary>Entries past their expiry date: they covered nothing (their findings are in <see cref="New"/>).</summary>
    public IReadOnlyList<BaselineEntry> Expired { get; init; } = [];
}

/// <summary>
/// Matches findings against baseline entries, one entry per finding: first by code, file and message (numbers
/// and spacing normalised, so line numbers in messages do not matter), then the remaining ones by code and file
/// alone (so a reworded message still matches). A baseline therefore never covers more findings of a rule in a
/// file than it lists: it can only shrink. An entry past its expiry date covers nothing. Secret findings
/// (<see cref="ExactOnlyCodes"/>) match only by their exact message, which carries the secret's fingerprint: a new
/// secret in a baselined file, on a baselined line or in place of a baselined one, is never taken for the old one.
/// </summary>
public static class BaselineMatcher
{
    /// <summary>The prefix of a project build's finding the baseline accepts, reported as a message that fails nothing.</summary>
    public const string AcceptedPrefix = "[baseline] ";

    /// <summary>Rules whose findings match a baseline entry only by code, file and exact message.</summary>
    public static readonly IReadOnlyCollection<string> ExactOnlyCodes = [SecretRuleIds.SecretInFile];

    private static bool IsExactOnly(string code) => ExactOnlyCodes.Contains(code.ToUpperInvariant());

    // Pass 1 keys by the normalised message (the exact one for secrets); pass 2 by code and file alone, never for secrets.
    private static string? MessageKey(string code, string message, bool exact) =>
        IsExactOnly(code) ? (exact ? message.Trim() : null) : (exact ? Normalize(message) : string.Empty);

    /// <summary>Applies the baseline on <paramref name="today"/> (default: today, UTC).</summary>
    public static BaselineResult Apply(IReadOnlyList<Finding> findings, BaselineFile baseline, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(baseline);
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var live = baseline.Entries.Where(e => !e.IsExpired(day)).ToList();
        var pair = Pair(findings, live);
        var used = new HashSet<int>(pair.Where(p => p >= 0));
        return new BaselineResult(
            [.. findings.Where((_, i) => pair[i] < 0)],
            [.. findings.Where((_, i) => pair[i] >= 0)],
            [.. live.Where((_, i) => !used.Contains(i))])
        {
            Expired = [.. baseline.Entries.Where(e => e.IsExpired(day))],
        };
    }

    /// <summary>For each finding, the index of the entry of <paramref name="entries"/> that covers it, or -1.</summary>
    internal static int[] Pair(IReadOnlyList<Finding> findings, IReadOnlyList<BaselineEntry> entries)
    {
        var pair = Enumerable.Repeat(-1, findings.Count).ToArray();
        var used = new bool[entries.Count];

        // Pass 1: exact (normalised) message; pass 2: same code and file, message changed.
        PairBy(findings, entries, pair, used, exact: true);
        PairBy(findings, entries, pair, used, exact: false);
        return pair;
    }

    private static void PairBy(IReadOnlyList<Finding> findings, IReadOnlyList<BaselineEntry> entries, int[] pair, bool[] used, bool exact)
    {
        var queues = new Dictionary<(string, string, string), Queue<int>>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (MessageKey(e.Code, e.Message, exact) is not { } message)
            {
                continue;
            }

            var key = (e.Code.ToUpperInvariant(), e.File, message);
            if (!used[i] && !queues.TryAdd(key, new Queue<int>([i])))
            {
                queues[key].Enqueue(i);
            }
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (pair[i] < 0 && BaselineFile.IsBaselinable(f)
                && MessageKey(f.Code, f.Message, exact) is { } message
                && queues.TryGetValue((f.Code.ToUpperInvariant(), f.File ?? string.Empty, message), out var queue) && queue.Count > 0)
            {
                pair[i] = queue.Dequeue();
                used[pair[i]] = true;
            }
        }
    }

    /// <summary>The message with digit runs replaced by '#' and whitespace collapsed.</summary>
    internal static string Normalize(string message)
    {
        var sb = new StringBuilder(message.Length);
        var inDigits = false;
        var inSpace = false;
        foreach (var c in message.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits)
                {
                    sb.Append('#');
                }

                inDigits = true;
                inSpace = false;
                continue;
            }

            inDigits = false;
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    sb.Append(' ');
                }

                inSpace = true;
                continue;
            }

            inSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
