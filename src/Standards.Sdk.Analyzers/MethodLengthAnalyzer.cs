using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1001 (warning above <c>standards.method_length.warning</c> lines) and STD1002 (error above
/// <c>standards.method_length.error</c> lines) for methods, constructors, finalizers, operators, accessors,
/// expression-bodied properties and indexers, and local functions. Lines are counted by <see cref="BodyLineCounter"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MethodLengthAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<SyntaxKind> Kinds =
        ImmutableArray.Create(MemberBody.MemberKinds).Add(SyntaxKind.LocalFunctionStatement);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.MethodTooLong, StandardsAnalyzerRules.MethodFarTooLong);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeMember, Kinds);
    }

    private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
    {
        try
        {
            var member = MemberBody.From(context.Node);
            var tree = context.Node.SyntaxTree;
            if (member is null || GeneratedCode.IsGenerated(tree, context.CancellationToken))
            {
                return;
            }

            var lines = BodyLineCounter.Count(member, tree.GetText(context.CancellationToken));
            var options = context.Options;
            var errorLimit = StandardsSettings.GetPositiveInt(options, tree, StandardsAnalyzerRules.MethodLengthError);
            var descriptor = StandardsAnalyzerRules.MethodFarTooLong;
            var limit = errorLimit;
            if (lines <= errorLimit)
            {
                descriptor = StandardsAnalyzerRules.MethodTooLong;
                limit = StandardsSettings.GetPositiveInt(options, tree, StandardsAnalyzerRules.MethodLengthWarning);
                if (lines <= limit)
                {
                    return;
                }
            }

            var helpLink = StandardsSettings.GetHelpLink(options, tree, descriptor.Id);
            context.ReportDiagnostic(
                Diagnostic.Create(descriptor, member.Location, member.Kind, member.Name, lines, limit, helpLink));
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }
}
