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

    [Fact]
    public void An_entry_suppresses_through_its_expiry_date_and_not_after()
    {
        var baseline = Parse("""
            { "version": 1, "findings": [
              { "code": "STD3001", "file": "README.md", "message": "m", "reason": "Standards.Sdk 1.4.0 -> 1.5.0", "expires": "2027-03-31" },
              { "code": "STD3014", "file": "docs/adr/0002-x.md", "message": "m" } ] }
            """);
        Assert.Equal(("Standards.Sdk 1.4.0 -> 1.5.0", new DateOnly(2027, 3, 31)), (baseline.Entries[0].Reason, baseline.Entries[0].Expires));
        Assert.Equal((null, null), (baseline.Entries[1].Reason, baseline.Entries[1].Expires));

        var onTheDay = BaselineMatcher.Apply([Readme, Sections], baseline, new DateOnly(2027, 3, 31));
        Assert.Equal([Readme, Sections], onTheDay.Suppressed);
        Assert.Empty(onTheDay.Expired);

        var dayAfter = BaselineMatcher.Apply([Readme, Sections], baseline, new DateOnly(2027, 4, 1));
        Assert.Equal([Readme], dayAfter.New);
        Assert.Equal([Sections], dayAfter.Suppressed);
        Assert.Equal(("STD3001", 2), (Assert.Single(dayAfter.Expired).Code, dayAfter.Expired[0].Line));
        Assert.Empty(dayAfter.Stale);

        // An entry without a date (a file written before dates existed) never expires.
        Assert.Equal([Sections], BaselineMatcher.Apply([Sections], baseline, new DateOnly(2999, 1, 1)).Suppressed);
    }

    [Fact]
    public void Rewriting_keeps_the_reason_and_date_of_each_entry_that_still_matches()
    {
        var previous = Parse("""
            { "version": 1, "findings": [
              { "code": "STD3001", "file": "README.md", "message": "The repo has no README.md at its root. Add README.md.", "reason": "upgrade", "expires": "2027-03-31" } ] }
            """);
        var text = BaselineFile.Write([Readme, Sections], "/repo", previous);
        Assert.Contains("\"message\": \"The repo has no README.md at its root. Add README.md.\",\n      \"reason\": \"upgrade\",\n      \"expires\": \"2027-03-31\"", text, StringComparison.Ordinal);
        var written = Parse(text);
        Assert.Equal([("STD3001", "upgrade", (DateOnly?)new DateOnly(2027, 3, 31)), ("STD3014", null, null)], written.Entries.Select(e => (e.Code, e.Reason, e.Expires)));
        Assert.DoesNotContain("expires", BaselineFile.Write([Readme, Sections], "/repo"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"expires\": \"2027-02-30\"", "\"expires\" is '2027-02-30'; write the date as a string YYYY-MM-DD")]
    [InlineData("\"expires\": \"31/03/2027\"", "\"expires\" is '31/03/2027'; write the date as a string YYYY-MM-DD")]
    [InlineData("\"expires\": 20270331", "\"expires\" in a finding must be a string, not number. Write the date as a string YYYY-MM-DD")]
    [InlineData("\"reason\": 1", "\"reason\" in a finding must be a string, not number.")]
    public void A_malformed_date_or_reason_is_STD3901_at_its_line_and_the_entry_suppresses_nothing(string field, string message)
    {
        var text = "{\n  \"version\": 1,\n  \"findings\": [\n    { \"code\": \"STD3001\", \"file\": \"README.md\", \"message\": \"m\",\n      " + field + " }\n  ]\n}";
        var (baseline, problems) = BaselineFile.Parse("standards-baseline.json", text);
        var problem = Assert.Single(problems);
        Assert.Equal(("STD3901", "standards-baseline.json", 5), (problem.Code, problem.File, problem.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(baseline.Entries);
    }

    private static BaselineFile Parse(string text)
    {
        var (baseline, problems) = BaselineFile.Parse("standards-baseline.json", text);
        Assert.Empty(problems);
        return baseline;
    }
}

/// <summary>The code baseline's dated entries as the repository checks judge them.</summary>
public class CodeBaselineExpiryTests
{
    private const string Text = """
        {
          "version": 1,
          "diagnostics": [
            { "id": "CA1305", "file": "src/a.cs", "hash": "0000000000000001" },
            { "id": "STD1001", "file": "src/b.cs", "hash": "0000000000000002", "reason": "new under Standards.Sdk 1.5.0", "expires": "2027-03-31" },
            { "id": "CS8602", "file": "src/c.cs", "hash": "0000000000000003", "expires": "2027-3-31" }
          ]
        }
        """;

    [Fact]
    public void An_expired_entry_is_STD3051_naming_it_its_reason_and_date_and_a_bad_date_is_STD3901_at_its_line()
    {
        var onTheDay = CodeBaselineExpiry.Judge(Text, new DateOnly(2027, 3, 31));
        var bad = Assert.Single(onTheDay);
        Assert.Equal(("STD3901", "standards-code-baseline.json", 6, Severity.Error), (bad.Code, bad.File, bad.Line, bad.Severity));
        Assert.Contains("\"expires\" is '2027-3-31'; write the date as a string YYYY-MM-DD", bad.Message, StringComparison.Ordinal);

        var after = CodeBaselineExpiry.Judge(Text, new DateOnly(2027, 4, 1));
        var expired = Assert.Single(after, f => f.Code == "STD3051");
        Assert.Equal(("standards-code-baseline.json", 5), (expired.File, expired.Line));
        Assert.StartsWith("standards-code-baseline.json: the entry for STD1001 in src/b.cs, recorded for \"new under Standards.Sdk 1.5.0\", expired on 2027-03-31; the compiler no longer suppresses its finding.", expired.Message, StringComparison.Ordinal);
    }
}
