using System.Globalization;
using System.Text;

namespace Standards.Sdk.Checks.Json;

/// <summary>
/// A value read from a repo file as a message shows it. The file is untrusted and the message goes to a build log, a
/// terminal and CI annotations: a line break could start a forged line (a CI workflow command such as
/// <c>::error::</c>), an escape sequence could rewrite the terminal, a bidirectional control could make the text read
/// otherwise than it is, and a value of megabytes would flood the log. So every control character, bidirectional
/// control and lone surrogate is shown as <c>\uXXXX</c>, and a long value is cut, saying how long it was.
/// </summary>
public static class JsonText
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxShown = 100;

    /// <summary><paramref name="value"/> escaped and shortened to <see cref="MaxShown"/> characters for a message.</summary>
    public static string Shown(string value) => Escaped(value, MaxShown);

    /// <summary><paramref name="value"/> escaped, and cut after <paramref name="max"/> characters.</summary>
    public static string Escaped(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        var length = Math.Min(value.Length, max);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair)
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsHidden(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return value.Length > max
            ? builder.Append(string.Create(CultureInfo.InvariantCulture, $"... ({value.Length} characters)")).ToString()
            : builder.ToString();
    }

    /// <summary>True for what a message must not carry as it is: control characters, line and paragraph separators, bidirectional controls, lone surrogates.</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
