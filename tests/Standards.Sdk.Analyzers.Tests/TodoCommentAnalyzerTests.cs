using Microsoft.CodeAnalysis;
using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests;

public class TodoCommentAnalyzerTests
{
    private static IReadOnlyList<Diagnostic> Run(string source) =>
        AnalyzerRunner.Run(source).WithId(CodeRuleIds.TodoWithoutOwnerAndIssue);

    private static string InClass(string line) => "class C\n{\n    " + line + "\n    void M() { }\n}\n";

    [Fact]
    public void Plain_TODO_reports_STD1006_at_the_word()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run(InClass("// Refactor this. TODO: make it faster")),
            CodeRuleIds.TodoWithoutOwnerAndIssue,
            3,
            DiagnosticSeverity.Warning,
            "TODO comment has no owner and no issue.",
            "Write it as 'TODO(owner): what to do #123'",
            AnalyzerConfigKeys.DefaultHelpBaseUrl + "STD1006.md");
        Assert.Equal(23, diagnostic.Column());
    }

    [Theory]
    [InlineData("// TODO(alice): make it faster #123")]
    [InlineData("//TODO(alice):#1")]
    [InlineData("// TODO(bob.smith@corp.example): see https://github.com/org/repo/issues/42 for details")]
    [InlineData("// FIXME(team-x_1): handle nulls, tracked in org/repo#7")]
    [InlineData("// HACK(carol): works around #99 until the fix ships")]
    [InlineData("/* TODO(alice): this spans\n       two lines and is tracked in #77 */")]
    [InlineData("/// <summary>TODO(dave): document this, #5</summary>")]
    [InlineData("// TODO(erin): https://gitlab.example.com/group/proj/-/issues/314")]
    [InlineData("// todo: lowercase is not a marker")]
    [InlineData("// TODOS, HACKY and FIXMEs are not the marker words; neither is MASTODON or _TODO")]
    [InlineData("// TODO(a): first #1, then TODO(b): second #2")]
    [InlineData("string S = \"TODO: inside a string is not a comment\";")]
    [InlineData("#region TODO list of regions is not a comment")]
    public void Accepted_and_non_marker_comments_report_nothing(string line) =>
        DiagnosticAssert.None(Run(InClass(line + (line.StartsWith("#region", StringComparison.Ordinal) ? "\n#endregion" : string.Empty))));

    [Theory]
    [InlineData("// TODO fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO: fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO (alice): fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO: fix it", "has no owner and no issue")]
    [InlineData("// TODO(): fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO(alice) fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO(ali ce): fix #12", "has no owner in the form (owner):")]
    [InlineData("// TODO(alice): fix it later", "has no issue reference")]
    [InlineData("// TODO(alice): fix # 12", "has no issue reference")]
    [InlineData("// TODO(alice): see https://example.com/issues/abc", "has no issue reference")]
    [InlineData("// FIXME: crashes on empty input", "FIXME comment has no owner")]
    [InlineData("/* HACK */", "HACK comment has no owner")]
    [InlineData("/// <summary>TODO: document</summary>", "TODO comment has no owner")]
    [InlineData("/** TODO(alice): no issue here */", "has no issue reference")]
    public void Malformed_markers_report_STD1006(string line, string fragment) =>
        DiagnosticAssert.Single(Run(InClass(line)), CodeRuleIds.TodoWithoutOwnerAndIssue, 3, DiagnosticSeverity.Warning, fragment);

    [Fact]
    public void Issue_on_the_next_single_line_comment_does_not_count() =>
        DiagnosticAssert.Single(
            Run(InClass("// TODO(alice): fix this\n    // tracked in #12")),
            CodeRuleIds.TodoWithoutOwnerAndIssue,
            3,
            DiagnosticSeverity.Warning,
            "has no issue reference");

    [Fact]
    public void Issue_of_a_later_marker_does_not_count_for_an_earlier_one()
    {
        var diagnostic = DiagnosticAssert.Single(
            Run(InClass("// TODO(alice): first, then TODO(bob): second #2")),
            CodeRuleIds.TodoWithoutOwnerAndIssue,
            3,
            DiagnosticSeverity.Warning,
            "has no issue reference");
        Assert.Equal(8, diagnostic.Column());
    }

    [Fact]
    public void Every_malformed_marker_is_reported()
    {
        var source = "// TODO: one\nclass C\n{\n    /* FIXME two */\n    void M()\n    {\n        // HACK three\n    }\n}\n";

        var diagnostics = Run(source);

        Assert.Equal([1, 4, 7], diagnostics.Select(d => d.Line()));
        Assert.Equal(["TODO", "FIXME", "HACK"], diagnostics.Select(d => d.GetMessage().Split(' ')[0]));
    }

    [Fact]
    public void Comment_after_a_directive_is_checked() =>
        DiagnosticAssert.Single(
            Run("class C\n{\n#if DEBUG // TODO: remove\n    void M() { }\n#endif\n}\n"),
            CodeRuleIds.TodoWithoutOwnerAndIssue,
            3,
            DiagnosticSeverity.Warning,
            "has no owner and no issue");

    [Fact]
    public void Comments_in_disabled_code_are_not_checked() =>
        DiagnosticAssert.None(Run("class C\n{\n#if NEVER_DEFINED\n    // TODO: hidden\n#endif\n}\n"));
}
