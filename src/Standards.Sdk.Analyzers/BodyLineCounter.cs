using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// Counts the lines of a member body for STD1001/STD1002: a line counts when it holds (part of) a token or a
/// preprocessor directive of the body. Blank lines and comment-only lines hold neither; the lines of the opening and
/// closing brace do not count unless code shares them; a token spanning lines (a verbatim or raw string) counts every
/// line it spans. For an expression-bodied member the lines of the expression count.
/// </summary>
internal static class BodyLineCounter
{
    internal static int Count(MemberBody member, SourceText text)
    {
        var counter = new Counter(text);
        if (member.Block is { } block)
        {
            CountBlock(block, ref counter);
        }
        else if (member.Expression is { } expression)
        {
            foreach (var token in expression.DescendantTokens())
            {
                counter.AddDirectives(token);
                counter.Add(token);
            }
        }

        return counter.Lines;
    }

    private static void CountBlock(BlockSyntax block, ref Counter counter)
    {
        var open = block.OpenBraceToken;
        var close = block.CloseBraceToken;
        foreach (var token in block.DescendantTokens())
        {
            if (token == open)
            {
                continue;
            }

            counter.AddDirectives(token);
            if (token != close)
            {
                counter.Add(token);
            }
        }
    }

    /// <summary>Tokens arrive in document order, so a line is counted once by remembering the last counted line.</summary>
    private struct Counter(SourceText text)
    {
        private int lastLine = -1;

        internal int Lines { get; private set; }

        internal void Add(SyntaxToken token)
        {
            if (!token.IsMissing)
            {
                Add(token.Span);
            }
        }

        internal void AddDirectives(SyntaxToken token)
        {
            if (!token.HasLeadingTrivia)
            {
                return;
            }

            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.IsDirective)
                {
                    Add(trivia.Span);
                }
            }
        }

        private void Add(TextSpan span)
        {
            if (span.Length == 0 || span.End > text.Length)
            {
                return;
            }

            var first = text.Lines.GetLineFromPosition(span.Start).LineNumber;
            var last = text.Lines.GetLineFromPosition(span.End - 1).LineNumber;
            if (last <= lastLine)
            {
                return;
            }

            Lines += last - (first > lastLine ? first : lastLine + 1) + 1;
            lastLine = last;
        }
    }
}
