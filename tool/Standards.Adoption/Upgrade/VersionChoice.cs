using NuGet.Versioning;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>
/// Picks the version an upgrade moves to from what the feeds serve: <c>--to</c> must be served and listed (STD7511)
/// and not older than the pin unless a downgrade is asked for (STD7514); <c>--latest</c> (the default) is the
/// newest listed version, stable unless the repo is already on a prerelease.
/// </summary>
public static class VersionChoice
{
    /// <summary>The target version; equal to <paramref name="current"/> when there is nothing newer.</summary>
    /// <param name="current">The pinned version.</param>
    /// <param name="served">What the feeds serve.</param>
    /// <param name="to">The version asked for, or null for the latest.</param>
    /// <param name="allowDowngrade">Whether an older version may be chosen.</param>
    /// <param name="feeds">The feeds, for messages.</param>
    public static NuGetVersion Choose(NuGetVersion current, IReadOnlyList<FeedVersion> served, string? to, bool allowDowngrade, string feeds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(served);
        if (to is null)
        {
            var newest = served.Where(v => v.Listed && (current.IsPrerelease || !v.Version.IsPrerelease)).Select(v => v.Version).DefaultIfEmpty(current).Max()!;
            return newest > current ? newest : current;
        }

        if (!NuGetVersion.TryParse(to, out var wanted))
        {
            throw new ToolException(ToolRuleIds.Usage, $"--to {to} is not a version (e.g. --to 1.4.0).");
        }

        var match = served.FirstOrDefault(v => v.Version == wanted);
        if (match is null || !match.Listed)
        {
            var listed = served.Where(v => v.Listed).Select(v => v.Version).OrderDescending().Take(5).Select(v => v.ToNormalizedString()).ToList();
            throw new ToolException(ToolRuleIds.VersionUnavailable,
                $"Standards.Sdk {wanted} is {(match is null ? "not served by" : "unlisted on")} the feeds mapped to it ({(feeds.Length == 0 ? "none: check nuget.config and its package source mapping" : feeds)}). "
                + (listed.Count == 0 ? "They serve no listed version." : $"The newest listed: {string.Join(", ", listed)}.") + " Pick one of those, or publish the version first.");
        }

        if (wanted < current && !allowDowngrade)
        {
            throw new ToolException(ToolRuleIds.Downgrade,
                $"Standards.Sdk {wanted} is older than the pinned {current}. Pass --allow-downgrade to roll back on purpose.", GlobalJsonEditor.FileName);
        }

        return wanted;
    }
}
