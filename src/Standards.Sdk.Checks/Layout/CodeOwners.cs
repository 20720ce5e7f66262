using System.Text;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Layout;

/// <summary>One rule of a CODEOWNERS file.</summary>
/// <param name="Pattern">The path pattern as written (escapes resolved).</param>
/// <param name="Owners">The owners (may be empty: the pattern then removes ownership).</param>
/// <param name="Line">1-based line.</param>
internal sealed record CodeOwnersRule(string Pattern, IReadOnlyList<string> Owners, int Line)
{
    /// <summary>The compiled matcher, or null when the pattern cannot be used.</summary>
    public PathPattern? Matcher { get; init; }
}

/// <summary>A line that is not a valid CODEOWNERS rule.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Problem">What is wrong, as a sentence fragment.</param>
/// <param name="Text">The line as written.</param>
internal sealed record CodeOwnersProblem(int Line, string Problem, string Text);

/// <summary>
/// A CODEOWNERS file with GitHub's semantics: one rule per line (<c>pattern owner...</c>), <c>#</c> comments,
/// the LAST matching rule wins. Patterns follow gitignore rules as GitHub applies them: a leading <c>/</c> or a
/// <c>/</c> inside the pattern anchors it at the repo root, otherwise it matches at any depth; a trailing
/// <c>/</c> matches a folder and everything below it; <c>*</c> matches within one path segment, <c>**</c>
/// across segments; a pattern that names a folder covers the files below it, except <c>dir/*</c>, which covers
/// only the files directly in <c>dir</c>. <c>!</c> negation and <c>[ ]</c> character ranges are not supported by
/// GitHub and are reported as problems. Owners are <c>@user</c>, <c>@org/team</c> or an e-mail address.
/// </summary>
internal sealed partial class CodeOwners
{
    private CodeOwners(IReadOnlyList<CodeOwnersRule> rules, IReadOnlyList<CodeOwnersProblem> problems)
    {
        Rules = rules;
        Problems = problems;
    }

    /// <summary>The rules in file order (lines with problems in the owners are kept with their valid owners).</summary>
    public IReadOnlyList<CodeOwnersRule> Rules { get; }

    /// <summary>Lines that are not valid.</summary>
    public IReadOnlyList<CodeOwnersProblem> Problems { get; }

    /// <summary>Parses a CODEOWNERS file. Never throws.</summary>
    public static CodeOwners Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<CodeOwnersRule>();
        var problems = new List<CodeOwnersProblem>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tokens = Tokenize(line);
            if (tokens.Count == 0)
            {
                continue;
            }

            var pattern = tokens[0];
            var problem = PatternProblem(pattern);
            if (problem is not null)
            {
                problems.Add(new CodeOwnersProblem(i + 1, problem, raw));
                continue;
            }

            var owners = new List<string>();
            foreach (var owner in tokens.Skip(1))
            {
                if (IsValidOwner(owner))
                {
                    owners.Add(owner);
                }
                else
                {
                    problems.Add(new CodeOwnersProblem(i + 1, $"'{owner}' is not an owner (write @user, @org/team or an e-mail address)", raw));
                }
            }

            if (tokens.Count == 1)
            {
                problems.Add(new CodeOwnersProblem(i + 1, $"the pattern '{pattern}' has no owner", raw));
            }

            rules.Add(new CodeOwnersRule(pattern, owners, i + 1) { Matcher = Glob.CompileGitignore(pattern) });
        }

        return new CodeOwners(rules, problems);
    }

    /// <summary>The last rule matching a repo-relative file path, or null when no rule matches.</summary>
    public CodeOwnersRule? RuleFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var i = Rules.Count - 1; i >= 0; i--)
        {
            if (Rules[i].Matcher is { } matcher && matcher.IsMatch(path))
            {
                return Rules[i];
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="owner"/> is <c>@user</c>, <c>@org/team</c> or an e-mail address.</summary>
    public static bool IsValidOwner(string owner) =>
        UserOwner().IsMatch(owner) || TeamOwner().IsMatch(owner) || EmailOwner().IsMatch(owner);

    /// <summary>Splits a line into the pattern and the owners; '\ ' keeps a space in the pattern, '#' starts a comment.</summary>
    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var escaped = false;
        foreach (var c in line)
        {
            if (escaped)
            {
                current.Append(c);
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c is ' ' or '\t')
            {
                Flush();
            }
            else if (c == '#' && current.Length == 0)
            {
                break;
            }
            else
            {
                current.Append(c);
            }
        }

        if (escaped)
        {
            current.Append('\\');
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string? PatternProblem(string pattern)
    {
        if (pattern.StartsWith('!'))
        {
            return $"'{pattern}' negates a pattern, which GitHub does not support in CODEOWNERS";
        }

        if (pattern.Contains('[', StringComparison.Ordinal) || pattern.Contains(']', StringComparison.Ordinal))
        {
            return $"'{pattern}' uses a [ ] character range, which GitHub does not support in CODEOWNERS";
        }

        if (pattern.StartsWith('@') || EmailOwner().IsMatch(pattern))
        {
            return $"the line starts with the owner '{pattern}' instead of a path pattern";
        }

        return pattern.Any(char.IsControl) ? "the pattern contains a control character" : null;
    }

    [GeneratedRegex(@"^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UserOwner();

    [GeneratedRegex(@"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TeamOwner();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailOwner();
}
