namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// Evaluates an MSBuild condition on <c>$(TargetFramework)</c> for one section of a lock file, as restore evaluates
/// Directory.Packages.props once per target framework: <c>'$(TargetFramework)' == 'net462'</c>, <c>!=</c>, joined
/// with <c>and</c>/<c>or</c> and parentheses. Anything else (another property, a property function, an item) is
/// unknown: the caller then does not judge what the condition decides.
/// </summary>
public static class TargetFrameworkCondition
{
    private const string TargetFramework = "$(TargetFramework)";

    /// <summary>True or false when the condition is decided for the framework of <paramref name="lockSection"/>; null when it cannot be told.</summary>
    /// <param name="condition">The text of a Condition attribute.</param>
    /// <param name="lockSection">A section name of packages.lock.json (<c>net8.0</c>, <c>.NETFramework,Version=v4.6.2</c>).</param>
    public static bool? Evaluate(string condition, string lockSection)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(lockSection);
        var tokens = Tokens(condition);
        if (tokens is null)
        {
            return null;
        }

        var parser = new Parser(tokens, lockSection);
        var value = parser.Or();
        return parser.AtEnd ? value : null;
    }

    /// <summary>The condition's tokens: quoted strings (kept with their quote), operators, parentheses, words; null on a stray character.</summary>
    private static List<string>? Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c == '(' ? "(" : ")");
                i++;
            }
            else if ((c is '=' or '!') && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add(text[i..(i + 2)]);
                i += 2;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    /// <summary>Three-valued: null is "cannot be told", so <c>false and ?</c> is false and <c>true or ?</c> is true.</summary>
    private sealed class Parser(List<string> tokens, string section)
    {
        private int at;
        private bool broken;

        public bool AtEnd => !broken && at == tokens.Count;

        public bool? Or()
        {
            var value = And();
            while (Accept("or"))
            {
                var right = And();
                value = value == true || right == true ? true : value is null || right is null ? null : false;
            }

            return value;
        }

        private bool? And()
        {
            var value = Primary();
            while (Accept("and"))
            {
                var right = Primary();
                value = value == false || right == false ? false : value is null || right is null ? null : true;
            }

            return value;
        }

        private bool? Primary()
        {
            if (Accept("("))
            {
                var inner = Or();
                broken |= !Accept(")");
                return inner;
            }

            var left = Next();
            var op = Next();
            var right = Next();
            if (left is null || right is null || op is not ("==" or "!="))
            {
                broken = true;
                return null;
            }

            var equal = Equal(left, right);
            return equal is null ? null : equal == (op == "==");
        }

        /// <summary>Whether two quoted operands are equal for this section's framework; null when one is not known here.</summary>
        private bool? Equal(string left, string right)
        {
            if (Operand(left) is not { } a || Operand(right) is not { } b)
            {
                return null;
            }

            return (a.IsFramework, b.IsFramework) switch
            {
                (true, true) => true,
                (false, false) => string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase),
                (true, false) => IsThisFramework(b.Text),
                (false, true) => IsThisFramework(a.Text),
            };
        }

        private bool? IsThisFramework(string alias) =>
            alias.Trim().Length == 0 ? false : LockFileFrameworksCheck.IsSectionOf(section, alias);

        /// <summary>A quoted operand: $(TargetFramework), or a literal; null for anything MSBuild would expand otherwise.</summary>
        private static (bool IsFramework, string Text)? Operand(string token)
        {
            if (token.Length < 2 || token[0] is not ('\'' or '"'))
            {
                return null;
            }

            var text = token[1..^1].Trim();
            if (string.Equals(text, TargetFramework, StringComparison.OrdinalIgnoreCase))
            {
                return (true, text);
            }

            return text.Contains("$(", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal) || text.Contains("%(", StringComparison.Ordinal)
                ? null
                : (false, text);
        }

        private bool Accept(string token)
        {
            if (at < tokens.Count && string.Equals(tokens[at], token, StringComparison.OrdinalIgnoreCase))
            {
                at++;
                return true;
            }

            return false;
        }

        private string? Next() => at < tokens.Count ? tokens[at++] : null;
    }
}
