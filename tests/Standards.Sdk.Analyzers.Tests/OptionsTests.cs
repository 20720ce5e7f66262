using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using static Standards.Sdk.Analyzers.Tests.Infrastructure.Sources;

namespace Standards.Sdk.Analyzers.Tests;

public class OptionsTests
{
    private const string PathA = "/repo/src/Acme/A.cs";
    private const string PathB = "/repo/src/Acme/B.cs";

    [Fact]
    public void Per_file_options_win_over_the_global_config()
    {
        var provider = new TestOptionsProvider(
            Options((StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, "30")),
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [PathA] = Options((StandardsAnalyzerRules.MethodLengthWarning.AnalyzerOption, "40")),
            });

        var diagnostics = AnalyzerRunner.Run([(PathA, MethodWithLines(35)), (PathB, MethodWithLines(35))], provider);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(PathB, diagnostic.Location.SourceTree?.FilePath);
        DiagnosticAssert.Matches(diagnostic, CodeRuleIds.MethodTooLong, 3, DiagnosticSeverity.Warning, "the limit is 30.");
    }

    [Fact]
    public void Invalid_per_file_value_falls_back_to_the_global_config()
    {
        var provider = new TestOptionsProvider(
            Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "2")),
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [PathA] = Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "unset")),
            });

        var diagnostic = Assert.Single(AnalyzerRunner.Run([(PathA, NestedIfs(3))], provider));

        DiagnosticAssert.Matches(diagnostic, CodeRuleIds.NestingTooDeep, 7, DiagnosticSeverity.Warning, "the limit is 2.");
    }

    [Fact]
    public void Option_values_are_trimmed_and_keys_ignore_case() =>
        DiagnosticAssert.Single(
            AnalyzerRunner.Run(MethodWithLines(12), Options(("Standards.Method_Length.Warning", " 11 "))),
            CodeRuleIds.MethodTooLong,
            3,
            DiagnosticSeverity.Warning,
            "the limit is 11.");

    [Theory]
    [InlineData("https://docs.example.com/rules/", "https://docs.example.com/rules/STD1001.md")]
    [InlineData("https://docs.example.com/rules", "https://docs.example.com/rules/STD1001.md")]
    [InlineData("not a url", AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1001.md")]
    [InlineData("", AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1001.md")]
    public void Help_link_uses_the_configured_base_url(string baseUrl, string expectedLink)
    {
        var diagnostic = Assert.Single(
            AnalyzerRunner.Run(MethodWithLines(51), Options((AnalyzerConfigKeys.HelpBaseUrl, baseUrl))));

        Assert.EndsWith("See " + expectedLink, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_link_applies_to_every_rule()
    {
        var source = "// TODO: x\nnamespace Acme.Utils;\n" + NestedIfs(5) + MethodWithLines(60).Replace("class C", "class D", StringComparison.Ordinal);
        var options = Options(
            (AnalyzerConfigKeys.HelpBaseUrl, "https://docs.example.com/r/"), (StandardsAnalyzerRules.FileLengthWarning.AnalyzerOption, "5"));

        var diagnostics = AnalyzerRunner.Run(source, options);

        Assert.Equal(
            ["STD1001", "STD1003", "STD1004", "STD1005", "STD1006"],
            diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d =>
            Assert.EndsWith("See https://docs.example.com/r/" + d.Id + ".md", d.GetMessage(), StringComparison.Ordinal));
    }
}
