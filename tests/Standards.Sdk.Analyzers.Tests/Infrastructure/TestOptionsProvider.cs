using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer config options as a dictionary; keys compare like Roslyn's (ignoring case).</summary>
internal sealed class TestConfigOptions(IReadOnlyDictionary<string, string>? values) : AnalyzerConfigOptions
{
    private readonly Dictionary<string, string> values = new(
        values ?? new Dictionary<string, string>(), KeyComparer);

    public static TestConfigOptions Empty { get; } = new(null);

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
        values.TryGetValue(key, out value);
}

/// <summary>
/// Options as the compiler would give them: global config for every file, .editorconfig options per file
/// (by file path).
/// </summary>
internal sealed class TestOptionsProvider(
    IReadOnlyDictionary<string, string>? global = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestConfigOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        perFile is not null && perFile.TryGetValue(tree.FilePath, out var values)
            ? new TestConfigOptions(values)
            : TestConfigOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestConfigOptions.Empty;
}
