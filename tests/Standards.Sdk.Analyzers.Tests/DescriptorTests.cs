using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests;

/// <summary>
/// Each rule is declared once (StandardsAnalyzerRules.cs) and the analyzers are found by reflection, as the compiler
/// finds them: these tests fail when a declaration has no analyzer, an analyzer reports an undeclared descriptor, or
/// the compiler could not load an analyzer. Ids, titles and severities are not repeated here: their stability is
/// what release tracking guards (AnalyzerReleases.*.md, RS2000-RS2008), and the catalog tests compare them with
/// the rule catalog, the pages, the schema and the index.
/// </summary>
public class DescriptorTests
{
    [Fact]
    public void The_analyzer_assembly_has_analyzers_and_the_code_baseline_suppressor()
    {
        // Guards the reflection itself: a discovery that finds nothing would make every test below pass.
        Assert.Contains(typeof(MethodLengthAnalyzer), Declared.AnalyzerTypes);
        Assert.Contains(typeof(Standards.Sdk.Analyzers.Baseline.CodeBaselineSuppressor), Declared.AnalyzerTypes);
        Assert.True(Declared.Analyzers().Length >= 6);
        Assert.Single(Declared.Suppressors());
    }

    [Fact]
    public void Every_analyzer_type_is_one_the_compiler_loads()
    {
        // The compiler instantiates public types with [DiagnosticAnalyzer] and a public parameterless constructor;
        // any other DiagnosticAnalyzer in the assembly would be silently skipped with its rules.
        var problems = Declared.AnalyzerTypes
            .Where(t => !t.IsPublic
                || t.GetConstructor(Type.EmptyTypes) is null
                || t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } attribute
                || !attribute.Languages.Contains(LanguageNames.CSharp))
            .Select(t => t.FullName);
        Assert.Empty(problems);
    }

    [Fact]
    public void Analyzers_together_report_exactly_the_declared_rules_each_in_one_analyzer()
    {
        var supported = Declared.Analyzers()
            .SelectMany(a => a.SupportedDiagnostics.Select(d => (Analyzer: a.GetType().Name, Descriptor: d)))
            .ToList();

        Assert.Equal(
            StandardsAnalyzerRules.All.Select(d => d.Id),
            supported.Select(s => s.Descriptor.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(supported.GroupBy(s => s.Descriptor.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Analyzer))}"));
        Assert.All(supported, s => Assert.Same(StandardsAnalyzerRules.All.Single(d => d.Id == s.Descriptor.Id), s.Descriptor));
    }

    [Fact]
    public void Every_id_constant_of_the_analyzers_has_its_declaration_and_each_declaration_one_constant()
    {
        Assert.Equal(
            StandardsAnalyzerRules.All.Select(d => d.Id),
            Declared.IdConstants.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Declarations_have_the_shape_the_messages_need()
    {
        Assert.NotEmpty(StandardsAnalyzerRules.All);
        Assert.All(StandardsAnalyzerRules.All, d =>
        {
            Assert.Matches("^STD[0-9]{4}$", d.Id);
            Assert.Equal(StandardsAnalyzerRules.Category, d.Category);
            Assert.True(d.IsEnabledByDefault);
            Assert.True(d.DefaultSeverity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error, d.Id);

            // No descriptor link: the compiler would append it to every message, after our configurable one.
            Assert.Equal(string.Empty, d.HelpLinkUri);

            // The last argument is the help link, and the message ends with it.
            var message = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var last = Regex.Matches(message, @"\{([0-9]+)\}").Max(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith($"See {{{last}}}", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_rule_parameter_has_its_own_key_and_a_valid_default()
    {
        Assert.NotEmpty(Declared.Parameters);
        Assert.Equal(Declared.Parameters.Count, Declared.Parameters.Select(p => p.Parameter.AnalyzerOption).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Declared.Parameters, p =>
        {
            Assert.StartsWith("standards.", p.Parameter.AnalyzerOption, StringComparison.Ordinal);
            Assert.True(p.Parameter.IsList ? p.Parameter.Default.Length > 0 : p.Parameter.DefaultNumber > 0, p.Field);
        });
    }

    [Fact]
    public void A_declared_rule_is_a_descriptor_with_the_declared_values()
    {
        // The guide's first step (docs/contributing.md, "Adding a rule"), for a sample rule no analyzer reports.
        var sample = StandardsAnalyzerRules.Declare(
            id: "STD1098",
            title: "Sample rule",
            messageFormat: "'{0}' is a sample. See {1}",
            category: StandardsAnalyzerRules.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A rule declared by a test.",
            profile: "method-length",
            parameters: [StandardsAnalyzerRules.Number("maxThings", 7, "Most things allowed.", "standards.sample.max_things")]);

        Assert.Equal(("STD1098", "Sample rule", "Standards", DiagnosticSeverity.Warning, true, string.Empty),
            (sample.Id, sample.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), sample.Category, sample.DefaultSeverity, sample.IsEnabledByDefault, sample.HelpLinkUri));
    }

    [Fact]
    public void Users_change_severity_through_diagnostic_options()
    {
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                [CodeRuleIds.MethodTooLong] = ReportDiagnostic.Error,
                [CodeRuleIds.TodoWithoutOwnerAndIssue] = ReportDiagnostic.Suppress,
            });

        var diagnostics = AnalyzerRunner.Run(
            [(AnalyzerRunner.DefaultPath, "// TODO: x\n" + Sources.MethodWithLines(60))],
            new TestOptionsProvider(),
            compilationOptions: compilationOptions);

        DiagnosticAssert.Single(diagnostics, CodeRuleIds.MethodTooLong, 4, DiagnosticSeverity.Error, "60 lines");
    }
}
