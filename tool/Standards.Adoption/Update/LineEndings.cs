namespace Standards.Adoption.Update;

/// <summary>
/// The line endings git gives each path of one checkout, read from git itself (<c>git config core.autocrlf</c> and
/// <c>core.eol</c>, <c>git check-attr text eol</c> for the paths), so the update compares and merges files as git's
/// index holds them and writes each back in the ending the checkout has. A checkout with <c>core.autocrlf=true</c>
/// or a <c>.gitattributes</c> <c>eol=crlf</c> has CRLF files in the working tree while the template writes LF; compared
/// byte for byte, every file would look changed by the team. The rules are git's (<c>convert.c</c>): <c>-text</c> (or
/// <c>binary</c>) is never converted; <c>text</c>, or an <c>eol</c> attribute, always; <c>text=auto</c>, or no
/// attribute with <c>core.autocrlf</c> true or input, only a file that is not binary; nothing else.
/// </summary>
public sealed class LineEndings
{
    /// <summary>No conversion: outside a git work tree, or a checkout that converts nothing.</summary>
    public static readonly LineEndings None = new(new Dictionary<string, PathRule>(StringComparer.Ordinal));

    // More paths than this go to check-attr in several runs, keeping each command line short.
    private const int PathsPerRun = 200;

    private readonly Dictionary<string, PathRule> rules;

    private LineEndings(Dictionary<string, PathRule> rules) => this.rules = rules;

    /// <summary>How git converts one path: whether it does (always, or only a text file) and the checkout's ending.</summary>
    private sealed record PathRule(bool Always, bool Crlf);

    /// <summary>
    /// Reads git's rules for <paramref name="paths"/> (repo-relative, '/'-separated) in the checkout at
    /// <paramref name="root"/>; <see cref="None"/> when it is not a git work tree.
    /// </summary>
    public static LineEndings Read(ICommandRunner runner, string root, IReadOnlyCollection<string> paths)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0 || !RepoFiles.IsGitRepo(runner, root))
        {
            return None;
        }

        var (autocrlf, coreEol) = ReadConfig(runner, root);
        var attributes = ReadAttributes(runner, root, paths);
        var rules = new Dictionary<string, PathRule>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var (text, eol) = attributes.GetValueOrDefault(path, ("unspecified", "unspecified"));
            // git reads a text value other than auto (text=foo) as no text attribute at all.
            text = text is "set" or "unset" or "auto" ? text : "unspecified";
            if (Rule(text, eol, autocrlf, coreEol) is { } rule)
            {
                rules[path] = rule;
            }
        }

        return new LineEndings(rules);
    }

    /// <summary>core.autocrlf as true, input or false, and whether core.eol checks text out with CRLF (native: Windows).</summary>
    private static (string AutoCrlf, bool CoreEolCrlf) ReadConfig(ICommandRunner runner, string root)
    {
        var config = runner.Run("git", ["config", "--get-regexp", "^core\\.(autocrlf|eol)$"], root).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1].ToLowerInvariant(), StringComparer.Ordinal);
        var autocrlf = config.GetValueOrDefault("core.autocrlf") switch
        {
            "true" or "yes" or "on" or "1" => "true",
            "input" => "input",
            _ => "false",
        };
        var coreEol = config.GetValueOrDefault("core.eol") switch
        {
            "crlf" => true,
            "lf" => false,
            _ => OperatingSystem.IsWindows(),
        };
        return (autocrlf, coreEol);
    }

    /// <summary>The text and eol attributes of each path, as <c>git check-attr</c> gives them (set, unset, unspecified, a value).</summary>
    private static Dictionary<string, (string Text, string Eol)> ReadAttributes(ICommandRunner runner, string root, IReadOnlyCollection<string> paths)
    {
        var attributes = new Dictionary<string, (string Text, string Eol)>(StringComparer.Ordinal);
        foreach (var chunk in paths.Distinct(StringComparer.Ordinal).Chunk(PathsPerRun))
        {
            var result = runner.Run("git", ["check-attr", "-z", "text", "eol", "--", .. chunk], root);
            if (result.ExitCode != 0)
            {
                // Attributes git cannot read: compare as git's configuration alone says (no attribute anywhere).
                continue;
            }

            // -z: path NUL attribute NUL value NUL, repeated.
            var fields = result.Output.Split('\0');
            for (var i = 0; i + 2 < fields.Length; i += 3)
            {
                var path = fields[i].TrimStart('\n');
                var current = attributes.GetValueOrDefault(path, (Text: "unspecified", Eol: "unspecified"));
                attributes[path] = fields[i + 1] == "text" ? (fields[i + 2], current.Eol) : (current.Text, fields[i + 2]);
            }
        }

        return attributes;
    }

    /// <summary>git's decision for one path: null when it never converts it.</summary>
    private static PathRule? Rule(string text, string eol, string autocrlf, bool coreEol)
    {
        if (text is "unset" || (text is "unspecified" && eol is not ("lf" or "crlf") && autocrlf == "false"))
        {
            return null;
        }

        // An eol attribute makes a path text; text=auto and core.autocrlf convert only what is not binary.
        var always = text is "set" || (text is "unspecified" && eol is "lf" or "crlf");
        var crlf = eol switch
        {
            "crlf" => true,
            "lf" => false,
            _ => autocrlf switch
            {
                "true" => true,
                "input" => false,
                _ => coreEol,
            },
        };
        return new PathRule(always, crlf);
    }

    /// <summary>True when git converts line endings of this content at this path.</summary>
    private bool Converts(string path, byte[] bytes, out bool crlf)
    {
        crlf = false;
        if (!rules.TryGetValue(path, out var rule) || (!rule.Always && TemplateMerge.IsBinary(bytes)))
        {
            return false;
        }

        crlf = rule.Crlf;
        return true;
    }

    /// <summary>The content as git's index would hold it (CRLF made LF where git converts); null stays null.</summary>
    public byte[]? Clean(string path, byte[]? bytes) =>
        bytes is not null && Converts(path, bytes, out _) ? ToLf(bytes) : bytes;

    /// <summary>
    /// Content merged as git's index would hold it, in the ending it is written to the checkout with: the ending the
    /// repo's file had (<paramref name="current"/>, CRLF when any line of it ends so), or, for a file the repo did not
    /// have or whose one line has no ending, the ending git checks the path out with.
    /// </summary>
    public byte[] Checkout(string path, byte[] clean, byte[]? current)
    {
        ArgumentNullException.ThrowIfNull(clean);
        if (!Converts(path, clean, out var crlf))
        {
            return clean;
        }

        if (current is not null && Array.IndexOf(current, (byte)'\n') >= 0)
        {
            crlf = current.AsSpan().IndexOf("\r\n"u8) >= 0;
        }

        return crlf ? ToCrlf(clean) : clean;
    }

    /// <summary>Every CRLF as LF.</summary>
    internal static byte[] ToLf(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!(bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n'))
            {
                result.Add(bytes[i]);
            }
        }

        return [.. result];
    }

    /// <summary>Every LF not already after a CR as CRLF.</summary>
    internal static byte[] ToCrlf(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length + (bytes.Length / 16));
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))
            {
                result.Add((byte)'\r');
            }

            result.Add(bytes[i]);
        }

        return [.. result];
    }
}
