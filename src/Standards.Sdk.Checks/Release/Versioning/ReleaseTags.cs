using System.Globalization;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>A release tag (<c>vX.Y.Z</c> with an optional prerelease label, profile §6) and the version it names.</summary>
/// <param name="Name">The tag name without refs/tags/ (<c>v1.2.3</c>).</param>
/// <param name="Version">The version (<c>1.2.3</c>).</param>
/// <param name="Commit">The commit it points at.</param>
public sealed record ReleaseTag(string Name, string Version, string Commit);

/// <summary>Release tags and SemVer 2 ordering (semver.org §11).</summary>
public static partial class ReleaseTags
{
    /// <summary>The release tag for a full ref name, or null when it is not one.</summary>
    public static ReleaseTag? Parse(string refName, string commit)
    {
        ArgumentNullException.ThrowIfNull(refName);
        var name = refName.StartsWith("refs/tags/", StringComparison.Ordinal) ? refName[10..] : refName;
        var match = TagPattern().Match(name);
        return match.Success ? new ReleaseTag(name, match.Groups["version"].Value, commit) : null;
    }

    /// <summary>The highest release tag among <paramref name="tags"/>, or null.</summary>
    public static ReleaseTag? Latest(IEnumerable<GitTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ReleaseTag? best = null;
        foreach (var tag in tags)
        {
            if (Parse(tag.Name, tag.Commit) is { } release && (best is null || Compare(release.Version, best.Version) > 0))
            {
                best = release;
            }
        }

        return best;
    }

    /// <summary>The highest release tag among <paramref name="tags"/> whose version has no prerelease label, or null.</summary>
    public static ReleaseTag? LatestStable(IEnumerable<GitTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Latest(tags.Where(t => Parse(t.Name, t.Commit) is { } release && !release.Version.Contains('-', StringComparison.Ordinal)));
    }

    /// <summary>SemVer 2 precedence of two x.y.z[-label] versions (build metadata ignored).</summary>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var (leftNumbers, leftLabel) = Split(left);
        var (rightNumbers, rightLabel) = Split(right);
        for (var i = 0; i < 3; i++)
        {
            var c = leftNumbers[i].CompareTo(rightNumbers[i]);
            if (c != 0)
            {
                return c;
            }
        }

        // A version without a label is higher than the same version with one.
        if (leftLabel.Length == 0 || rightLabel.Length == 0)
        {
            return leftLabel.Length == rightLabel.Length ? 0 : leftLabel.Length == 0 ? 1 : -1;
        }

        var a = leftLabel.Split('.');
        var b = rightLabel.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var c = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static (long[] Numbers, string Label) Split(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var core = plus >= 0 ? version[..plus] : version;
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var label = dash >= 0 ? core[(dash + 1)..] : string.Empty;
        var numbers = (dash >= 0 ? core[..dash] : core).Split('.');
        var result = new long[3];
        for (var i = 0; i < 3 && i < numbers.Length; i++)
        {
            _ = long.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]);
        }

        return (result, label);
    }

    [GeneratedRegex(@"^v(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
