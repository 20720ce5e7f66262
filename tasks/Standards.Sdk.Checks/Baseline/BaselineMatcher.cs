using System.Text;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Baseline;

/// <summary>What applying the baseline gave.</summary>
/// <param name="New">Findings the baseline does not cover: reported as usual.</param>
/// <param name="Suppressed">Findings the baseline covers: reported as messages.</param>
/// <param name="Stale">Entries no current finding matches: the problem was fixed, the entry can go.</param>
public sealed record BaselineResult(IReadOnlyList<Finding> New, IReadOnlyList<Finding> Suppressed, IReadOnlyList<BaselineEntry> Stale);

/// <summary>
/// Matches findings against baseline entries, one entry per finding: first by code, file and message (numbers
/// and spacing normalised, so line numbers in messages do not matter), then the remaining ones by code and file
/// alone (so a reworded message still matches). A baseline therefore never covers more findings of a rule in a
/// file than it lists: it can only shrink. Secret findings (<see cref="ExactOnlyCodes"/>) match only by their exact
/// message, which carries the secret's fingerprint: a new secret in a baselined file, on a baselined line or in place
/// of a baselined one, is never taken for the old one.
/// </summary>
public static class BaselineMatcher
{
    /// <summary>Rules whose findings match a baseline entry only by code, file and exact message.</summary>
    public static readonly IReadOnlyCollection<string> ExactOnlyCodes = [Secrets.SecretRuleIds.SecretInFile];

    private static bool IsExactOnly(string code) => ExactOnlyCodes.Contains(code.ToUpperInvariant());

    private static string MessageKey(string code, string message) => IsExactOnly(code) ? message.Trim() : Normalize(message);

    /// <summary>Applies the baseline.</summary>
    public static BaselineResult Apply(IReadOnlyList<Finding> findings, BaselineFile baseline)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(baseline);
        var matched = new bool[findings.Count];
        var used = new bool[baseline.Entries.Count];

        // Pass 1: exact (normalised) message.
        var exact = new Dictionary<(string, string, string), Queue<int>>();
        for (var i = 0; i < baseline.Entries.Count; i++)
        {
            var e = baseline.Entries[i];
            var key = (e.Code.ToUpperInvariant(), e.File, MessageKey(e.Code, e.Message));
            if (!exact.TryGetValue(key, out var queue))
            {
                exact[key] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (!BaselineFile.IsBaselinable(f))
            {
                continue;
            }

            if (exact.TryGetValue((f.Code.ToUpperInvariant(), f.File ?? string.Empty, MessageKey(f.Code, f.Message)), out var queue) && queue.Count > 0)
            {
                used[queue.Dequeue()] = true;
                matched[i] = true;
            }
        }

        // Pass 2: same code and file, message changed.
        var loose = new Dictionary<(string, string), Queue<int>>();
        for (var i = 0; i < baseline.Entries.Count; i++)
        {
            var e = baseline.Entries[i];
            if (used[i] || IsExactOnly(e.Code))
            {
                continue;
            }

            var key = (e.Code.ToUpperInvariant(), e.File);
            if (!loose.TryGetValue(key, out var queue))
            {
                loose[key] = queue = new Queue<int>();
            }

            queue.Enqueue(i);
        }

        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (matched[i] || !BaselineFile.IsBaselinable(f))
            {
                continue;
            }

            if (loose.TryGetValue((f.Code.ToUpperInvariant(), f.File ?? string.Empty), out var queue) && queue.Count > 0)
            {
                used[queue.Dequeue()] = true;
                matched[i] = true;
            }
        }

        var fresh = findings.Where((_, i) => !matched[i]).ToList();
        var suppressed = findings.Where((_, i) => matched[i]).ToList();
        var stale = baseline.Entries.Where((_, i) => !used[i]).ToList();
        return new BaselineResult(fresh, suppressed, stale);
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
