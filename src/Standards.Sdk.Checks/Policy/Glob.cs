using System.Collections.Concurrent;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// The one glob translator. Minimal glob matching over repo-relative paths with '/' separators: <c>**</c> matches
/// any number of folders, <c>*</c> anything but '/', <c>?</c> one character. Matching is case-sensitive, like the
/// file system CI runs on, and takes linear time in pattern times path length (<see cref="PathPattern"/>): a scope
/// in standards.json or a CODEOWNERS line can never make a check hang. Three dialects share it: scopes in
/// standards.json (<see cref="IsMatch"/>), CODEOWNERS patterns (<see cref="CompileGitignore"/>) and names that are
/// not paths, such as benchmark budgets' FullName patterns (<see cref="IsNameMatch"/>).
/// </summary>
public static class Glob
{
    private static readonly ConcurrentDictionary<string, PathPattern> Compiled = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, PathPattern> CompiledNames = new(StringComparer.Ordinal);

    /// <summary>True when the path matches the pattern.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        var normalized = Normalize(pattern).TrimEnd('/');
        return Compiled.GetOrAdd(normalized, Compile).IsMatch(Normalize(path));
    }

    /// <summary>True when a repo-relative file path matches a .gitignore (or CODEOWNERS) pattern (<see cref="CompileGitignore"/>).</summary>
    public static bool IsGitignoreMatch(string pattern, string path)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(path);
        return CompileGitignore(pattern).IsMatch(Normalize(path));
    }

    /// <summary>
    /// True when a name that is not a path (a benchmark's FullName) matches the pattern as a whole: <c>*</c> is any
    /// text, <c>?</c> any one character, everything else itself, case-sensitively; '/' is an ordinary character.
    /// </summary>
    public static bool IsNameMatch(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return CompiledNames.GetOrAdd(pattern, p => AddSegments(new PathPattern.Builder(), p, GlobDialect.Name).Build()).IsMatch(name);
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

    /// <summary>Compiles a standards.json scope glob (already normalised): the whole path, a trailing '/' allowed.</summary>
    internal static PathPattern Compile(string pattern) =>
        AddSegments(new PathPattern.Builder(), pattern, GlobDialect.Scope).Add(PathToken.EndOrSlash).Build();

    /// <summary>
    /// Compiles a CODEOWNERS (gitignore) pattern into a matcher over repo-relative file paths, with the rules GitHub
    /// applies (<see href="https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#codeowners-syntax"/>):
    /// a leading or inner '/' anchors at the root, else any depth; a trailing '/' matches folders only; a pattern
    /// naming a folder covers everything below it, except <c>dir/*</c>, which covers the files directly in dir.
    /// </summary>
    internal static PathPattern CompileGitignore(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var p = pattern;
        var directoryOnly = p.EndsWith('/');
        p = p.TrimEnd('/');
        var anchored = p.StartsWith('/') || p.Contains('/', StringComparison.Ordinal);
        p = p.TrimStart('/');
        var builder = new PathPattern.Builder();
        if (p.Length == 0)
        {
            // "/" alone: the whole repository.
            return builder.Add(PathToken.AnyRun).Build();
        }

        if (!anchored)
        {
            builder.Add(PathToken.AnyFolders);
        }

        AddSegments(builder, p, GlobDialect.Gitignore);

        // "dir/*" covers only the files directly in dir (GitHub docs); any other pattern that names a folder covers
        // everything below it, and a trailing '/' matches folders only.
        var lastSegment = p[(p.LastIndexOf('/') + 1)..];
        if (directoryOnly)
        {
            builder.Literal('/').Add(PathToken.AnyRun);
        }
        else if (lastSegment == "*" && p.Contains('/', StringComparison.Ordinal))
        {
            // exact files only
        }
        else if (!p.EndsWith("**", StringComparison.Ordinal))
        {
            builder.Add(PathToken.EndOrBelow);
        }

        return builder.Build();
    }

    /// <summary>
    /// The one glob-to-token translation: literals, <c>?</c>, <c>*</c> and the forms of <c>**</c>, which is where
    /// the dialects differ. In a scope, <c>**/</c> is zero or more folders wherever it stands and any other
    /// <c>**</c> matches everything. In gitignore, <c>**</c> is special only as a whole segment (<c>**/</c> at a
    /// segment start, or <c>/**</c> at the end); elsewhere (<c>a**b</c>) it is a single <c>*</c>.
    /// </summary>
    private static PathPattern.Builder AddSegments(PathPattern.Builder builder, string p, GlobDialect dialect)
    {
        for (var i = 0; i < p.Length; i++)
        {
            if (dialect != GlobDialect.Name && StartsWith(p, i, "**"))
            {
                var token = DoubleStar(p, i, dialect);
                builder.Add(token);
                i += token == PathToken.AnyFolders ? 2 : 1;
            }
            else
            {
                AddCharacter(builder, p[i], dialect);
            }
        }

        return builder;
    }

    /// <summary>The token for a <c>**</c> at <paramref name="i"/> of a path pattern (scope or gitignore); AnyFolders takes the '/' after it too.</summary>
    private static PathToken DoubleStar(string p, int i, GlobDialect dialect)
    {
        var slashFollows = StartsWith(p, i + 2, "/");
        if (dialect == GlobDialect.Scope)
        {
            return slashFollows ? PathToken.AnyFolders : PathToken.AnyRun;
        }

        var atSegmentStart = i == 0 || p[i - 1] == '/';
        var atEnd = i + 2 == p.Length;
        return atSegmentStart && slashFollows ? PathToken.AnyFolders
            : atSegmentStart && atEnd ? PathToken.AnyRun
            : PathToken.RunInSegment;
    }

    /// <summary>One character that is not part of a <c>**</c>: <c>*</c>, <c>?</c> or a literal.</summary>
    private static void AddCharacter(PathPattern.Builder builder, char c, GlobDialect dialect)
    {
        var name = dialect == GlobDialect.Name;
        switch (c)
        {
            case '*':
                builder.Add(name ? PathToken.AnyRun : PathToken.RunInSegment);
                break;
            case '?':
                builder.Add(name ? PathToken.AnyOne : PathToken.OneInSegment);
                break;
            default:
                builder.Literal(c);
                break;
        }
    }

    private static bool StartsWith(string p, int i, string value) =>
        i + value.Length <= p.Length && string.CompareOrdinal(p, i, value, 0, value.Length) == 0;

    private enum GlobDialect
    {
        /// <summary>Exception scopes and exclusion lists in standards.json.</summary>
        Scope,

        /// <summary>CODEOWNERS patterns (gitignore rules).</summary>
        Gitignore,

        /// <summary>Names that are not paths (benchmark FullNames): '*' any text, '?' any character.</summary>
        Name,
    }
}
