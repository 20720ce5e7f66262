namespace Standards.Sdk.Checks.Dependencies;

/// <summary>What the licence policy says about a package's licence.</summary>
public enum LicenseVerdict
{
    /// <summary>Every required licence is on the allow-list (for OR: at least one).</summary>
    Allowed,

    /// <summary>Unknown, or a licence on neither list.</summary>
    NotAllowed,

    /// <summary>A licence the package cannot be used without is on the deny-list.</summary>
    Denied,
}

/// <summary>
/// An SPDX licence expression (<c>MIT</c>, <c>(MIT OR Apache-2.0)</c>, <c>Apache-2.0 AND BSD-3-Clause</c>,
/// <c>GPL-2.0-only WITH Classpath-exception-2.0</c>) judged against allow and deny lists: OR passes when
/// any choice is allowed, AND needs every part; WITH is judged on the full "X WITH Y" text when a list
/// names it, else on X.
/// </summary>
public static class LicenseExpression
{
    private const int MaxTokens = 512;

    /// <summary>Judges an expression; false when it is not a valid expression.</summary>
    public static bool TryEvaluate(string expression, Func<string, LicenseVerdict> judge, out LicenseVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(judge);
        verdict = LicenseVerdict.NotAllowed;
        var tokens = Tokenize(expression);
        if (tokens is null || tokens.Count == 0 || tokens.Count > MaxTokens)
        {
            return false;
        }

        var parser = new Parser(tokens, judge);
        if (!parser.TryOr(out verdict, 0) || !parser.AtEnd)
        {
            verdict = LicenseVerdict.NotAllowed;
            return false;
        }

        return true;
    }

    /// <summary>The licence identifiers an expression names (for messages), in order, without operators.</summary>
    public static IReadOnlyList<string> Identifiers(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Tokenize(expression)?.Where(t => t is not ("(" or ")") && !IsOperator(t, "AND") && !IsOperator(t, "OR") && !IsOperator(t, "WITH")).ToList() ?? [];
    }

    private static List<string>? Tokenize(string text)
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
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '.' or '+' or ':'))
                    {
                        return null;
                    }

                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static bool IsOperator(string token, string op) => string.Equals(token, op, StringComparison.OrdinalIgnoreCase);

    private sealed class Parser(List<string> tokens, Func<string, LicenseVerdict> judge)
    {
        private const int MaxDepth = 32;
        private int position;

        public bool AtEnd => position == tokens.Count;

        private string? Peek => position < tokens.Count ? tokens[position] : null;

        public bool TryOr(out LicenseVerdict verdict, int depth)
        {
            if (!TryAnd(out verdict, depth))
            {
                return false;
            }

            while (Peek is { } t && IsOperator(t, "OR"))
            {
                position++;
                if (!TryAnd(out var right, depth))
                {
                    return false;
                }

                verdict = verdict == LicenseVerdict.Allowed || right == LicenseVerdict.Allowed ? LicenseVerdict.Allowed
                    : verdict == LicenseVerdict.Denied && right == LicenseVerdict.Denied ? LicenseVerdict.Denied
                    : LicenseVerdict.NotAllowed;
            }

            return true;
        }

        private bool TryAnd(out LicenseVerdict verdict, int depth)
        {
            if (!TryWith(out verdict, depth))
            {
                return false;
            }

            while (Peek is { } t && IsOperator(t, "AND"))
            {
                position++;
                if (!TryWith(out var right, depth))
                {
                    return false;
                }

                verdict = verdict == LicenseVerdict.Denied || right == LicenseVerdict.Denied ? LicenseVerdict.Denied
                    : verdict == LicenseVerdict.Allowed && right == LicenseVerdict.Allowed ? LicenseVerdict.Allowed
                    : LicenseVerdict.NotAllowed;
            }

            return true;
        }

        /// <summary>A parenthesised expression, or a licence with an optional WITH exception.</summary>
        private bool TryWith(out LicenseVerdict verdict, int depth) =>
            Peek == "(" ? TryParenthesized(out verdict, depth) : TryLicense(out verdict);

        private bool TryParenthesized(out LicenseVerdict verdict, int depth)
        {
            verdict = LicenseVerdict.NotAllowed;
            if (depth >= MaxDepth)
            {
                return false;
            }

            position++;
            if (!TryOr(out verdict, depth + 1) || Peek != ")")
            {
                return false;
            }

            position++;
            return true;
        }

        private bool TryLicense(out LicenseVerdict verdict)
        {
            verdict = LicenseVerdict.NotAllowed;
            if (!TryIdentifier(out var id))
            {
                return false;
            }

            if (Peek is not { } w || !IsOperator(w, "WITH"))
            {
                verdict = Judge(id);
                return true;
            }

            position++;
            if (!TryIdentifier(out var exception))
            {
                return false;
            }

            var full = judge($"{id} WITH {exception}");
            verdict = full == LicenseVerdict.NotAllowed ? Judge(id) : full;
            return true;
        }

        /// <summary>Takes the next token when it is a licence or exception identifier (not a parenthesis, not an operator).</summary>
        private bool TryIdentifier(out string id)
        {
            id = Peek ?? "";
            if (Peek is null || id is "(" or ")" || IsOperator(id, "AND") || IsOperator(id, "OR") || IsOperator(id, "WITH"))
            {
                return false;
            }

            position++;
            return true;
        }

        private LicenseVerdict Judge(string id)
        {
            var exact = judge(id);
            return exact == LicenseVerdict.NotAllowed && id.EndsWith('+') ? judge(id.TrimEnd('+')) : exact;
        }
    }
}
