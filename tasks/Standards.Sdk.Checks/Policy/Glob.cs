using System.Text;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Minimal glob matching over repo-relative paths with '/' separators: <c>**</c> matches any number of
/// folders, <c>*</c> anything but '/', <c>?</c> one character. Matching is case-sensitive, like the file system
/// CI runs on.
/// </summary>
public static class Glob
{
    /// <summary>True when the path matches the pattern.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        return ToRegex(Normalize(pattern).TrimEnd('/')).IsMatch(Normalize(path));
    }

    /// <summary>Turns backslashes into slashes and trims leading './' and '/'.</summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }

    private static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        sb.Append("/?$");
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
