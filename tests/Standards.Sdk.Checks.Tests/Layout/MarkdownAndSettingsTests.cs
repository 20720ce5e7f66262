using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>The markdown reader the layout rules use, and the "layout" section of standards.json.</summary>
public class MarkdownAndSettingsTests
{
    [Fact]
    public void Headings_fields_and_links_carry_lines()
    {
        const string text = "---\nstatus: accepted\n---\n# Title #\n\n**Status**: Superseded by [ADR-0002](0002-x.md \"new\")\n\n```\n## Not a heading\nDate: 2020-01-01\n```\n\n##  Context  ##\n- **Owner**: @team\n[ref]: <docs/a.md>\n";
        var doc = MarkdownDocument.Parse(text);
        Assert.Equal([(1, "Title", 4), (2, "Context", 13)], doc.Headings.Select(h => (h.Level, h.Text, h.Line)));
        Assert.Equal(("accepted", 2), (doc.Field("Status")!.Value, doc.Field("Status")!.Line));
        Assert.Null(doc.Field("Date"));
        Assert.Equal("@team", doc.Field("owner")!.Value);
        Assert.Equal([("0002-x.md", 6), ("docs/a.md", 15)], doc.Links.Select(l => (l.Target, l.Line)));
        Assert.True(doc.HasSection("context"));
        Assert.Equal(4, doc.TitleLine);
    }

    [Fact]
    public void Unclosed_fence_hides_the_rest() =>
        Assert.Empty(MarkdownDocument.Parse("# T\n~~~\n## Context\n```\n## Decision\n").Headings.Skip(1));

    [Theory]
    [InlineData("""{ "layout": [] }""", 1)]
    [InlineData("""{ "layout": { "requiredPaths": "LICENSE" } }""", 1)]
    [InlineData("""{ "layout": { "requiredPaths": ["", 3, null, "/etc/passwd", "../x", "docs/*.md"] } }""", 6)]
    [InlineData("""{ "layout": { "criticalProjects": [true] } }""", 1)]
    [InlineData("""{ "layout": { "adrFolder": "docs/decisions" } }""", 1)]
    public void Bad_layout_section_is_STD0002_per_problem(string json, int count)
    {
        var findings = new List<Finding>();
        LayoutSettings.Read(FakeRepo.Policy(json), findings);
        Assert.Equal(count, findings.Count);
        Assert.All(findings, f => Assert.Equal(("STD0002", "standards.json", 1), (f.Code, f.File, f.Line)));
    }

    [Fact]
    public void Layout_section_problems_name_their_line()
    {
        const string json = "{\n  \"layout\": {\n    \"requiredPaths\": [\n      \"LICENSE\",\n      42\n    ],\n    \"nope\": 1\n  }\n}";
        var findings = new List<Finding>();
        var settings = LayoutSettings.Read(FakeRepo.Policy(json), findings);
        Assert.Equal([5, 7], findings.Select(f => f.Line).Order());
        Assert.Equal(["LICENSE"], settings.RequiredPaths.Select(p => p.Value));
    }

    [Theory]
    [InlineData("""{ "layout": { "projectsWithoutStandardsSdk": "yes" } }""", "\"projectsWithoutStandardsSdk\" in 'layout' of standards.json is 'yes'; it must be one of: ignore, check. \"ignore\" is the default. See the schema in the Standards.Sdk package (schema/standards.schema.json).")]
    [InlineData("""{ "layout": { "testsFolder": 3 } }""", "\"testsFolder\" in 'layout' of standards.json must be a string, not number. Write the name of a folder at the repo root, such as \"test\". See the schema in the Standards.Sdk package (schema/standards.schema.json).")]
    [InlineData("""{ "layout": { "testsFolder": "a/b" } }""", "'layout.testsFolder' is 'a/b'; it must be the name of a folder at the repo root, such as \"test\". See the schema in the Standards.Sdk package (schema/standards.schema.json).")]
    [InlineData("""{ "layout": [] }""", "'layout' of standards.json must be an object, not array. See the schema in the Standards.Sdk package (schema/standards.schema.json).")]
    [InlineData("""{ "layout": { "exclude": "vendor" } }""", "\"exclude\" in 'layout' of standards.json must be an array, not string. See the schema in the Standards.Sdk package (schema/standards.schema.json).")]
    [InlineData("""{ "layout": { "testFolder": "test" } }""", "Unknown setting 'testFolder' in 'layout' of standards.json. Did you mean 'testsFolder'? Known settings: requiredPaths, criticalProjects, testsFolder, exclude, projectsWithoutStandardsSdk. Rule severities go in the \"rules\" section (e.g. \"STD3030\": \"none\").")]
    public void Each_layout_problem_has_the_typed_readers_wording(string json, string message)
    {
        var findings = new List<Finding>();
        var settings = LayoutSettings.Read(FakeRepo.Policy(json), findings);
        var finding = Assert.Single(findings);
        Assert.Equal(("STD0002", "standards.json", 1, message), (finding.Code, finding.File, finding.Line, finding.Message));
        Assert.Equal((null, false), (settings.TestsFolder, settings.CheckProjectsWithoutStandardsSdk));
    }
}
