using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;
using static Standards.Sdk.Analyzers.Tests.Infrastructure.Sources;

namespace Standards.Sdk.Analyzers.Tests;

public class NestingDepthAnalyzerTests
{
    private static IReadOnlyList<Diagnostic> Run(string source, Dictionary<string, string>? options = null) =>
        AnalyzerRunner.Run(source, options).WithId(CodeRuleIds.NestingTooDeep);

    private static string InMethod(string body) =>
        "using System;\nusing System.Collections.Generic;\nclass C\n{\n    unsafe void M(bool a, int[] xs, object o)\n"
        + "    {\n" + body + "\n    }\n}\n";

    [Fact]
    public void Too_deep_nesting_reports_STD1003_at_the_first_too_deep_keyword()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run(NestedIfs(6)),
            CodeRuleIds.NestingTooDeep,
            9,
            DiagnosticSeverity.Warning,
            "Method 'M' nests control flow 6 levels deep; the limit is 4.",
            "guard clauses",
            "add an exception for this file to standards.json with the reason",
            AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1003.md");
        Assert.Equal(25, diagnostic.Column());
    }

    [Fact]
    public void Flat_method_reports_nothing() => DiagnosticAssert.None(Run(NestedIfs(1)));

    [Fact]
    public void Exactly_at_limit_reports_nothing() => DiagnosticAssert.None(Run(NestedIfs(4)));

    [Fact]
    public void One_over_limit_reports_STD1003() =>
        DiagnosticAssert.Single(Run(NestedIfs(5)), CodeRuleIds.NestingTooDeep, 9, DiagnosticSeverity.Warning, "5 levels");

    [Fact]
    public void Else_if_chain_does_not_add_depth()
    {
        var chain = string.Concat(Enumerable.Range(0, 10).Select(i => $" else if (xs[{i}] == {i}) {{ }}"));
        var source = InMethod(
            "        if (a) {\n            if (a) {\n                if (a) {\n                    if (xs[0] == 0) { }"
            + chain + " else { a = !a; }\n                }\n            }\n        }");

        DiagnosticAssert.None(Run(source));
    }

    [Fact]
    public void Else_block_nests_like_the_if_block()
    {
        var source = InMethod(
            "        if (a) { } else {\n            if (a) {\n                if (a) {\n                    if (a) {\n"
            + "                        if (a) { }\n                    }\n                }\n            }\n        }");

        DiagnosticAssert.Single(Run(source), CodeRuleIds.NestingTooDeep, 11, DiagnosticSeverity.Warning, "5 levels");
    }

    [Fact]
    public void Lambda_continues_the_depth_of_its_surroundings()
    {
        var source = InMethod(
            "        if (a) {\n            foreach (var x in xs) {\n                Action f = () => {\n"
            + "                    while (a) {\n                        if (x > 0) {\n"
            + "                            lock (o) { }\n                        }\n                    }\n"
            + "                };\n            }\n        }");

        DiagnosticAssert.Single(Run(source), CodeRuleIds.NestingTooDeep, 12, DiagnosticSeverity.Warning, "5 levels");
    }

    [Fact]
    public void Local_function_continues_the_depth_and_is_reported_once_for_the_member()
    {
        var source = InMethod(
            "        for (var i = 0; i < 1; i++) {\n            do {\n                void Local() {\n"
            + "                    switch (i) {\n                        case 0:\n"
            + "                            try { } catch { if (a) { } } finally { }\n"
            + "                            break;\n                    }\n                }\n"
            + "            } while (a);\n        }");

        DiagnosticAssert.Single(Run(source), CodeRuleIds.NestingTooDeep, 12, DiagnosticSeverity.Warning, "Method 'M'", "5 levels");
    }

    [Fact]
    public void Try_catch_finally_counts_one_level()
    {
        var source = InMethod(
            "        try {\n            if (a) { }\n        } catch (Exception) {\n            if (a) { }\n"
            + "        } finally {\n            if (a) { }\n        }");

        DiagnosticAssert.None(Run(source, Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "2"))));
        DiagnosticAssert.Single(
            Run(source, Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1"))),
            CodeRuleIds.NestingTooDeep,
            8,
            DiagnosticSeverity.Warning,
            "2 levels deep; the limit is 1.");
    }

    [Fact]
    public void Using_counts_only_with_a_block()
    {
        var withoutBlock = InMethod(
            "        using (var d = (IDisposable)o) if (a) { }\n        using var e = (IDisposable)o;\n        if (a) { }");
        var withBlock = InMethod("        using (var d = (IDisposable)o) {\n            if (a) { }\n        }");
        var limitOne = Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1"));

        DiagnosticAssert.None(Run(withoutBlock, limitOne));
        DiagnosticAssert.Single(Run(withBlock, limitOne), CodeRuleIds.NestingTooDeep, 8, DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("while (a) { INNER }")]
    [InlineData("do { INNER } while (a);")]
    [InlineData("for (;;) { INNER }")]
    [InlineData("foreach (var x in xs) { INNER }")]
    [InlineData("foreach (var (k, v) in new List<(int, int)>()) { INNER }")]
    [InlineData("switch (a) { default: INNER break; }")]
    [InlineData("lock (o) { INNER }")]
    [InlineData("fixed (int* p = xs) { INNER }")]
    [InlineData("checked { INNER }")]
    [InlineData("unchecked { INNER }")]
    [InlineData("unsafe { INNER }")]
    [InlineData("try { INNER } finally { }")]
    public void Every_nesting_statement_adds_a_level(string statement)
    {
        var source = InMethod("        " + statement.Replace("INNER", "if (a) { }", StringComparison.Ordinal));
        var limitOne = Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1"));

        DiagnosticAssert.Single(Run(source, limitOne), CodeRuleIds.NestingTooDeep, 7, DiagnosticSeverity.Warning, "2 levels");
    }

    [Fact]
    public void Plain_blocks_and_expressions_do_not_add_levels()
    {
        var source = InMethod("        {\n            {\n                var y = a ? 1 : 2;\n                if (a) { }\n            }\n        }");

        DiagnosticAssert.None(Run(source, Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1"))));
    }

    [Fact]
    public void Reported_once_per_member_with_the_deepest_level()
    {
        var source = InMethod(
            "        if (a) { if (a) { } }\n        if (a) { if (a) { if (a) { } } }");

        DiagnosticAssert.Single(
            Run(source, Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1"))),
            CodeRuleIds.NestingTooDeep,
            7,
            DiagnosticSeverity.Warning,
            "3 levels deep; the limit is 1.");
    }

    [Fact]
    public void Each_member_is_reported_separately()
    {
        var source = "class C\n{\n    void A(bool a) { if (a) { if (a) { } } }\n"
            + "    int P { get { if (true) { if (true) { } } return 1; } }\n}\n";

        var diagnostics = Run(source, Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "1")));

        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.Matches(diagnostics[0], CodeRuleIds.NestingTooDeep, 3, DiagnosticSeverity.Warning, "Method 'A'");
        DiagnosticAssert.Matches(diagnostics[1], CodeRuleIds.NestingTooDeep, 4, DiagnosticSeverity.Warning, "Accessor 'P.get'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("four")]
    public void Invalid_limit_falls_back_to_the_default(string invalid)
    {
        var options = Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, invalid));

        DiagnosticAssert.None(Run(NestedIfs(4), options));
        DiagnosticAssert.Single(Run(NestedIfs(5), options), CodeRuleIds.NestingTooDeep, 9, DiagnosticSeverity.Warning, "limit is 4.");
    }

    [Fact]
    public void Raised_limit_silences_deep_nesting() =>
        DiagnosticAssert.None(Run(NestedIfs(7), Options((StandardsAnalyzerRules.NestingDepthWarning.AnalyzerOption, "7"))));

    [Fact]
    public void Pathologically_deep_nesting_does_not_overflow()
    {
        var diagnostics = Run(NestedIfs(400));

        DiagnosticAssert.Single(diagnostics, CodeRuleIds.NestingTooDeep, 9, DiagnosticSeverity.Warning, "400 levels");
    }
}
