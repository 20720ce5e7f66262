#nullable enable
namespace Standards.Sdk;

// Hand-written: Polyfill 11.4.5 has no StringSplitOptions.TrimEntries, Replace with a StringComparison or
// string.Create(IFormatProvider, ...) (Contains(char), Split(char), string.Join(char, ...)... come from it).

/// <summary>
/// The <see cref="string"/> members of .NET that netstandard2.0 lacks and the Polyfill package does not provide,
/// as C# 14 extension members: a call such as <c>text.Split(',', StringSplitOptions.TrimEntries)</c> binds to the
/// real member on .NET and to these in the netstandard2.0 build (an extension is only used when no real member
/// fits). Same results as .NET's, which is what Polyfills tests check against the real members.
/// </summary>
internal static class StringPolyfills
{
    extension(string text)
    {
        /// <summary>Splits at <paramref name="separator"/>, trimming entries (<see cref="SplitOptions"/>).</summary>
        public string[] Split(char separator, SplitOptions options) => options.Apply(text.Split([separator], options.Options));

        /// <summary>Splits at any of <paramref name="separator"/> (white space when null), trimming entries.</summary>
        public string[] Split(char[]? separator, SplitOptions options) => options.Apply(text.Split(separator, options.Options));

        /// <summary>Splits at <paramref name="separator"/>, trimming entries.</summary>
        public string[] Split(string? separator, SplitOptions options) => options.Apply(text.Split([separator ?? string.Empty], options.Options));

        /// <summary>
        /// Replaces every <paramref name="oldValue"/> under <paramref name="comparisonType"/>. Ordinal and
        /// OrdinalIgnoreCase only: culture-aware matching can match a different length than
        /// <paramref name="oldValue"/>, which this build cannot see, so it throws rather than differ from .NET.
        /// </summary>
        public string Replace(string oldValue, string? newValue, StringComparison comparisonType)
        {
            if (comparisonType == StringComparison.Ordinal)
            {
                return text.Replace(oldValue, newValue);
            }

            if (comparisonType != StringComparison.OrdinalIgnoreCase)
            {
                throw new NotSupportedException($"string.Replace with {comparisonType} is not available in the netstandard2.0 build; use Ordinal or OrdinalIgnoreCase.");
            }

            ArgumentNullException.ThrowIfNull(oldValue);
            if (oldValue.Length == 0)
            {
                throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
            }

            var result = new System.Text.StringBuilder(text.Length);
            var start = 0;
            for (var index = text.IndexOf(oldValue, comparisonType); index >= 0; index = text.IndexOf(oldValue, start, comparisonType))
            {
                result.Append(text, start, index - start).Append(newValue);
                start = index + oldValue.Length;
            }

            return start == 0 ? text : result.Append(text, start, text.Length - start).ToString();
        }
    }

    extension(string)
    {
        /// <summary>
        /// Formats an interpolated string with <paramref name="provider"/>, as .NET's
        /// <c>string.Create(IFormatProvider, ref DefaultInterpolatedStringHandler)</c>: every hole is formatted
        /// with the provider (IFormattable with its format, ICustomFormatter when the provider has one).
        /// </summary>
        public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);
    }

    extension(StringSplitOptions)
    {
        /// <summary>
        /// .NET's StringSplitOptions.TrimEntries. Its type is <see cref="SplitOptions"/>, not StringSplitOptions, so
        /// a call that passes it can only bind to the Split members above: netstandard2.0's own Split would reject
        /// the flag at run time on .NET Framework (ArgumentException), and now the compiler refuses instead.
        /// </summary>
        public static SplitOptions TrimEntries => new(StringSplitOptions.None, trim: true);
    }
}

/// <summary>StringSplitOptions plus TrimEntries, for the netstandard2.0 build (see <c>StringSplitOptions.TrimEntries</c> above).</summary>
/// <param name="options">The StringSplitOptions part.</param>
/// <param name="trim">True to trim every entry (then RemoveEmptyEntries drops entries that are empty after trimming).</param>
internal readonly struct SplitOptions(StringSplitOptions options, bool trim)
{
    /// <summary>The StringSplitOptions part.</summary>
    public StringSplitOptions Options { get; } = options;

    /// <summary>True to trim entries.</summary>
    public bool Trim { get; } = trim;

#pragma warning disable CA2225 // Stands in for the enum's own | operator.
    public static SplitOptions operator |(StringSplitOptions left, SplitOptions right) => new(left | right.Options, right.Trim);

    public static SplitOptions operator |(SplitOptions left, StringSplitOptions right) => new(left.Options | right, left.Trim);

    public static SplitOptions operator |(SplitOptions left, SplitOptions right) => new(left.Options | right.Options, left.Trim || right.Trim);
#pragma warning restore CA2225

    /// <summary>Trims the parts and drops those left empty when RemoveEmptyEntries is set, as .NET does.</summary>
    internal string[] Apply(string[] parts)
    {
        if (!Trim)
        {
            return parts;
        }

        var trimmed = parts.Select(p => p.Trim());
        return (Options & StringSplitOptions.RemoveEmptyEntries) != 0 ? [.. trimmed.Where(p => p.Length > 0)] : [.. trimmed];
    }
}
