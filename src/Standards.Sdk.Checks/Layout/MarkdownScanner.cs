namespace Standards.Sdk.Checks.Layout;

/// <summary>
/// The line scanners of <see cref="MarkdownDocument"/>: fences, ATX headings, <c>Key: value</c> header lines and
/// link targets. Each is a single left-to-right pass over the line (link search remembers what it learned, so a
/// line of 100,000 '[' costs the same as any other line of that length). They replace regular expressions whose
/// backtracking made a pathological line take seconds (and time out, crashing the whole layout check).
/// The accepted syntax is the one the documents' format section in docs/layout.md describes.
/// </summary>
internal static class MarkdownScanner
{
    /// <summary>Longest key of a header line ("Last Validated" and the like).</summary>
    private const int MaxKeyLength = 41;

    /// <summary>A fence line: up to three spaces, then three or more backticks or tildes, then the info string.</summary>
    public static (string Marker, string Info)? Fence(string line)
    {
        var i = Indent(line);
        if (i < 0 || i >= line.Length || (line[i] != '`' && line[i] != '~'))
        {
            return null;
        }

        var c = line[i];
        var end = i;
        while (end < line.Length && line[end] == c)
        {
            end++;
        }

        return end - i >= 3 ? (line[i..end], line[end..]) : null;
    }

    /// <summary>An ATX heading: up to three spaces, one to six '#', then end of line or blanks and the text (closing '#'s removed).</summary>
    public static (int Level, string Text)? Heading(string line)
    {
        var i = Indent(line);
        if (i < 0)
        {
            return null;
        }

        var end = i;
        while (end < line.Length && line[end] == '#')
        {
            end++;
        }

        var level = end - i;
        if (level is < 1 or > 6)
        {
            return null;
        }

        if (end == line.Length)
        {
            return (level, string.Empty);
        }

        if (line[end] is not (' ' or '\t'))
        {
            return null;
        }

        return (level, WithoutClosingHashes(line[end..].TrimStart(' ', '\t')).Trim());
    }

    /// <summary>
    /// A header line: up to three spaces, an optional list marker ("- "), an optional "**" or "__", a key of ASCII
    /// letters and spaces starting with a letter, then ':' (or "**:", "__:", ":**", ":__") and the value.
    /// </summary>
    public static (string Key, string Value)? Field(string line)
    {
        var keyStart = KeyStart(line);
        return keyStart < 0 ? null : KeyAndValue(line, keyStart);
    }

    /// <summary>The targets of inline links <c>[text](target "title")</c>, left to right, not overlapping.</summary>
    public static IEnumerable<string> InlineLinkTargets(string line)
    {
        if (line.IndexOf('[', StringComparison.Ordinal) < 0)
        {
            return [];
        }

        // For every position, where the next ']', the next ')' or blank, the next non-blank and the next '"' are:
        // each link candidate is then decided in constant time, and the whole line in one pass.
        var n = line.Length;
        var nextClose = new int[n + 1];
        var nextStop = new int[n + 1];
        var nextNonBlank = new int[n + 1];
        var nextQuote = new int[n + 1];
        nextClose[n] = nextStop[n] = nextNonBlank[n] = nextQuote[n] = n;
        for (var i = n - 1; i >= 0; i--)
        {
            var c = line[i];
            nextClose[i] = c == ']' ? i : nextClose[i + 1];
            nextStop[i] = c == ')' || char.IsWhiteSpace(c) ? i : nextStop[i + 1];
            nextNonBlank[i] = c is ' ' or '\t' ? nextNonBlank[i + 1] : i;
            nextQuote[i] = c == '"' ? i : nextQuote[i + 1];
        }

        var targets = new List<string>();
        var position = 0;
        while (position < n)
        {
            var open = line.IndexOf('[', position);
            if (open < 0)
            {
                break;
            }

            var close = nextClose[open + 1];
            if (close >= n)
            {
                break;
            }

            var (end, target) = LinkTail(line, close, nextStop, nextNonBlank, nextQuote);
            if (target is null)
            {
                position = open + 1;
                continue;
            }

            targets.Add(target);
            position = end;
        }

        return targets;
    }

