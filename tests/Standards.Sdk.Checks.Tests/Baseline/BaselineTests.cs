using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Tests.Baseline;

/// <summary>The adoption baseline file: format, matching, shrinking, malformed input.</summary>
public class BaselineTests
{
    private static readonly Finding Readme = new("STD3001", Severity.Error, "The repo has no README.md at its root. Add README.md.", "README.md");
    private static readonly Finding Sections = new("STD3014", Severity.Error, "docs/adr/0002-x.md lacks the section ## Consequences. Add it.", "docs/adr/0002-x.md", 1);
    private static readonly Finding Owner = new("STD3021", Severity.Error, "docs/runbooks/a.md names no owner. Add 'Owner: @team'.", "docs/runbooks/a.md", 1);

    [Fact]
    public void Written_file_round_trips_sorted_and_deterministic()
    {
        var text = BaselineFile.Write([Sections, Readme, Owner], "/repo");
        Assert.Equal(text, BaselineFile.Write([Owner, Readme, Sections], "/repo"));
        var (baseline, problems) = BaselineFile.Parse("standards-baseline.json", text);
        Assert.Empty(problems);
        Assert.Equal(["STD3001", "STD3014", "STD3021"], baseline.Entries.Select(e => e.Code));
        Assert.Equal(["README.md", "docs/adr/0002-x.md", "docs/runbooks/a.md"], baseline.Entries.Select(e => e.File));
        Assert.All(baseline.Entries, e => Assert.True(e.Line > 0));
        Assert.Contains("dotnet build -p:StandardsUpdateBaseline=true", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Contains("<StandardsProjectKind>", BaselineFile.Write([Readme with { Message = "set <StandardsProjectKind>" }], "/repo"), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_keeps_only_baselinable_findings_and_no_machine_path()
    {
        var text = BaselineFile.Write(
        [
            Readme with { Message = "/home/dev/repo/README.md is missing; see /home/dev/repo/docs." },
            new Finding("STD0002", Severity.Error, "bad standards.json", "standards.json", 3),
            new Finding("STD3902", Severity.Warning, "stale", "standards-baseline.json", 4),
            new Finding("STD3032", Severity.Info, "info only", "docs/a.md", 2),
        ], "/home/dev/repo");
        var (baseline, _) = BaselineFile.Parse("b.json", text);
        var entry = Assert.Single(baseline.Entries);
        Assert.Equal("README.md is missing; see docs.", entry.Message);
        Assert.DoesNotContain("/home/dev", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Baselined_findings_are_suppressed_new_ones_are_not()
    {
        var baseline = Parse(BaselineFile.Write([Readme, Sections], "/repo"));
        var result = BaselineMatcher.Apply([Readme, Sections, Owner], baseline);
        Assert.Equal([Owner], result.New);
        Assert.Equal([Readme, Sections], result.Suppressed);
        Assert.Empty(result.Stale);
    }

    [Fact]
    public void Fixed_findings_leave_stale_entries_with_their_line()
    {
        var baseline = Parse(BaselineFile.Write([Readme, Sections], "/repo"));
        var result = BaselineMatcher.Apply([Sections], baseline);
        var stale = Assert.Single(result.Stale);
        Assert.Equal(("STD3001", "README.md"), (stale.Code, stale.File));
        Assert.True(stale.Line > 1);
    }

    [Fact]
    public void Matching_ignores_lines_and_numbers_but_never_covers_more_than_listed()
    {
        var baseline = Parse(BaselineFile.Write([Sections], "/repo"));

        // The same finding on another line, with another number in its message: still baselined.
        var moved = Sections with { Line = 40, Message = Sections.Message.Replace("0002", "0003", StringComparison.Ordinal) };
        Assert.Equal([moved], BaselineMatcher.Apply([moved], baseline).Suppressed);

        // Reworded message, same code and file: still baselined (second pass).
        var reworded = Sections with { Message = "Different words." };
        Assert.Equal([reworded], BaselineMatcher.Apply([reworded], baseline).Suppressed);

        // Two findings of the same rule in the file, one entry: the second is new.
        var second = Sections with { Message = "docs/adr/0002-x.md lacks the section ## Context. Add it." };
        var result = BaselineMatcher.Apply([second, Sections], baseline);
        Assert.Equal([second], result.New);
        Assert.Equal([Sections], result.Suppressed);

        // Same message in another file: new.
        var elsewhere = Sections with { File = "docs/adr/0005-y.md" };
        Assert.Equal([elsewhere], BaselineMatcher.Apply([elsewhere], baseline).New);
    }

    [Fact]
    public void Configuration_errors_and_infos_are_never_baselined()
    {
        var config = new Finding("STD0002", Severity.Error, "bad", "standards.json", 2);
        var baseline = new BaselineFile([new BaselineEntry("STD0002", "standards.json", "bad")]);
        var result = BaselineMatcher.Apply([config], baseline);
        Assert.Equal([config], result.New);
        Assert.Single(result.Stale);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("[]", 1)]
    [InlineData("{ \"version\": 1 }", 1)]
    [InlineData("{ \"findings\": [] }", 1)]
    [InlineData("{ \"version\": 2, \"findings\": [] }", 1)]
    [InlineData("{ \"version\": \"1\", \"findings\": {} }", 1)]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"code\": \"STD3001\", \"file\": \"README.md\" }\n  ]\n}", 4)]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    42,\n    { \"code\": \"\", \"file\": 1, \"message\": \"m\" }\n  ]\n}", 4)]
    [InlineData("{\n  \"version\": 1,\n  \"extra\": true,\n  \"findings\": []\n}", 3)]
    [InlineData("{\n  \"version\": 1,\n  \"findings\": [\n    { \"code\": \"STD3001\", \"file\": \"README.md\", \"message\": \"m\", \"line\": 3 }\n  ]\n}", 4)]
    [InlineData("{ \"version\": 1, \"findings\": [ }", 1)]
    public void Malformed_baseline_is_STD3901_at_the_line(string text, int firstLine)
    {
        var (_, problems) = BaselineFile.Parse("standards-baseline.json", text);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(("STD3901", "standards-baseline.json", Severity.Error), (p.Code, p.File, p.Severity)));
        Assert.Equal(firstLine, problems.Min(p => p.Line));
        Assert.All(problems, p => Assert.Contains("dotnet build -p:StandardsUpdateBaseline=true", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_entries_of_a_partly_malformed_baseline_still_count()
    {
        const string text = "{ \"version\": 1, \"findings\": [ 1, { \"code\": \"STD3001\", \"file\": \"README.md\", \"message\": \"m\" } ] }";
        var (baseline, problems) = BaselineFile.Parse("b.json", text);
        Assert.Single(problems);
        Assert.Single(baseline.Entries);
    }

    private static BaselineFile Parse(string text)
    {
        var (baseline, problems) = BaselineFile.Parse("standards-baseline.json", text);
        Assert.Empty(problems);
        return baseline;
    }
}
