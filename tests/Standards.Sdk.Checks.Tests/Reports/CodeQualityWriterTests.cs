using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Reports;

namespace Standards.Sdk.Checks.Tests.Reports;

/// <summary>The GitLab Code Quality report: the fields GitLab requires, severities, stable fingerprints, no baselined findings.</summary>
public class CodeQualityWriterTests
{
    private const string Help = "https://example.invalid/docs/rules/";

    [Fact]
    public void Each_new_finding_is_an_issue_with_the_fields_GitLab_requires()
    {
        ReportItem[] items =
        [
            new(new Finding("STD3014", Severity.Error, "ADR lacks ## Context.", "docs\\adr\\0002-x.md", 7), false),
            new(new Finding("STD3031", Severity.Warning, "No SECURITY.md.", "SECURITY.md"), false),
            new(new Finding("STD3032", Severity.Info, "Due for review.", "docs/a.md", 3, 5), false),
            new(new Finding("STD2001", Severity.Error, "Central package management is off."), false),
            new(new Finding("STD3001", Severity.Error, "No README.md.", "README.md"), true),
        ];

        using var doc = JsonDocument.Parse(CodeQualityWriter.Write(items, Help));
        var issues = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, issues.Count);
        var first = issues[0];
        Assert.Equal("STD3014", first.GetProperty("check_name").GetString());
        Assert.Equal($"ADR lacks ## Context. See {Help}STD3014.md", first.GetProperty("description").GetString());
        Assert.Equal("critical", first.GetProperty("severity").GetString());
        Assert.Equal("docs/adr/0002-x.md", first.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(7, first.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Matches("^[0-9a-f]{32}$", first.GetProperty("fingerprint").GetString());
        Assert.Equal(["critical", "major", "info", "critical"], issues.Select(i => i.GetProperty("severity").GetString()));
        Assert.Equal(1, issues[1].GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(CodeQualityWriter.RepositoryPath, issues[3].GetProperty("location").GetProperty("path").GetString());
        Assert.DoesNotContain(issues, i => i.GetProperty("check_name").GetString() == "STD3001");
        Assert.Equal(4, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void The_fingerprint_ignores_the_line_and_follows_code_file_and_message()
    {
        var a = CodeQualityWriter.Fingerprint("STD3014", "docs/a.md", "Lacks ## Context.");
        Assert.Equal(a, CodeQualityWriter.Fingerprint("STD3014", "docs/a.md", "Lacks ## Context."));
        Assert.NotEqual(a, CodeQualityWriter.Fingerprint("STD3015", "docs/a.md", "Lacks ## Context."));
        Assert.NotEqual(a, CodeQualityWriter.Fingerprint("STD3014", "docs/b.md", "Lacks ## Context."));
        Assert.NotEqual(a, CodeQualityWriter.Fingerprint("STD3014", "docs/a.md", "Lacks ## Decision."));
        var moved = CodeQualityWriter.Write([new(new Finding("STD3014", Severity.Error, "Lacks ## Context.", "docs/a.md", 9), false)], Help);
        Assert.Contains(a, moved, StringComparison.Ordinal);
    }

    [Fact]
    public void No_findings_is_an_empty_array() =>
        Assert.Equal("[]\n", CodeQualityWriter.Write([], Help));
}
