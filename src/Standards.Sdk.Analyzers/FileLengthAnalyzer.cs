using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1004: a source file with more physical lines than <c>standards.file_length.warning</c>. A final line break
/// does not start another line. Reported at the start of the file; generated files are skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileLengthAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.FileTooLong);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    /// <summary>Physical lines of <paramref name="text"/>: 0 when empty, a trailing line break adds no line.</summary>
    internal static int CountPhysicalLines(SourceText text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var lines = text.Lines.Count;
        return text.Lines[lines - 1].Span.Length == 0 ? lines - 1 : lines;
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        try
        {
            var tree = context.Tree;
            if (GeneratedCode.IsGenerated(tree, context.CancellationToken))
            {
                return;
            }

            var lines = CountPhysicalLines(tree.GetText(context.CancellationToken));
            var limit = StandardsSettings.GetPositiveInt(context.Options, tree, StandardsAnalyzerRules.FileLengthWarning);
            if (lines <= limit)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                StandardsAnalyzerRules.FileTooLong,
                Location.Create(tree, new TextSpan(0, 0)),
                GeneratedCode.FileNameOf(tree.FilePath ?? string.Empty),
                lines,
                limit,
                StandardsSettings.GetHelpLink(context.Options, tree, CodeRuleIds.FileTooLong)));
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }
}
