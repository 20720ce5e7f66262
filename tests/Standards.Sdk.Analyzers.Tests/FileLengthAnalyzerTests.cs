using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using static Standards.Sdk.Analyzers.Tests.Infrastructure.Sources;

namespace Standards.Sdk.Analyzers.Tests;

public class FileLengthAnalyzerTests
{
    private static IReadOnlyList<Diagnostic> Run(
        string source, Dictionary<string, string>? options = null, string path = AnalyzerRunner.DefaultPath) =>
        AnalyzerRunner.Run(source, options, path).WithId(CodeRuleIds.FileTooLong);

    [Fact]
    public void Long_file_reports_STD1004_at_line_1_column_1()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run(FileWithLines(620)),
            CodeRuleIds.FileTooLong,
            1,
            DiagnosticSeverity.Warning,
            "File 'Orders.cs' has 620 lines; the limit is 500.",
            "Split it into smaller files",
            "add an exception for this file to standards.json with the reason",
            AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1004.md");
        Assert.Equal(1, diagnostic.Column());
    }

    [Fact]
    public void Short_file_reports_nothing() => DiagnosticAssert.None(Run(FileWithLines(20)));

    [Fact]
    public void Exactly_at_limit_reports_nothing() => DiagnosticAssert.None(Run(FileWithLines(500)));

    [Fact]
    public void One_over_limit_reports_STD1004() =>
        DiagnosticAssert.Single(Run(FileWithLines(501)), CodeRuleIds.FileTooLong, 1, DiagnosticSeverity.Warning, "501 lines");

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("a\n\n", 2)]
    [InlineData("\n", 1)]
    public void Physical_lines_ignore_a_final_line_break(string text, int expected) =>
        Assert.Equal(expected, FileLengthAnalyzer.CountPhysicalLines(SourceText.From(text)));

    [Fact]
    public void Configured_limit_changes_the_result()
    {
        var options = Options((StandardsAnalyzerRules.FileLengthWarning.AnalyzerOption, "30"));

        DiagnosticAssert.None(Run(FileWithLines(30), options));
        DiagnosticAssert.Single(
            Run(FileWithLines(31), options), CodeRuleIds.FileTooLong, 1, DiagnosticSeverity.Warning, "31 lines; the limit is 30.");
        DiagnosticAssert.None(Run(FileWithLines(900), Options((StandardsAnalyzerRules.FileLengthWarning.AnalyzerOption, "1000"))));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("-500")]
    [InlineData(" ")]
    public void Invalid_limit_falls_back_to_the_default(string invalid)
    {
        var options = Options((StandardsAnalyzerRules.FileLengthWarning.AnalyzerOption, invalid));

        DiagnosticAssert.None(Run(FileWithLines(500), options));
        DiagnosticAssert.Single(Run(FileWithLines(501), options), CodeRuleIds.FileTooLong, 1, DiagnosticSeverity.Warning, "limit is 500.");
    }
}
