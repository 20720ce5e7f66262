using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// STD1005: a namespace segment (block or file-scoped declaration) or a source folder (the folders of the file path
/// relative to <c>build_property.ProjectDir</c>, outside <c>obj/</c> and <c>bin/</c>) that equals, ignoring case, one
/// of <c>standards.generic_names</c>. A folder is reported once per file, at the file's first token.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly char[] PathSeparators = ['/', '\\'];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(StandardsAnalyzerRules.GenericName);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    /// <summary>
    /// The first folder of <paramref name="filePath"/> below <paramref name="projectDir"/> that is a generic name,
    /// or null (also for files outside the project directory and under obj/ or bin/).
    /// </summary>
    internal static string? FindGenericFolder(string filePath, string projectDir, ImmutableArray<string> genericNames)
    {
        if (string.IsNullOrWhiteSpace(projectDir))
        {
            return null;
        }

        var file = Segments(filePath);
        var project = Segments(projectDir);
        if (file.Count <= project.Count + 1)
        {
            return null;
        }

        for (var i = 0; i < project.Count; i++)
        {
            if (!string.Equals(file[i], project[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        var firstFolder = file[project.Count];
        if (string.Equals(firstFolder, "obj", StringComparison.OrdinalIgnoreCase)
            || string.Equals(firstFolder, "bin", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The last segment is the file name, not a folder.
        for (var i = project.Count; i < file.Count - 1; i++)
        {
            if (IsGeneric(file[i], genericNames))
            {
                return file[i];
            }
        }

        return null;
    }

    private static bool IsGeneric(string name, ImmutableArray<string> genericNames)
    {
        foreach (var generic in genericNames)
        {
            if (string.Equals(name, generic, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Path segments with "." dropped and ".." applied; either separator.</summary>
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments;
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

            var genericNames = StandardsSettings.GetGenericNames(context.Options, tree);
            var helpLink = StandardsSettings.GetHelpLink(context.Options, tree, CodeRuleIds.GenericName);
            var nameList = string.Join(", ", genericNames);
            var root = tree.GetRoot(context.CancellationToken);

            var projectDir = StandardsSettings.GetString(context.Options, tree, AnalyzerConfigKeys.ProjectDir);
            if (projectDir is not null
                && !string.IsNullOrEmpty(tree.FilePath)
                && FindGenericFolder(tree.FilePath, projectDir, genericNames) is { } folder)
            {
                var first = root.GetFirstToken();
                var span = first.IsKind(SyntaxKind.None) ? new TextSpan(0, 0) : first.Span;
                context.ReportDiagnostic(Diagnostic.Create(
                    StandardsAnalyzerRules.GenericName, Location.Create(tree, span), "Folder", folder, nameList, helpLink));
            }

            if (root is CompilationUnitSyntax unit)
            {
                AnalyzeNamespaces(context, unit, genericNames, nameList, helpLink);
            }
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build because of the analyzer itself.
        }
    }

    private static void AnalyzeNamespaces(
        SyntaxTreeAnalysisContext context,
        CompilationUnitSyntax unit,
        ImmutableArray<string> genericNames,
        string nameList,
        string helpLink)
    {
        var pending = new Stack<MemberDeclarationSyntax>(unit.Members);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not BaseNamespaceDeclarationSyntax ns)
            {
                continue;
            }

            foreach (var node in ns.Name.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax { Identifier: var identifier }
                    && IsGeneric(identifier.ValueText, genericNames))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        StandardsAnalyzerRules.GenericName,
                        identifier.GetLocation(),
                        "Namespace segment",
                        identifier.ValueText,
                        nameList,
                        helpLink));
                }
            }

            foreach (var member in ns.Members)
            {
                pending.Push(member);
            }
        }
    }
}
