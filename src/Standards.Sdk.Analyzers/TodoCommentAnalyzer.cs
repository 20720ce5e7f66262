using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1006: a comment (//, /* */ or XML doc) with the word TODO, FIXME or HACK (case-sensitive, whole word) that is
/// not written <c>TODO(owner): text #123</c>. The owner is one or more of <c>A-Z a-z 0-9 _ . - @</c>; the issue is
/// <c>#</c> and digits, or a URL containing <c>/issues/</c> and digits, anywhere after the colon (up to the end of
/// the comment or the next marker). Reported at the marker word.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TodoCommentAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] Markers = ["TODO", "FIXME", "HACK"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.TodoWithoutOwnerAndIssue);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    /// <summary>
    /// Checks the marker at <paramref name="start"/> against the format, looking no further than
    /// <paramref name="end"/>. Returns null when it is well formed, else what is missing (for the message).
    /// </summary>
    internal static string? FindProblem(string text, int start, int markerLength, int end)
    {
        var afterOwner = OwnerEnd(text, start + markerLength, end);
        var hasIssue = HasIssueReference(text, afterOwner < 0 ? start + markerLength : afterOwner, end);
        return (afterOwner >= 0, hasIssue) switch
        {
            (true, true) => null,
            (true, false) => "has no issue reference (#123 or an issue URL)",
            (false, true) => "has no owner in the form (owner):",
            _ => "has no owner and no issue",
        };
    }

    /// <summary>The position after <c>(owner):</c> starting at <paramref name="i"/>, or -1 when it is not there.</summary>
    private static int OwnerEnd(string text, int i, int end)
    {
        if (i >= end || text[i] != '(')
        {
            return -1;
        }

        var ownerStart = ++i;
        while (i < end && IsOwnerChar(text[i]))
        {
            i++;
        }

        return i > ownerStart && i + 1 < end && text[i] == ')' && text[i + 1] == ':' ? i + 2 : -1;
    }

    private static bool IsOwnerChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-' or '@';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool HasIssueReference(string text, int start, int end)
    {
        end = Math.Min(end, text.Length);
        if (start >= end)
        {
            return false;
        }

        for (var i = start; i < end - 1; i++)
        {
            if (text[i] == '#' && IsDigit(text[i + 1]))
            {
                return true;
            }
        }

        const string IssuesPath = "/issues/";
        for (var i = text.IndexOf(IssuesPath, start, end - start, StringComparison.Ordinal);
             i >= 0 && i + IssuesPath.Length < end;
             i = text.IndexOf(IssuesPath, i + 1, end - i - 1, StringComparison.Ordinal))
        {
            if (IsDigit(text[i + IssuesPath.Length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Positions of whole-word markers in <paramref name="text"/>, in document order.</summary>
    private static List<(int Position, string Marker)> FindMarkers(string text)
    {
        var hits = new List<(int Position, string Marker)>();
        foreach (var marker in Markers)
        {
            for (var i = text.IndexOf(marker, StringComparison.Ordinal);
                 i >= 0;
                 i = text.IndexOf(marker, i + marker.Length, StringComparison.Ordinal))
            {
                var after = i + marker.Length;
                if ((i == 0 || !IsWordChar(text[i - 1])) && (after >= text.Length || !IsWordChar(text[after])))
                {
                    hits.Add((i, marker));
                }
            }
        }

        hits.Sort((a, b) => a.Position.CompareTo(b.Position));
        return hits;
    }

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)
        || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
        || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)
        || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        try
        {
            var tree = context.Tree;
            var text = tree.GetText(context.CancellationToken).ToString();
            var hits = FindMarkers(text);
            if (hits.Count == 0 || GeneratedCode.IsGenerated(tree, context.CancellationToken))
            {
                return;
            }

            var root = tree.GetRoot(context.CancellationToken);
            string? helpLink = null;
            for (var h = 0; h < hits.Count; h++)
            {
                var (position, marker) = hits[h];
                var trivia = root.FindTrivia(position);
                if (trivia.IsDirective)
                {
                    // A comment after a directive (#if X // TODO) is trivia inside the directive's structure.
                    trivia = root.FindTrivia(position, findInsideTrivia: true);
                }

                if (!IsComment(trivia) || !trivia.FullSpan.Contains(position))
                {
                    continue;
                }

                var end = Math.Min(trivia.FullSpan.End, text.Length);
                if (h + 1 < hits.Count && hits[h + 1].Position < end)
                {
                    end = hits[h + 1].Position;
                }

                if (FindProblem(text, position, marker.Length, end) is not { } problem)
                {
                    continue;
                }

                helpLink ??= StandardsSettings.GetHelpLink(context.Options, tree, CodeRuleIds.TodoWithoutOwnerAndIssue);
                context.ReportDiagnostic(Diagnostic.Create(
                    StandardsAnalyzerRules.TodoWithoutOwnerAndIssue,
                    Location.Create(tree, new TextSpan(position, marker.Length)),
                    marker,
                    problem,
                    helpLink));
            }
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }
}
