using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Compiles sources in memory and runs the Standards analyzers over them.</summary>
internal static class AnalyzerRunner
{
    public const string DefaultPath = "/repo/src/Acme/Orders.cs";

    private static readonly MetadataReference[] References =
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)];

    static AnalyzerRunner() => AnalyzerGuard.Observer = SwallowedExceptions.Enqueue;

    /// <summary>Every exception an analyzer caught and dropped, from any test. Must stay empty.</summary>
    public static ConcurrentQueue<Exception> SwallowedExceptions { get; } = new();

    /// <summary>Every analyzer of the assembly that reports diagnostics, found by reflection (<see cref="Declared"/>).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() => Declared.Analyzers();

    /// <summary>Runs all analyzers over one source file; options are global-config values.</summary>
    public static IReadOnlyList<Diagnostic> Run(
        string source, IReadOnlyDictionary<string, string>? globalOptions = null, string path = DefaultPath) =>
        Run([(path, source)], new TestOptionsProvider(globalOptions));

    /// <summary>Runs the analyzers over several files with the given options; diagnostics sorted by position.</summary>
    public static IReadOnlyList<Diagnostic> Run(
        IEnumerable<(string Path, string Source)> files,
        AnalyzerConfigOptionsProvider options,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
        ConcurrentQueue<Exception>? analyzerExceptions = null,
        CSharpCompilationOptions? compilationOptions = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files
            .Select(f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, f.Path, Encoding.UTF8))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            "Tests",
            trees,
            References,
            compilationOptions ?? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? AllAnalyzers(),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], options),
                onAnalyzerException: (ex, _, _) => analyzerExceptions?.Enqueue(ex),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }
}
