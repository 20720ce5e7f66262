using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1003: control flow nested deeper than <c>standards.nesting_depth.warning</c> inside a member. Each if, loop,
/// switch statement, try (with its catch and finally blocks), using statement with a block, lock, fixed, checked,
/// unchecked and unsafe block adds one level; an <c>else if</c> stays at the level of its <c>if</c>. Lambdas and local
/// functions continue the depth of the code around them. Reported once per member, at the keyword of the first
/// statement that is too deep; the message gives the deepest level.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NestingDepthAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<SyntaxKind> Kinds = ImmutableArray.Create(MemberBody.MemberKinds);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.NestingTooDeep);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeMember, Kinds);
    }

    /// <summary>
    /// Walks <paramref name="root"/> without recursion (deep syntax must not overflow the stack) and returns the
    /// deepest nesting level and the keyword of the first statement (in document order) deeper than
    /// <paramref name="limit"/>.
    /// </summary>
    internal static (int MaxDepth, SyntaxToken? FirstTooDeep) Measure(SyntaxNode root, int limit)
    {
        var maxDepth = 0;
        SyntaxToken? firstTooDeep = null;
        var pending = new Stack<(SyntaxNode Node, int Level)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, level) = pending.Pop();
            if (TryGetNestingKeyword(node, out var keyword))
            {
                level = node is IfStatementSyntax { Parent: ElseClauseSyntax } ? level : level + 1;
                maxDepth = Math.Max(maxDepth, level);
                if (level > limit && firstTooDeep is null)
                {
                    firstTooDeep = keyword;
                }
            }

            foreach (var child in node.ChildNodesAndTokens().Reverse())
            {
                if (child.AsNode() is { } childNode)
                {
                    pending.Push((childNode, level));
                }
            }
        }

        return (maxDepth, firstTooDeep);
    }

    private static bool TryGetNestingKeyword(SyntaxNode node, out SyntaxToken keyword)
    {
        keyword = node switch
        {
            IfStatementSyntax s => s.IfKeyword,
            ForStatementSyntax s => s.ForKeyword,
            CommonForEachStatementSyntax s => s.ForEachKeyword,
            WhileStatementSyntax s => s.WhileKeyword,
            DoStatementSyntax s => s.DoKeyword,
            SwitchStatementSyntax s => s.SwitchKeyword,
            TryStatementSyntax s => s.TryKeyword,
            UsingStatementSyntax { Statement: BlockSyntax } s => s.UsingKeyword,
            LockStatementSyntax s => s.LockKeyword,
            FixedStatementSyntax s => s.FixedKeyword,
            CheckedStatementSyntax s => s.Keyword,
            UnsafeStatementSyntax s => s.UnsafeKeyword,
            _ => default,
        };
        return !keyword.IsKind(SyntaxKind.None);
    }

    private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
    {
        try
        {
            var member = MemberBody.From(context.Node);
            var tree = context.Node.SyntaxTree;
            if (member?.Root is not { } root || GeneratedCode.IsGenerated(tree, context.CancellationToken))
            {
                return;
            }

            var limit = StandardsSettings.GetPositiveInt(context.Options, tree, StandardsAnalyzerRules.NestingDepthWarning);
            var (maxDepth, firstTooDeep) = Measure(root, limit);
            if (firstTooDeep is not { } keyword)
            {
                return;
            }

            var helpLink = StandardsSettings.GetHelpLink(context.Options, tree, CodeRuleIds.NestingTooDeep);
            context.ReportDiagnostic(Diagnostic.Create(
                StandardsAnalyzerRules.NestingTooDeep,
                keyword.GetLocation(),
                member.Kind,
                member.Name,
                maxDepth,
                limit,
                helpLink));
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }
}
