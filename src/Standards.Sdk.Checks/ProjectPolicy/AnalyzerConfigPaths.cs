using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>
/// Paths in analyzer config section names, both ways, as the C# compiler treats them (Roslyn's
/// AnalyzerConfig.SectionNameMatching): a section name is a glob (<c>*</c>, <c>**</c>, <c>?</c>, <c>[...]</c>,
/// <c>{a,b}</c>, <c>{1..9}</c>), a backslash makes the next character literal, and a section of a global config
/// must be an absolute path with no glob character left unescaped, matched exactly. In the header line itself
/// '#' and ';' must be escaped too, or the line is not a section at all (and every key after it silently lands in
/// the section before, as in a repo under <c>/srv/team#1/</c>).
/// </summary>
public static class AnalyzerConfigPaths
{
    /// <summary>The characters a backslash must protect in a section name written for a file path.</summary>
    public const string SpecialCharacters = "\\*?{},[#;";

    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    /// <summary>
    /// The section name that matches exactly <paramref name="path"/> (absolute, '/'-separated) in a global config,
    /// or null when no header can hold it (a file name with a line break).
    /// </summary>
    public static string? EscapeForSection(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IndexOfAny(LineBreaks) >= 0)
        {
            return null;
        }

        var sb = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (SpecialCharacters.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The forms under which compilers compare a source file with the sections of a global config: the path itself,
    /// and the path as recent compilers normalize it before the comparison (Roslyn's PathUtilities: runs of '/' and
    /// '\' collapsed to one '/', the path split at '/' and ':', "." parts dropped and ".." parts resolved). A file
    /// whose name has ':' (or '\' on Linux) is only found under the normalized form, so a section must be written
    /// under each form.
    /// </summary>
    public static IReadOnlyList<string> CompilerKeys(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new[] { path, Expand(path, collapseBackslashes: false), Expand(path, collapseBackslashes: true) }
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Expand(string path, bool collapseBackslashes)
    {
        var p = path;
        if (collapseBackslashes)
        {
            var sb = new StringBuilder(p.Length);
            var start = 0;
            if (p.Length > 1 && p[0] is '/' or '\\' && p[1] is '/' or '\\')
            {
                sb.Append("//");
                start = 2;
            }

            var wasSeparator = false;
            for (var i = start; i < p.Length; i++)
            {
                if (p[i] is '/' or '\\')
                {
                    if (!wasSeparator)
                    {
                        sb.Append('/');
                    }

                    wasSeparator = true;
                }
                else
                {
                    sb.Append(p[i]);
                    wasSeparator = false;
                }
            }

            p = sb.ToString();
        }

        if (p.Length <= 1 || p[0] != '/')
        {
            return p;
        }

        var resolved = new List<string>();
        foreach (var part in p.Split('/', ':').Skip(1).Where(part => part != "."))
        {
            if (part != "..")
            {
                resolved.Add(part);
            }
            else if (resolved.Count > 0)
            {
                resolved.RemoveAt(resolved.Count - 1);
            }
        }

        return "/" + string.Join('/', resolved);
    }

    /// <summary>
    /// The file path a global config section names, or null when the section is not one (a glob character left
    /// unescaped, not absolute): the compiler ignores such a section.
    /// </summary>
    public static string? GlobalSectionPath(string sectionName)
    {
        ArgumentNullException.ThrowIfNull(sectionName);
        var sb = new StringBuilder(sectionName.Length);
        for (var i = 0; i < sectionName.Length; i++)
        {
            var c = sectionName[i];
            if (c == '\\')
            {
                if (i + 1 >= sectionName.Length)
                {
                    return null;
                }

                sb.Append(sectionName[++i]);
            }
            else if (c is '*' or '?' or '{' or '}' or ',' or '[')
            {
                return null;
            }
            else
            {
                sb.Append(c);
            }
        }

        var path = sb.ToString();
        var absolute = path.StartsWith('/') || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] == '/');
        return absolute ? path : null;
    }