    /// <summary>The target of a reference definition <c>[label]: target</c>.</summary>
    public static string? ReferenceLinkTarget(string line)
    {
        var i = Indent(line);
        if (i < 0 || i >= line.Length || line[i] != '[')
        {
            return null;
        }

        var close = line.IndexOf(']', i + 1);
        if (close <= i + 1 || close + 1 >= line.Length || line[close + 1] != ':')
        {
            return null;
        }

        var start = close + 2;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            start++;
        }

        var end = start;
        while (end < line.Length && !char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        return end > start ? line[start..end] : null;
    }

    /// <summary>After a ']' at <paramref name="close"/>: "(target)" or "(target "title")"; the end of the link and its target.</summary>
    private static (int End, string? Target) LinkTail(string line, int close, int[] nextStop, int[] nextNonBlank, int[] nextQuote)
    {
        var n = line.Length;
        var start = close + 1;
        if (start >= n || line[start] != '(')
        {
            return (0, null);
        }

        var end = nextStop[start + 1];
        if (end == start + 1 || end >= n)
        {
            return (0, null);
        }

        var target = line[(start + 1)..end];
        if (line[end] == ')')
        {
            return (end + 1, target);
        }

        // Blanks, then a "title" in double quotes, then ')'.
        var i = nextNonBlank[end];
        if (i == end || i >= n || line[i] != '"')
        {
            return (0, null);
        }

        var quote = nextQuote[i + 1];
        return quote < n && quote + 1 < n && line[quote + 1] == ')' ? (quote + 2, target) : (0, null);
    }

    /// <summary>Where a header line's key starts (after the indent, a list marker and "**" or "__"), or -1 when no key can start there.</summary>
    private static int KeyStart(string line)
    {
        var i = Indent(line);
        if (i < 0 || i >= line.Length)
        {
            return -1;
        }

        if (line[i] is '-' or '*' or '+' && i + 1 < line.Length && line[i + 1] is ' ' or '\t')
        {
            i = SkipBlanks(line, i + 1);
        }

        if (StartsWith(line, i, "**") || StartsWith(line, i, "__"))
        {
            i += 2;
        }

        return i < line.Length && char.IsAsciiLetter(line[i]) ? i : -1;
    }

    /// <summary>The key (letters and spaces, up to <see cref="MaxKeyLength"/>) from <paramref name="keyStart"/> to a separator, and the value after it.</summary>
    private static (string Key, string Value)? KeyAndValue(string line, int keyStart)
    {
        for (var j = keyStart + 1; j <= line.Length && j - keyStart <= MaxKeyLength; j++)
        {
            var separator = SeparatorLength(line, j);
            if (separator > 0)
            {
                return (line[keyStart..j], line[SkipBlanks(line, j + separator)..]);
            }

            if (j == line.Length || !(char.IsAsciiLetter(line[j]) || line[j] == ' '))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The index of the first character at or after <paramref name="i"/> that is not a space or tab.</summary>
    private static int SkipBlanks(string line, int i)
    {
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>The heading text without a closing sequence of '#' (blanks, then '#'s, at the end).</summary>
    private static string WithoutClosingHashes(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        var hashes = end;
        while (hashes > 0 && text[hashes - 1] == '#')
        {
            hashes--;
        }

        if (hashes < end && hashes > 0 && text[hashes - 1] is ' ' or '\t')
        {
            end = hashes;
        }

        return text[..end];
    }

    /// <summary>The length of a key/value separator at <paramref name="i"/>, or 0.</summary>
    private static int SeparatorLength(string line, int i)
    {
        if (StartsWith(line, i, "**:") || StartsWith(line, i, "__:") || StartsWith(line, i, ":**") || StartsWith(line, i, ":__"))
        {
            return 3;
        }

        return i < line.Length && line[i] == ':' ? 1 : 0;
    }

    /// <summary>The index after up to three leading spaces, or -1 when the line is indented further.</summary>
    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i <= 3 ? i : -1;
    }

    private static bool StartsWith(string line, int i, string value) =>
        i + value.Length <= line.Length && string.CompareOrdinal(line, i, value, 0, value.Length) == 0;
}
