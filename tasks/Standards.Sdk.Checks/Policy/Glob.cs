using System.Collections.Concurrent;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Minimal glob matching over repo-relative paths with '/' separators: <c>**</c> matches any number of
/// folders, <c>*</c> anything but '/', <c>?</c> one character. Matching is case-sensitive, like the file system
/// CI runs on, and takes linear time in pattern times path length (<see cref="PathPattern"/>): a scope in
/// standards.json can never make a check hang.
/// </summary>
public static class Glob
{
    private static readonly ConcurrentDictionary<string, PathPattern> Compiled = new(StringComparer.Ordinal);

    /// <summary>True when the path matches the pattern.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        var normalized = Normalize(pattern).TrimEnd('/');
        return Compiled.GetOrAdd(normalized, Compile).IsMatch(Normalize(path));
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

    private static PathPattern Compile(string pattern)
    {
        var builder = new PathPattern.Builder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" matches zero or more folders; any other "**" matches everything, '/' included.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                builder.Add(slash ? PathToken.AnyFolders : PathToken.AnyRun);
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Add(PathToken.RunInSegment);
            }
            else if (c == '?')
            {
                builder.Add(PathToken.OneInSegment);
            }
            else
            {
                builder.Literal(c);
            }
        }

        return builder.Add(PathToken.EndOrSlash).Build();
    }
}
