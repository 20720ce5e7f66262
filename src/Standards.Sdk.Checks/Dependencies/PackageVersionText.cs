using System.Globalization;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// NuGet version and version-range text, as far as the dependency rules need it: is it floating or open,
/// and what range does restore request for it (the <c>requested</c> value of packages.lock.json).
/// </summary>
public static partial class PackageVersionText
{
    /// <summary>Why a version text is not a fixed version, or null when it is one (e.g. 1.2.3 or [1.2.3]).</summary>
    public static string? FloatingReason(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Contains('*', StringComparison.Ordinal))
        {
            return $"'{value}' floats to the newest matching version at every restore";
        }

        if (value.Contains('$', StringComparison.Ordinal))
        {
            // An MSBuild property: the value is not known here, so it is not judged.
            return null;
        }

        if (value.Length == 0 || (value[0] != '[' && value[0] != '('))
        {
            return null;
        }

        if (!TryParseRange(value, out var range))
        {
            return null;
        }

        if (range.Min is null)
        {
            return $"'{value}' has no lower bound";
        }

        if (range.Max is null)
        {
            return $"'{value}' is an open range: restore takes whatever satisfies it";
        }

        return string.Equals(range.Min, range.Max, StringComparison.OrdinalIgnoreCase) && range.MinInclusive && range.MaxInclusive
            ? null
            : $"'{value}' is a range, not one version";
    }

    /// <summary>True when the text is a version or range NuGet accepts (or an MSBuild property).</summary>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Contains('$', StringComparison.Ordinal))
        {
            return true;
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            return FloatPattern().IsMatch(value);
        }

        return TryNormalize(value, out _) || TryParseRange(value, out _);
    }

    /// <summary>
    /// The range restore requests for a version text, normalised as NuGet writes it in packages.lock.json:
    /// <c>13.0</c> becomes <c>[13.0.0, )</c>, <c>[1.2.3]</c> becomes <c>[1.2.3, 1.2.3]</c>.
    /// Null when the text is not understood (floating, a property, garbage).
    /// </summary>
    public static string? RequestedRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (TryNormalize(value, out var version))
        {
            return $"[{version}, )";
        }

        return TryParseRange(value, out var range) ? range.ToString() : null;
    }

    /// <summary>True when two range texts denote the same range (normalised, case-insensitive prerelease).</summary>
    public static bool SameRange(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TryParseRange(a.Trim(), out var x) && TryParseRange(b.Trim(), out var y)
            ? string.Equals(x.ToString(), y.ToString(), StringComparison.OrdinalIgnoreCase)
            : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Normalises a version the way NuGet does: three parts at least, a fourth only when not 0, no metadata.</summary>
    public static bool TryNormalize(string text, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(text);
        normalized = string.Empty;
        var match = VersionPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var parts = match.Groups["nums"].Value.Split('.');
        var numbers = new long[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] > int.MaxValue)
            {
                return false;
            }
        }

        var core = string.Create(CultureInfo.InvariantCulture, $"{numbers[0]}.{numbers[1]}.{numbers[2]}");
        if (numbers[3] > 0)
        {
            core += string.Create(CultureInfo.InvariantCulture, $".{numbers[3]}");
        }

        var pre = match.Groups["pre"].Success ? "-" + match.Groups["pre"].Value : string.Empty;
        normalized = core + pre;
        return true;
    }

    /// <summary>Parses <c>[a, b]</c>, <c>(a, )</c>, <c>[a]</c> and a bare version (which means <c>[a, )</c>).</summary>
    public static bool TryParseRange(string text, out VersionRangeText range)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = default;
        var value = text.Trim();
        if (TryNormalize(value, out var bare))
        {
            range = new VersionRangeText(bare, true, null, false);
            return true;
        }

        if (value.Length < 3 || (value[0] != '[' && value[0] != '(') || (value[^1] != ']' && value[^1] != ')'))
        {
            return false;
        }

        var minInclusive = value[0] == '[';
        var maxInclusive = value[^1] == ']';
        var inner = value[1..^1];
        var comma = inner.Split(',');
        return comma.Length switch
        {
            1 => TryParseExact(inner, minInclusive && maxInclusive, out range),
            2 => TryParseBounds(comma[0], minInclusive, comma[1], maxInclusive, out range),
            _ => false,
        };
    }

    /// <summary>[1.2.3] is exactly 1.2.3; (1.2.3) is invalid.</summary>
    private static bool TryParseExact(string inner, bool inclusive, out VersionRangeText range)
    {
        range = default;
        if (!inclusive || !TryNormalize(inner, out var exact))
        {
            return false;
        }

        range = new VersionRangeText(exact, true, exact, true);
        return true;
    }

    /// <summary>The two bounds of <c>[a, b]</c>, either one empty (unbounded), not both.</summary>
    private static bool TryParseBounds(string lower, bool minInclusive, string upper, bool maxInclusive, out VersionRangeText range)
    {
        range = default;
        if (!TryParseBound(lower, out var min) || !TryParseBound(upper, out var max) || (min is null && max is null))
        {
            return false;
        }

        range = new VersionRangeText(min, min is not null && minInclusive, max, max is not null && maxInclusive);
        return true;
    }

    /// <summary>One bound: empty is unbounded (null); otherwise a version.</summary>
    private static bool TryParseBound(string text, out string? bound)
    {
        bound = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        var parsed = TryNormalize(text, out var version);
        bound = version;
        return parsed;
    }

    [GeneratedRegex(@"^(?<nums>[0-9]+(?:\.[0-9]+){0,3})(?:-(?<pre>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+[0-9A-Za-z\-\.]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?:\*|[0-9]+(?:\.[0-9]+){0,3}(?:\.\*|-\*|-[0-9A-Za-z\-\.]*\*)|\*-\*|[0-9]+(?:\.[0-9]+){0,3}(?:\.\*)?-[0-9A-Za-z\-\.]*\*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex FloatPattern();
}

/// <summary>A version range with normalised bounds; null bound = unbounded.</summary>
/// <param name="Min">Lower bound.</param>
/// <param name="MinInclusive">True for <c>[</c>.</param>
/// <param name="Max">Upper bound.</param>
/// <param name="MaxInclusive">True for <c>]</c>.</param>
public readonly record struct VersionRangeText(string? Min, bool MinInclusive, string? Max, bool MaxInclusive)
{
    /// <summary>The range as NuGet writes it (<c>[1.0.0, )</c>).</summary>
    public override string ToString() =>
        $"{(MinInclusive ? '[' : '(')}{Min}, {Max}{(MaxInclusive ? ']' : ')')}";
}
