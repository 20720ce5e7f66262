using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Standards.Sdk.Analyzers.Baseline;

/// <summary>
/// Applies the code baseline (<c>standards-code-baseline.json</c>, an additional file the SDK adds when it exists):
/// a diagnostic is suppressed when an entry has its id, its repo-relative file and the hash of the text of the line
/// it starts on. Everything else is reported as usual, so a new finding fails the build. Suppressions show in the
/// SARIF log with their justification. A suppressor cannot suppress a compiler error (only warnings, also when
/// they are raised to errors): <c>dotnet standards adopt</c> names those instead of recording them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CodeBaselineSuppressor : DiagnosticSuppressor
{
    /// <summary>The MSBuild property (compiler-visible) naming the baseline file.</summary>
    internal const string BaselineFileProperty = "build_property.StandardsCodeBaselineFile";

    /// <summary>The MSBuild property (compiler-visible) naming the repo root that entry paths are relative to.</summary>
    internal const string RepoRootProperty = "build_property.StandardsRepoRoot";

    private static readonly ImmutableArray<SuppressionDescriptor> Descriptors = CodeBaselineFormat.AllSuppressibleIds
        .Select(id => new SuppressionDescriptor(
            "STDB" + id,
            id,
            $"Recorded in the Standards.Sdk code baseline ({CodeBaselineFormat.DefaultFileName}) when the repo adopted the standards."))
        .ToImmutableArray();

    private static readonly Dictionary<string, SuppressionDescriptor> DescriptorById =
        Descriptors.ToDictionary(d => d.SuppressedDiagnosticId, StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<SourceText, HashSet<string>> ParsedBaselines = new();

    /// <inheritdoc />
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => Descriptors;

    /// <inheritdoc />
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        try
        {
            Suppress(context);
        }
        catch (Exception ex) when (AnalyzerGuard.Swallow(ex))
        {
            // Never fail the build from here (AD0001); an unapplied baseline leaves the diagnostics reported.
        }
    }

    private static void Suppress(SuppressionAnalysisContext context)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        options.TryGetValue(BaselineFileProperty, out var configuredFile);
        var baseline = FindBaseline(context.Options.AdditionalFiles, configuredFile);
        if (baseline is null)
        {
            return;
        }

        var text = baseline.GetText(context.CancellationToken);
        if (text is null)
        {
            return;
        }

        // An entry past its expiry date suppresses nothing: its diagnostic is reported again (an error in CI).
        var keys = ParsedBaselines.GetValue(text, t => new HashSet<string>(
            CodeBaselineFormat.ReadEntries(t.ToString()).Where(e => !e.IsExpired(DateTime.UtcNow)).Select(e => Key(e.Id, e.File, e.Hash)),
            StringComparer.Ordinal));
        if (keys.Count == 0)
        {
            return;
        }

        var root = options.TryGetValue(RepoRootProperty, out var configuredRoot) && !string.IsNullOrWhiteSpace(configuredRoot)
            ? configuredRoot
            : Path.GetDirectoryName(baseline.Path) ?? string.Empty;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (DescriptorById.TryGetValue(diagnostic.Id, out var descriptor)
                && keys.Contains(KeyOf(diagnostic, root, context)))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }

    private static AdditionalText? FindBaseline(ImmutableArray<AdditionalText> files, string? configuredFile)
    {
        var configured = string.IsNullOrWhiteSpace(configuredFile) ? null : configuredFile!.Replace('\\', '/');
        return files.FirstOrDefault(f => configured is not null
            ? string.Equals(f.Path.Replace('\\', '/'), configured, StringComparison.Ordinal)
            : string.Equals(Path.GetFileName(f.Path), CodeBaselineFormat.DefaultFileName, StringComparison.Ordinal));
    }

    /// <summary>
    /// The entry key of a diagnostic: its id, repo-relative file and line hash ("" and "" without a location), at the
    /// place the build reports it and adopt records it: the mapped one. Code a generator wrote with #line directives
    /// (Razor's .razor and .cshtml components) is reported at the line of the file the directive names, so that file's
    /// line is hashed: the compilation's tree of that path, else the additional file of that path (Razor passes its
    /// files as additional files); the generated text's line never matches the entry. No text of the mapped file: no key.
    /// </summary>
    private static string KeyOf(Diagnostic diagnostic, string root, SuppressionAnalysisContext context)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource || location.SourceTree is null)
        {
            return Key(diagnostic.Id, string.Empty, string.Empty);
        }

        var mapped = location.GetMappedLineSpan();
        var path = mapped.HasMappedPath ? mapped.Path : location.SourceTree.FilePath;
        var file = CodeBaselineFormat.RelativePath(root, path);
        if (file is null)
        {
            return string.Empty;
        }

        var lineNumber = mapped.HasMappedPath ? mapped.StartLinePosition.Line : location.GetLineSpan().StartLinePosition.Line;
        var text = mapped.HasMappedPath ? TextOf(path, location.SourceTree, context) : location.SourceTree.GetText(context.CancellationToken);
        return text is null || lineNumber < 0 || lineNumber >= text.Lines.Count
            ? string.Empty
            : Key(diagnostic.Id, file, CodeBaselineFormat.HashLine(text.Lines[lineNumber].ToString()));
    }

    /// <summary>The text of the file a #line directive names: the reporting tree's own, another tree's, or an additional file's; null when none has that path.</summary>
    private static SourceText? TextOf(string path, SyntaxTree reporting, SuppressionAnalysisContext context)
    {
        var normalized = Normalize(path);
        var tree = Normalize(reporting.FilePath) == normalized
            ? reporting
            : context.Compilation.SyntaxTrees.FirstOrDefault(t => Normalize(t.FilePath) == normalized);
        if (tree is not null)
        {
            return tree.GetText(context.CancellationToken);
        }

        return context.Options.AdditionalFiles.FirstOrDefault(f => Normalize(f.Path) == normalized)?.GetText(context.CancellationToken);
    }

    private static string Normalize(string path) => CodeBaselineFormat.WithoutDotSegments((path ?? string.Empty).Replace('\\', '/'));

    private static string Key(string id, string file, string hash) => id + "\n" + file + "\n" + hash;
}
