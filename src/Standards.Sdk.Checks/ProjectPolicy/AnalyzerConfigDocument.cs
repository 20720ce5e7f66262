namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>A <c>key = value</c> line of an analyzer config (key lower-cased, trailing comment removed).</summary>
/// <param name="Key">The key, lower-cased as the compiler reads it.</param>
/// <param name="Value">The value, trimmed.</param>
/// <param name="Line">1-based line.</param>
public sealed record AnalyzerConfigEntry(string Key, string Value, int Line);

/// <summary>A <c>[section]</c> of an analyzer config and its entries.</summary>
/// <param name="Name">The section name as written between the brackets (escapes kept).</param>
/// <param name="Line">1-based line of the header.</param>
/// <param name="Entries">The entries in order.</param>
public sealed record AnalyzerConfigSection(string Name, int Line, IReadOnlyList<AnalyzerConfigEntry> Entries);

/// <summary>
/// An .editorconfig or global analyzer config read the way the C# compiler reads it (Roslyn's AnalyzerConfig:
/// https://github.com/dotnet/roslyn, src/Compilers/Core/Portable/CommandLine): a line is blank, a comment (first
/// non-blank character '#' or ';'), a section header <c>[name]</c> (in which '#' and ';' must be written
/// <c>\#</c> and <c>\;</c>) or <c>key = value</c> (or <c>key: value</c>; a '#' or ';' starts a comment); anything
/// else is ignored. A file is global when it is named <c>.globalconfig</c> or its preamble has <c>is_global</c>;
/// its level is <c>global_level</c>, else 100 for <c>.globalconfig</c>, else 0. The scanners are single passes
/// (no regex), so no line can hang the check.
/// </summary>
public sealed class AnalyzerConfigDocument
{
    private AnalyzerConfigDocument(string path, IReadOnlyList<AnalyzerConfigEntry> preamble, IReadOnlyList<AnalyzerConfigSection> sections)
    {
        Path = path;
        Preamble = preamble;
        Sections = sections;
        var hasGlobalName = string.Equals(System.IO.Path.GetFileName(path), ".globalconfig", StringComparison.OrdinalIgnoreCase);
        IsGlobal = hasGlobalName || preamble.Any(e => e.Key == "is_global");
        var level = preamble.LastOrDefault(e => e.Key == "global_level")?.Value;
        GlobalLevel = int.TryParse(level, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : hasGlobalName ? 100 : 0;
        IsRoot = preamble.LastOrDefault(e => e.Key == "root")?.Value.Equals("true", StringComparison.OrdinalIgnoreCase) == true;
        var directory = System.IO.Path.GetDirectoryName(path) ?? path;
        Directory = directory.Replace('\\', '/');
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The folder of the file, '/'-separated (sections of an .editorconfig match paths below it).</summary>
    public string Directory { get; }

    /// <summary>The entries before the first section.</summary>
    public IReadOnlyList<AnalyzerConfigEntry> Preamble { get; }

    /// <summary>The sections in order.</summary>
    public IReadOnlyList<AnalyzerConfigSection> Sections { get; }

    /// <summary>True for a global config.</summary>
    public bool IsGlobal { get; }

    /// <summary>The precedence of a global config (higher wins; equal levels cancel each other's keys).</summary>
    public int GlobalLevel { get; }

    /// <summary>True when an .editorconfig has <c>root = true</c> (those above it do not apply).</summary>
    public bool IsRoot { get; }

    /// <summary>Reads a config.</summary>
    public static AnalyzerConfigDocument Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var preamble = new List<AnalyzerConfigEntry>();
        var sections = new List<AnalyzerConfigSection>();
        string? sectionName = null;
        var sectionLine = 0;
        var entries = preamble;
        var number = 0;
        foreach (var line in Lines(text))
        {
            number++;
            if (IsBlankOrComment(line))
            {
                continue;
            }

            if (SectionName(line) is { } name)
            {
                Close();
                sectionName = name;
                sectionLine = number;
                entries = [];
                continue;
            }

            if (Entry(line, number) is { } entry)
            {
                entries.Add(entry);
            }
        }

        Close();
        return new AnalyzerConfigDocument(path, preamble, sections);

        void Close()
        {
            if (sectionName is not null)
            {
                sections.Add(new AnalyzerConfigSection(sectionName, sectionLine, entries));
            }
        }
    }

    /// <summary>The lines as the compiler splits them (CR, LF, CRLF, NEL, LS, PS).</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                yield return text[start..i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool IsBlankOrComment(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '#' or ';';
            }
        }

        return true;
    }

    /// <summary>
    /// The name of a section header: '[', then characters other than '#' and ';' (or <c>\#</c>, <c>\;</c>), then the
    /// last ']' that only blanks (and a comment) follow.
    /// </summary>
    internal static string? SectionName(string line)
    {
        var open = 0;
        while (open < line.Length && char.IsWhiteSpace(line[open]))
        {
            open++;
        }

        if (open >= line.Length || line[open] != '[')
        {
            return null;
        }

        var (closes, end) = ClosingBrackets(line, open + 1);
        for (var k = closes.Count - 1; k >= 0; k--)
        {
            var close = closes[k];
            var rest = close + 1;
            while (rest < end && char.IsWhiteSpace(line[rest]))
            {
                rest++;
            }

            if (rest == end && close > open + 1)
            {
                return line[(open + 1)..close];
            }
        }

        return null;
    }

    /// <summary>
    /// The positions of the ']' in a section header from <paramref name="start"/>, and where the header ends: at a
    /// comment ('#' or ';' not escaped as <c>\#</c>, <c>\;</c>) or the end of the line.
    /// </summary>
    private static (List<int> Closes, int End) ClosingBrackets(string line, int start)
    {
        var closes = new List<int>();
        var i = start;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '#' or ';')
            {
                i += 2;
                continue;
            }

            if (c is '#' or ';')
            {
                break;
            }

            if (c == ']')
            {
                closes.Add(i);
            }

            i++;
        }

        return (closes, i);
    }

    /// <summary>A <c>key = value</c> line: a key of word characters, '.' and '-', then '=' or ':', then the value up to a comment.</summary>
    private static AnalyzerConfigEntry? Entry(string line, int number)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var keyStart = i;
        while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] is '_' or '.' or '-'))
        {
            i++;
        }

        if (i == keyStart)
        {
            return null;
        }

        var key = line[keyStart..i];
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i >= line.Length || line[i] is not ('=' or ':'))
        {
            return null;
        }

        var value = line[(i + 1)..];
        var comment = value.IndexOfAny(['#', ';']);
        if (comment >= 0)
        {
            value = value[..comment];
        }

        return new AnalyzerConfigEntry(key.ToLowerInvariant(), value.Trim(), number);
    }
}
