using Microsoft.CodeAnalysis;

namespace Standards.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Exact assertions on analyzer results.</summary>
internal static class DiagnosticAssert
{
    /// <summary>1-based line of the diagnostic's start.</summary>
    public static int Line(this Diagnostic diagnostic) =>
        diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>1-based column of the diagnostic's start.</summary>
    public static int Column(this Diagnostic diagnostic) =>
        diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1;

    /// <summary>Exactly one diagnostic, with this id, line, severity and message fragment(s).</summary>
    public static Diagnostic Single(
        IReadOnlyList<Diagnostic> diagnostics,
        string id,
        int line,
        DiagnosticSeverity severity,
        params string[] messageFragments)
    {
        var diagnostic = Assert.Single(diagnostics);
        Matches(diagnostic, id, line, severity, messageFragments);
        return diagnostic;
    }

    public static void Matches(
        Diagnostic diagnostic, string id, int line, DiagnosticSeverity severity, params string[] messageFragments)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(line, diagnostic.Line());
        Assert.Equal(severity, diagnostic.Severity);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var fragment in messageFragments)
        {
            Assert.Contains(fragment, message, StringComparison.Ordinal);
        }
    }

    public static void None(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.True(diagnostics.Count == 0, "Expected no diagnostics, got:\n" + string.Join("\n", diagnostics));

    public static IReadOnlyList<Diagnostic> WithId(this IReadOnlyList<Diagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id).ToList();
}