    /// <summary>
    /// A matcher for an .editorconfig section name, applied to a path relative to the config's folder that starts
    /// with '/'; null when the compiler would reject the name. A name without '/' matches at any depth.
    /// </summary>
    public static Func<string, bool>? SectionMatcher(string sectionName)
    {
        ArgumentNullException.ThrowIfNull(sectionName);
        return Matchers.GetOrAdd(sectionName, CompileSection);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<string, bool>?> Matchers = new(StringComparer.Ordinal);

    private static Func<string, bool>? CompileSection(string sectionName)
    {
        var sb = new StringBuilder("^");
        if (!sectionName.Contains('/', StringComparison.Ordinal))
        {
            sb.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            sb.Append('/');
        }

        var ranges = new List<(int Min, int Max)>();
        var position = 0;
        if (!PathList(sectionName, ref position, sb, ranges, inChoice: false) || position < sectionName.Length)
        {
            return null;
        }

        sb.Append('$');
        Regex regex;
        try
        {
            regex = new Regex(sb.ToString(), SafeOptions, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            // A class the regex engine refuses but the compiler may accept: assume the section applies, so a
            // lock is never reported as kept when it might not be.
            return _ => true;
        }

        return path =>
        {
            try
            {
                var match = regex.Match(path);
                if (!match.Success)
                {
                    return false;
                }

                for (var i = 0; i < ranges.Count; i++)
                {
                    if (!int.TryParse(match.Groups[i + 1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                        || n < ranges[i].Min || n > ranges[i].Max)
                    {
                        return false;
                    }
                }

                return true;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological section name: assume it applies, so a lock is never reported as kept when it
                // might not be.
                return true;
            }
        };
    }

    // Roslyn matches sections with a backtracking regex too; the timeout above bounds a pathological section
    // name, and a timed-out match counts as applying (see the catch above). One engine on both runtimes
    // (NonBacktracking is .NET 7+ only), so the tests of the net10.0 build hold for the netstandard2.0 build.
    private const RegexOptions SafeOptions = RegexOptions.CultureInvariant;

    private static bool PathList(string name, ref int i, StringBuilder sb, List<(int Min, int Max)> ranges, bool inChoice)
    {
        while (i < name.Length)
        {
            if (name[i] is ',' or '}')
            {
                // The end of a choice (the caller checks which), or a stray one: invalid.
                return inChoice;
            }

            if (!Element(name, ref i, sb, ranges))
            {
                return false;
            }
        }

        return !inChoice;
    }

    /// <summary>One element of a path list: a wildcard, braces (a number range or a choice), a character class, an escaped or a plain character.</summary>
    private static bool Element(string name, ref int i, StringBuilder sb, List<(int Min, int Max)> ranges)
    {
        switch (name[i])
        {
            case '*' when i + 1 < name.Length && name[i + 1] == '*':
                sb.Append(".*");
                i += 2;
                return true;
            case '*':
                sb.Append("[^/]*");
                i++;
                return true;
            case '?':
                sb.Append('.');
                i++;
                return true;
            case '{':
                return Braces(name, ref i, sb, ranges);
            case '[':
                i++;
                return CharacterClass(name, ref i, sb);
            case '\\':
                return Escaped(name, ref i, sb);
            default:
                sb.Append(Regex.Escape(name[i].ToString()));
                i++;
                return true;
        }
    }

    private static bool Braces(string name, ref int i, StringBuilder sb, List<(int Min, int Max)> ranges)
    {
        if (NumberRange(name, ref i) is { } range)
        {
            ranges.Add(range);
            sb.Append("(-?[0-9]+)");
            return true;
        }

        return Choice(name, ref i, sb, ranges);
    }

    private static bool Escaped(string name, ref int i, StringBuilder sb)
    {
        if (i + 1 >= name.Length)
        {
            return false;
        }

        sb.Append(Regex.Escape(name[i + 1].ToString()));
        i += 2;
        return true;
    }

    private static bool Choice(string name, ref int i, StringBuilder sb, List<(int Min, int Max)> ranges)
    {
        i++; // '{'
        sb.Append("(?:");
        while (true)
        {
            if (!PathList(name, ref i, sb, ranges, inChoice: true) || i >= name.Length)
            {
                return false;
            }

            var end = name[i++];
            if (end == '}')
            {
                sb.Append(')');
                return true;
            }

            sb.Append('|');
        }
    }

    private static (int Min, int Max)? NumberRange(string name, ref int i)
    {
        var j = i + 1;
        var first = Number(name, ref j);
        if (first is null || j + 1 >= name.Length || name[j] != '.' || name[j + 1] != '.')
        {
            return null;
        }

        j += 2;
        var second = Number(name, ref j);
        if (second is null || j >= name.Length || name[j] != '}')
        {
            return null;
        }

        if (!int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(second, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
        {
            return null;
        }

        i = j + 1;
        return a < b ? (a, b) : (b, a);
    }

    private static string? Number(string name, ref int i)
    {
        var start = i;
        if (i < name.Length && name[i] == '-')
        {
            i++;
        }

        var digits = i;
        while (i < name.Length && char.IsAsciiDigit(name[i]))
        {
            i++;
        }

        return i > digits ? name[start..i] : null;
    }

    private static bool CharacterClass(string name, ref int i, StringBuilder sb)
    {
        sb.Append('[');
        if (i < name.Length && name[i] == '!')
        {
            sb.Append('^');
            i++;
        }

        while (i < name.Length)
        {
            var c = name[i++];
            switch (c)
            {
                case '-':
                    sb.Append('-');
                    break;
                case '\\':
                    if (i >= name.Length)
                    {
                        return false;
                    }

                    sb.Append('\\').Append(name[i++]);
                    break;
                case ']':
                    sb.Append(']');
                    return true;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return false;
    }
}
