using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Standards.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the analyzer assembly declares, found by reflection so that no test keeps a list of its own: every analyzer
/// and suppressor type (as the compiler loads them), every rule parameter of <see cref="StandardsAnalyzerRules"/>.
/// </summary>
internal static class Declared
{
    /// <summary>The analyzer assembly, as the compiler loads it from the package.</summary>
    public static Assembly AnalyzerAssembly { get; } = typeof(StandardsAnalyzerRules).Assembly;

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> type of the assembly, suppressors included.</summary>
    public static IReadOnlyList<Type> AnalyzerTypes { get; } =
        [.. AnalyzerAssembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>A new instance of every analyzer that reports diagnostics (not the suppressors).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        [.. AnalyzerTypes.Where(t => !typeof(DiagnosticSuppressor).IsAssignableFrom(t)).Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    /// <summary>A new instance of every suppressor.</summary>
    public static ImmutableArray<DiagnosticSuppressor> Suppressors() =>
        [.. AnalyzerTypes.Where(typeof(DiagnosticSuppressor).IsAssignableFrom).Select(t => (DiagnosticSuppressor)Activator.CreateInstance(t)!)];

    /// <summary>Every rule parameter declared in <see cref="StandardsAnalyzerRules"/>, with its field name.</summary>
    public static IReadOnlyList<(string Field, RuleParameter Parameter)> Parameters { get; } =
        [.. typeof(StandardsAnalyzerRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RuleParameter))
            .Select(f => (f.Name, (RuleParameter)f.GetValue(null)!))];

    /// <summary>Every STDnnnn id constant of the assembly (the *RuleIds classes), with its name.</summary>
    public static IReadOnlyList<(string Name, string Id)> IdConstants { get; } =
        [.. AnalyzerAssembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Id: (string)field.GetRawConstantValue()!)))
            .Where(constant => constant.Id.Length == 7 && constant.Id.StartsWith("STD", StringComparison.Ordinal) && constant.Id[3..].All(char.IsAsciiDigit))];
}
