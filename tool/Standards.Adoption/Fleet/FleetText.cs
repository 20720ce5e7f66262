using System.Globalization;
using System.Text;

namespace Standards.Adoption.Fleet;

/// <summary>
/// Text from compliance files (repo names, paths, messages quoting them) made safe to show: a control character
/// (a newline would start a forged line in a log) and a bidirectional formatting character (U+202E would show
/// <c>evil</c> as <c>live</c>) are written as a visible <c>\uXXXX</c> escape, so what is shown is what is there.
/// </summary>
public static class FleetText
{
    /// <summary>True for the characters that reorder text: the embeddings, overrides and isolates, and the marks (ALM, LRM, RLM).</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary><paramref name="text"/> with every control and bidirectional formatting character escaped as <c>\uXXXX</c> (a backslash before one as is).</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    // The line and paragraph separators (U+2028, U+2029) break lines too.
    private static bool NeedsEscape(char c) => char.IsControl(c) || IsBidiControl(c) || c is '\u2028' or '\u2029';
}
