namespace Standards.Sdk.Checks.Policy;

/// <summary>One step of a <see cref="PathPattern"/>.</summary>
internal enum PathToken
{
    /// <summary>Exactly one given character.</summary>
    Literal,

    /// <summary>Any one character but '/' (<c>?</c>).</summary>
    OneInSegment,

    /// <summary>Any one character, '/' included (<c>?</c> in a name that is not a path).</summary>
    AnyOne,

    /// <summary>Any run of characters without '/' (<c>*</c>).</summary>
    RunInSegment,

    /// <summary>Any run of characters (<c>**</c> not followed by '/').</summary>
    AnyRun,

    /// <summary>Zero or more whole folders: empty, or anything ending in '/' (<c>**/</c>).</summary>
    AnyFolders,

    /// <summary>Only at the end: the end of the path, or '/' and anything after it (a folder covers its files).</summary>
    EndOrBelow,

    /// <summary>Only at the end: the end of the path, or one trailing '/'.</summary>
    EndOrSlash,
}

/// <summary>
/// A compiled path glob (the building blocks of exception scopes and CODEOWNERS patterns), matched in time
/// proportional to pattern length times path length whatever the input: a dynamic programme over the tokens,
/// never a backtracking regex, so no pattern a user writes (<c>**/**/**/…</c>) can hang or time out a check.
/// </summary>
internal sealed class PathPattern
{
    private readonly PathToken[] kinds;
    private readonly char[] literals;

    // The characters every match starts with (the literal tokens before the first wildcard). A path without them is
    // rejected before the dynamic programme: a CODEOWNERS file with a line per project ('/src/Acme.Orders/ @team')
    // asks every project of a 1000-project repo against every line, and almost all of them fail on the first
    // characters.
    private readonly string literalPrefix;

    private PathPattern(List<(PathToken Kind, char Literal)> tokens)
    {
        kinds = [.. tokens.Select(t => t.Kind)];
        literals = [.. tokens.Select(t => t.Literal)];
        literalPrefix = new string([.. tokens.TakeWhile(t => t.Kind == PathToken.Literal).Select(t => t.Literal)]);
    }

    /// <summary>A builder: tokens are appended in order.</summary>
    internal sealed class Builder
    {
        private readonly List<(PathToken Kind, char Literal)> tokens = [];

        public Builder Literal(char c)
        {
            tokens.Add((PathToken.Literal, c));
            return this;
        }

        public Builder Add(PathToken kind)
        {
            tokens.Add((kind, '\0'));
            return this;
        }

        public PathPattern Build() => new(tokens);
    }

    /// <summary>True when the whole path matches.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(literalPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // next[p]: tokens t+1.. match path[p..]; current[p]: tokens t.. match path[p..]. Filled right to left.
        var next = new bool[path.Length + 1];
        var current = new bool[path.Length + 1];
        next[path.Length] = true;
        for (var t = kinds.Length - 1; t >= 0; t--)
        {
            if (kinds[t] == PathToken.AnyFolders)
            {
                FillAnyFolders(path, next, current);
            }
            else
            {
                for (var p = path.Length; p >= 0; p--)
                {
                    current[p] = Cell(t, path, p, next, current);
                }
            }

            (next, current) = (current, next);
        }

        return next[0];
    }

    /// <summary>AnyFolders at every position: the rest matches here, or some '/' at or after it is followed by a match of the rest.</summary>
    private static void FillAnyFolders(string path, bool[] next, bool[] current)
    {
        var folderEndAhead = false;
        for (var p = path.Length; p >= 0; p--)
        {
            folderEndAhead = folderEndAhead || (p < path.Length && path[p] == '/' && next[p + 1]);
            current[p] = next[p] || folderEndAhead;
        }
    }

    /// <summary>Whether tokens t.. match path[p..], given the column of tokens t+1.. and the cells of token t to the right.</summary>
    private bool Cell(int t, string path, int p, bool[] next, bool[] current)
    {
        var kind = kinds[t];
        if (kind is PathToken.EndOrBelow or PathToken.EndOrSlash)
        {
            return p == path.Length || (path[p] == '/' && (kind == PathToken.EndOrBelow || p == path.Length - 1));
        }

        if (kind is PathToken.RunInSegment or PathToken.AnyRun)
        {
            return next[p] || (p < path.Length && (kind == PathToken.AnyRun || path[p] != '/') && current[p + 1]);
        }

        return p < path.Length && OneCharacter(kind, literals[t], path[p]) && next[p + 1];
    }

    /// <summary>Whether a one-character token (Literal, OneInSegment, AnyOne) takes the character.</summary>
    private static bool OneCharacter(PathToken kind, char literal, char c) => kind switch
    {
        PathToken.Literal => c == literal,
        PathToken.OneInSegment => c != '/',
        _ => true,
    };
}
