namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// One entry of version.json's <c>pathFilters</c>, as Nerdbank.GitVersioning documents them (doc/pathFilters.md):
/// relative to the version.json (<c>src</c>, <c>./x</c>, <c>../sibling</c>) or to the repo root (<c>/x</c>,
/// <c>:/x</c>); <c>:!</c> or <c>:^</c> makes it an exclusion; <c>*</c> and <c>?</c> match within one path segment
/// and a whole <c>**</c> segment matches any number of segments. A filter that matches a folder matches
/// everything below it.
/// </summary>
public sealed class PathFilter
{
    private readonly string[] segments;

    private PathFilter(string text, string repoPath, bool isExclude)
    {
        Text = text;
        RepoPath = repoPath;
        IsExclude = isExclude;
        segments = repoPath.Length == 0 ? [] : repoPath.Split('/');
    }

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    /// <summary>The pattern relative to the repo root ('/'-separated, empty for the whole repo).</summary>
    public string RepoPath { get; }

    /// <summary>True for <c>:!</c> / <c>:^</c> filters.</summary>
    public bool IsExclude { get; }

    /// <summary>Parses a filter written in a version.json in <paramref name="fileDirectory"/> (repo-relative); null with a reason when invalid.</summary>
    public static PathFilter? TryParse(string text, string fileDirectory, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileDirectory);
        error = null;
        var rest = text.Trim();
        var exclude = rest.StartsWith(":!", StringComparison.Ordinal) || rest.StartsWith(":^", StringComparison.Ordinal);
        if (exclude)
        {
            rest = rest[2..];
        }

        bool absolute;
        if (rest.StartsWith(":/", StringComparison.Ordinal))
        {
            absolute = true;
            rest = rest[2..];
        }
        else if (rest.StartsWith('/'))
        {
            absolute = true;
            rest = rest[1..];
        }
        else if (rest.StartsWith(':'))
        {
            error = $"'{text}' starts with ':' but is not ':/' (repo root), ':!' or ':^' (exclusion).";
            return null;
        }
        else
        {
            absolute = false;
        }

        if (rest.Contains('\\', StringComparison.Ordinal))
        {
            error = $"'{text}' contains '\\'; write paths with '/'.";
            return null;
        }

        string[] baseParts = absolute || fileDirectory.Length == 0 ? [] : fileDirectory.Split('/');
        var path = Combine(text, baseParts, rest, out error);
        return path is null ? null : new PathFilter(text, path, exclude);
    }

    /// <summary>The folder's parts with the path's applied ('.' and empty parts skipped, '..' one up); null with a reason above the root.</summary>
    private static string? Combine(string text, string[] baseParts, string rest, out string? error)
    {
        error = null;
        var parts = new List<string>(baseParts);
        foreach (var part in rest.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    error = $"'{text}' points above the repository root.";
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>True when the repo-relative file path is the pattern or lies below a folder the pattern matches.</summary>
    public bool Matches(string repoRelativePath)
    {
        ArgumentNullException.ThrowIfNull(repoRelativePath);
        return MatchPrefix(segments, 0, repoRelativePath.Split('/'), 0);
    }

    /// <summary>
    /// Whether a changed path counts for the height under these filters: included by some include filter (or
    /// there are none) and excluded by no exclusion.
    /// </summary>
    public static bool Counts(IReadOnlyList<PathFilter> filters, string repoRelativePath)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Count == 0)
        {
            return true;
        }

        var includes = filters.Where(f => !f.IsExclude).ToList();
        var included = includes.Count == 0 || includes.Any(f => f.Matches(repoRelativePath));
        return included && !filters.Any(f => f.IsExclude && f.Matches(repoRelativePath));
    }

    /// <inheritdoc />
    public override string ToString() => (IsExclude ? ":!/" : "/") + RepoPath;

    private static bool MatchPrefix(string[] pattern, int p, string[] path, int s)
    {
        if (p == pattern.Length)
        {
            // The whole pattern matched: this path or a folder above it.
            return true;
        }

        if (pattern[p] == "**")
        {
            for (var skip = s; skip <= path.Length; skip++)
            {
                if (MatchPrefix(pattern, p + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length && SegmentMatches(pattern[p], path[s]) && MatchPrefix(pattern, p + 1, path, s + 1);
    }

    private static bool SegmentMatches(string pattern, string text)
    {
        // Classic wildcard match with backtracking over the last '*'.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
