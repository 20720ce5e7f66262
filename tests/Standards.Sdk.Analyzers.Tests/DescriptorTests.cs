using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests;

public class DescriptorTests
{
    [Fact]
    public void Catalog_has_the_fixed_ids_titles_and_default_severities()
    {
        var expected = new (string Id, string Title, DiagnosticSeverity Severity)[]
        {
            ("STD0101", "Nullable reference types turned off", DiagnosticSeverity.Error),
            ("STD0103", "A locked rule silenced without an exception", DiagnosticSeverity.Error),
            ("STD1001", "Method is too long", DiagnosticSeverity.Warning),
            ("STD1002", "Method is far too long", DiagnosticSeverity.Error),
            ("STD1003", "Nesting is too deep", DiagnosticSeverity.Warning),
            ("STD1004", "File is too long", DiagnosticSeverity.Warning),
            ("STD1005", "Generic namespace or folder name", DiagnosticSeverity.Warning),
            ("STD1006", "TODO without owner and issue", DiagnosticSeverity.Warning),
        };

        Assert.Equal(
            expected,
            StandardsDescriptors.All.Select(d => (d.Id, d.Title.ToString(), d.DefaultSeverity)));
        Assert.All(StandardsDescriptors.All, d =>
        {
            Assert.Equal("Standards", d.Category);
            Assert.True(d.IsEnabledByDefault);
            // No descriptor link: the compiler would append it to every message, after our configurable one.
            Assert.Equal(string.Empty, d.HelpLinkUri);
            Assert.Contains("See {", d.MessageFormat.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void RuleIds_match_the_descriptors() =>
        Assert.Equal(
            [
                RuleIds.NullableTurnedOff,
                RuleIds.LockedRuleSilenced,
                RuleIds.MethodTooLong,
                RuleIds.MethodFarTooLong,
                RuleIds.NestingTooDeep,
                RuleIds.FileTooLong,
                RuleIds.GenericName,
                RuleIds.TodoWithoutOwnerAndIssue,
            ],
            StandardsDescriptors.All.Select(d => d.Id));

    [Fact]
    public void Analyzers_together_support_exactly_the_catalog()
    {
        var supported = AnalyzerRunner.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToList();

        Assert.Equal(StandardsDescriptors.All.Count, supported.Count);
        Assert.Equal(
            StandardsDescriptors.All.Select(d => d.Id).Order(StringComparer.Ordinal),
            supported.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(supported, d => Assert.Contains(d, StandardsDescriptors.All));
    }

    [Fact]
    public void Users_change_severity_through_diagnostic_options()
    {
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                [RuleIds.MethodTooLong] = ReportDiagnostic.Error,
                [RuleIds.TodoWithoutOwnerAndIssue] = ReportDiagnostic.Suppress,
            });

        var diagnostics = AnalyzerRunner.Run(
            [(AnalyzerRunner.DefaultPath, "// TODO: x\n" + Sources.MethodWithLines(60))],
            new TestOptionsProvider(),
            compilationOptions: compilationOptions);

        DiagnosticAssert.Single(diagnostics, RuleIds.MethodTooLong, 4, DiagnosticSeverity.Error, "60 lines");
    }
}
