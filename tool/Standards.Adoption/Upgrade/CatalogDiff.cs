using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Adoption.Upgrade;

/// <summary>A rule whose default severity changed, from and to.</summary>
public sealed record SeverityChange(CatalogRule Before, CatalogRule After);

/// <summary>A parameter of a rule whose default changed (null: the parameter is new or gone).</summary>
public sealed record ParameterChange(string RuleId, string Name, string? Before, string? After);

/// <summary>
/// What changed in the rule catalog between two SDK versions, as the policy changelog states it: rules added and
/// removed, default severities raised and lowered, rules newly locked or unlocked, parameter defaults (thresholds)
/// changed, and the APIs banned (RS0030) or allowed again.
/// </summary>
public sealed record CatalogDiff(
    IReadOnlyList<CatalogRule> Added,
    IReadOnlyList<CatalogRule> Removed,
    IReadOnlyList<SeverityChange> SeverityRaised,
    IReadOnlyList<SeverityChange> SeverityLowered,
    IReadOnlyList<CatalogRule> NewlyLocked,
    IReadOnlyList<CatalogRule> Unlocked,
    IReadOnlyList<ParameterChange> DefaultsChanged)
{
    /// <summary>APIs the new version bans (RS0030) that the old one allowed.</summary>
    public IReadOnlyList<BannedApi> BannedAdded { get; init; } = [];

    /// <summary>APIs the old version banned that the new one allows.</summary>
    public IReadOnlyList<BannedApi> BannedRemoved { get; init; } = [];

    /// <summary>Why the banned APIs could not be compared (a package without its banned-symbol file), or null.</summary>
    public string? BannedProblem { get; init; }

    /// <summary>True when no rule, ban or default changed in any way the changelog reports.</summary>
    public bool IsEmpty => Added.Count + Removed.Count + SeverityRaised.Count + SeverityLowered.Count + NewlyLocked.Count + Unlocked.Count + DefaultsChanged.Count
        + BannedAdded.Count + BannedRemoved.Count == 0 && BannedProblem is null;

    /// <summary>Compares the catalog of the version a repo is on with the one it moves to (ids compare case-insensitively).</summary>
    public static CatalogDiff Between(IReadOnlyList<CatalogRule> before, IReadOnlyList<CatalogRule> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var current = after.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var kept = after.Where(r => old.ContainsKey(r.Id)).Select(r => (Before: old[r.Id], After: r)).ToList();
        return new CatalogDiff(
            [.. after.Where(r => !old.ContainsKey(r.Id))],
            [.. before.Where(r => !current.ContainsKey(r.Id))],
            [.. kept.Where(k => Stricter(k.Before, k.After)).Select(k => new SeverityChange(k.Before, k.After))],
            [.. kept.Where(k => Stricter(k.After, k.Before)).Select(k => new SeverityChange(k.Before, k.After))],
            [.. kept.Where(k => !k.Before.Locked && k.After.Locked).Select(k => k.After)],
            [.. kept.Where(k => k.Before.Locked && !k.After.Locked).Select(k => k.After)],
            [.. kept.SelectMany(k => Parameters(k.Before, k.After))]);
    }

    /// <summary>True when <paramref name="to"/> fails where <paramref name="from"/> did not: a higher default, or a higher test severity.</summary>
    private static bool Stricter(CatalogRule from, CatalogRule to) =>
        to.Severity > from.Severity || (to.Severity == from.Severity && (to.TestSeverity ?? to.Severity) > (from.TestSeverity ?? from.Severity));

    private static IEnumerable<ParameterChange> Parameters(CatalogRule before, CatalogRule after)
    {
        var old = before.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var current = after.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var p in after.Parameters)
        {
            var was = old.GetValueOrDefault(p.Name);
            if (was is null || was.Default != p.Default || was.StrictDefault != p.StrictDefault)
            {
                yield return new ParameterChange(after.Id, p.Name, was is null ? null : Describe(was), Describe(p));
            }
        }

        foreach (var p in before.Parameters.Where(p => !current.ContainsKey(p.Name)))
        {
            yield return new ParameterChange(after.Id, p.Name, Describe(p), null);
        }
    }

    private static string Describe(CatalogParameter p) => p.StrictDefault is null ? p.Default : $"{p.Default} (strict {p.StrictDefault})";

    /// <summary>A severity as the docs write it, with the test severity when it differs.</summary>
    public static string Describe(CatalogRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var word = SeverityNames.ToWord(rule.Severity);
        return rule.TestSeverity is { } test && test != rule.Severity ? $"{word} (tests {SeverityNames.ToWord(test)})" : word;
    }
}
