using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using static Standards.Sdk.Analyzers.Tests.Infrastructure.Sources;

namespace Standards.Sdk.Analyzers.Tests;

public class MethodLengthAnalyzerTests
{
    private const string DefaultHelp = AnalyzerConfigKeys.DefaultHelpBaseUrl;

    [Fact]
    public void Method_over_warning_limit_reports_STD1001_at_name()
    {
        var diagnostics = AnalyzerRunner.Run(MethodWithLines(63));

        var diagnostic = DiagnosticAssert.Single(
            diagnostics,
            CodeRuleIds.MethodTooLong,
            3,
            DiagnosticSeverity.Warning,
            "Method 'M' has 63 lines; the limit is 50.",
            "Split it into smaller methods",
            "add an exception for this file to standards.json with the reason",
            "See " + DefaultHelp + "STD1001.md");
        Assert.Equal(9, diagnostic.Column());
    }

    [Fact]
    public void Short_method_reports_nothing() => DiagnosticAssert.None(AnalyzerRunner.Run(MethodWithLines(10)));

    [Fact]
    public void Exactly_at_warning_limit_reports_nothing() =>
        DiagnosticAssert.None(AnalyzerRunner.Run(MethodWithLines(50)));

    [Fact]
    public void One_over_warning_limit_reports_STD1001() =>
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(51)), CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "51 lines");

    [Fact]
    public void Exactly_at_error_limit_reports_only_STD1001() =>
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(100)), CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "100 lines");

    [Fact]
    public void Over_error_limit_reports_STD1002_and_not_STD1001() =>
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(101)),
            CodeRuleIds.MethodFarTooLong,
            3,
            DiagnosticSeverity.Error,
            "Method 'M' has 101 lines; the error limit is 100.",
            "add an exception for this file to standards.json with the reason",
            DefaultHelp + "STD1002.md");

    [Fact]
    public void Blank_and_comment_only_lines_are_not_counted() =>
        DiagnosticAssert.None(AnalyzerRunner.Run(MethodWithLines(50, blankAndCommentLinesEach: 4)));

    [Fact]
    public void Multi_line_comments_are_not_counted_but_code_sharing_their_line_is()
    {
        var lines = string.Concat(Enumerable.Range(0, 49).Select(i => $"        x += {i};\n"));
        var source =
            "class C\n{\n    int M()\n    {\n        var x = 0;\n"
            + "        /* a comment\n           over three\n           lines */\n"
            + lines
            + "    }\n}\n";
        DiagnosticAssert.None(AnalyzerRunner.Run(source));

        var sharedLine = source.Replace("           lines */\n", "           lines */ x++;\n", StringComparison.Ordinal);
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(sharedLine), CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "51 lines");
    }

    [Fact]
    public void Verbatim_string_counts_every_line_it_spans()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"line {i}\n"));
        var source = "class C\n{\n    string M()\n    {\n        return @\"" + text + "\";\n    }\n}\n";

        DiagnosticAssert.Single(
            AnalyzerRunner.Run(source), CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "51 lines");
    }

    [Fact]
    public void Expression_bodied_member_counts_the_expression_lines()
    {
        var terms = string.Join("\n", Enumerable.Range(0, 51).Select(i => $"        + {i}"));
        var source = "class C\n{\n    int M() =>\n        0\n" + terms + ";\n}\n";

        DiagnosticAssert.Single(
            AnalyzerRunner.Run(source), CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "52 lines");
    }

    [Theory]
    [InlineData("public C()", "Constructor 'C'")]
    [InlineData("~C()", "Finalizer '~C'")]
    [InlineData("public static C operator +(C a, C b)", "Operator 'operator +'")]
    [InlineData("public static implicit operator int(C c)", "Conversion operator 'implicit operator int'")]
    [InlineData("private void Local() { void Inner()", "Local function 'Inner'")]
    public void Other_member_kinds_are_measured(string header, string expectedName)
    {
        var body = string.Concat(Enumerable.Range(0, 51).Select(i => $"        System.Console.WriteLine({i});\n"));
        var isLocal = header.Contains("Inner", StringComparison.Ordinal);
        var source = "class C\n{\n    " + header + "\n    {\n" + body + "    }\n" + (isLocal ? "}\n" : string.Empty)
            + "}\n";

        var diagnostics = AnalyzerRunner.Run(source).WithId(CodeRuleIds.MethodTooLong);

        // A local function is also part of its enclosing method, which is then long too.
        var diagnostic = isLocal ? diagnostics.Single(d => d.GetMessage().Contains("Inner", StringComparison.Ordinal))
            : Assert.Single(diagnostics);
        DiagnosticAssert.Matches(diagnostic, CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, expectedName);
    }

    [Fact]
    public void Accessor_is_measured_and_reported_at_its_keyword()
    {
        var body = string.Concat(Enumerable.Range(0, 51).Select(i => $"            System.Console.WriteLine({i});\n"));
        var source = "class C\n{\n    int P\n    {\n        get\n        {\n" + body
            + "            return 1;\n        }\n        set { }\n    }\n}\n";

        var diagnostic = DiagnosticAssert.Single(
            AnalyzerRunner.Run(source), CodeRuleIds.MethodTooLong, 5, DiagnosticSeverity.Warning, "Accessor 'P.get' has 52");
        Assert.Equal(9, diagnostic.Column());
    }

    [Fact]
    public void Configured_limits_change_the_result()
    {
        var options = Options(
            (StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, "10"), (StandardsAnalyzerRules.MethodLengthError.AnalyzerOption, "20"));

        DiagnosticAssert.None(AnalyzerRunner.Run(MethodWithLines(10), options));
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(11), options),
            CodeRuleIds.MethodTooLong,
            3,
            DiagnosticSeverity.Warning,
            "has 11 lines; the limit is 10.");
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(21), options),
            CodeRuleIds.MethodFarTooLong,
            3,
            DiagnosticSeverity.Error,
            "has 21 lines; the error limit is 20.");
    }

    [Fact]
    public void Raised_limit_silences_a_long_method() =>
        DiagnosticAssert.None(AnalyzerRunner.Run(
            MethodWithLines(80), Options((StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, "80"))));

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("12.5")]
    [InlineData("99999999999999")]
    public void Invalid_limits_fall_back_to_the_defaults(string invalid)
    {
        var options = Options(
            (StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, invalid), (StandardsAnalyzerRules.MethodLengthError.AnalyzerOption, invalid));

        DiagnosticAssert.None(AnalyzerRunner.Run(MethodWithLines(50), options));
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(51), options),
            CodeRuleIds.MethodTooLong,
            3,
            DiagnosticSeverity.Warning,
            "the limit is 50.");
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(101), options),
            CodeRuleIds.MethodFarTooLong,
            3,
            DiagnosticSeverity.Error,
            "the error limit is 100.");
    }

    [Fact]
    public void Error_limit_below_warning_limit_still_reports_only_STD1002()
    {
        var options = Options(
            (StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, "30"), (StandardsAnalyzerRules.MethodLengthError.AnalyzerOption, "20"));

        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(25), options), CodeRuleIds.MethodFarTooLong, 3, DiagnosticSeverity.Error);
    }

    [Fact]
    public void Method_without_body_reports_nothing() =>
        DiagnosticAssert.None(AnalyzerRunner.Run("abstract class C\n{\n    public abstract void M();\n}\n"));
}
