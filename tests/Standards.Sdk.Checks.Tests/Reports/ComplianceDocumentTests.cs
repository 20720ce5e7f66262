using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Reports;

/// <summary>compliance.json: what the builder takes from a build, the document against its shipped schema, and every way a file is refused.</summary>
public sealed class ComplianceDocumentTests
{
    private static readonly JsonSchemaValidator Schema = JsonSchemaValidator.FromFiles(Path.Combine(RepoPaths.Root, "sdk", "schema", "compliance.schema.json"));

    private const string Policy = """
        {
          "release": { "sbom": { "format": "both" } },
          "exceptions": [
            { "rule": "STD3031", "scope": "**", "owner": "@platform", "reason": "SECURITY.md comes from the org", "expires": "2027-03-01" },
            { "rule": "STD2001", "scope": "src/Legacy", "owner": "@team-a", "reason": "migrating", "expires": "2026-12-10" }
          ]
        }
        """;

    private static ComplianceInput Input(Func<string, string?>? variable = null, string? codeBaseline = null) => new(
        "/repos/orders-api/",
        [
            new(new Finding("STD3014", Severity.Error, "ADR lacks ## Context.", "docs/adr/0002-x.md", 7), false),
            new(new Finding("STD3014", Severity.Error, "ADR lacks ## Status.", "docs/adr/0003-y.md", 2), true),
            new(new Finding("STD3031", Severity.Warning, "No SECURITY.md.", "SECURITY.md"), false),
            new(new Finding("STD3032", Severity.Info, "Due for review.", "docs/a.md", 3), false),
        ],
        "service",
        PolicyLoader.Load("standards.json", Policy, new DateOnly(2026, 11, 21)).Policy,
        new DateTimeOffset(2026, 11, 21, 10, 30, 5, TimeSpan.FromHours(1)),
        "1.4.0",
        "0123456789abcdef0123456789abcdef01234567",
        "2.3.1-beta.4",
        3,
        codeBaseline,
        variable ?? (_ => null));

    [Fact]
    public void The_builder_counts_findings_by_rule_and_severity_with_the_baselined_ones()
    {
        var facts = ComplianceFactsBuilder.Build(Input());

        Assert.Equal(
            [new("STD3014", "error", 2, 1), new("STD3031", "warning", 1, 0), new("STD3032", "info", 1, 0)],
            facts.Findings.OrderBy(f => f.Rule, StringComparer.Ordinal));
        Assert.Equal("orders-api", facts.Repo);
        Assert.Equal("2026-11-21T09:30:05Z", facts.Date);
        Assert.Equal(("1.4.0", "service", "2.3.1-beta.4"), (facts.SdkVersion, facts.RepoKind, facts.Version));
        Assert.Equal((3, 0), (facts.RepoBaselineEntries, facts.CodeBaselineEntries));
        Assert.Equal(new ComplianceSbom(true, "both"), facts.Sbom);
        Assert.Null(facts.Coverage);
    }

    [Fact]
    public void Exceptions_keep_owner_and_expiry_soonest_first()
    {
        var facts = ComplianceFactsBuilder.Build(Input());

        Assert.Equal(
            [
                new("STD2001", "src/Legacy", "@team-a", "migrating", "2026-12-10"),
                new("STD3031", "**", "@platform", "SECURITY.md comes from the org", "2027-03-01"),
            ],
            facts.Exceptions);
    }

    [Fact]
    public void The_repo_is_named_by_the_CI_system_when_it_says()
    {
        var facts = ComplianceFactsBuilder.Build(Input(v => v == "CI_PROJECT_PATH" ? "group/orders-api" : null));

        Assert.Equal("group/orders-api", facts.Repo);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [ { \"id\": \"STD1001\", \"file\": \"a.cs\", \"hash\": \"x\" }, { \"id\": \"CA1305\", \"file\": \"b.cs\", \"hash\": \"y\" } ]\n}", 2)]
    public void The_code_baseline_is_counted(string? text, int entries)
    {
        Assert.Equal(entries, ComplianceFactsBuilder.Build(Input(codeBaseline: text)).CodeBaselineEntries);
    }

    [Theory]
    [InlineData("{ \"version\": 1, ")]
    [InlineData("")]
    [InlineData("{ \"version\": 1, \"diagnostics\": {} }")]
    public void A_code_baseline_that_does_not_read_is_unknown_not_zero(string text)
    {
        Assert.Null(ComplianceFactsBuilder.Build(Input(codeBaseline: text)).CodeBaselineEntries);
    }

    [Fact]
    public void The_document_matches_the_shipped_schema_and_reads_back_to_the_same_facts()
    {
        var facts = ComplianceFactsBuilder.Build(Input()) with { Coverage = new ComplianceCoverage(83.456, 61.2, 80, 60, true) };

        var text = ComplianceDocument.Write(facts);

        using (var document = JsonDocument.Parse(text))
        {
            Assert.Empty(Schema.Validate(document.RootElement));
            var findings = document.RootElement.GetProperty("findings");
            Assert.Equal((1, 1, 1, 1), (findings.GetProperty("errors").GetInt32(), findings.GetProperty("warnings").GetInt32(), findings.GetProperty("infos").GetInt32(), findings.GetProperty("baselined").GetInt32()));
            Assert.Equal(83.46, document.RootElement.GetProperty("coverage").GetProperty("line").GetDouble());
        }

        var (read, problem) = ComplianceDocument.Read(text);
        Assert.Null(problem);
        Assert.NotNull(read);
        Assert.Equal(facts.Findings.OrderBy(f => f.Rule, StringComparer.Ordinal), read.Findings);
        Assert.Equal(facts.Exceptions, read.Exceptions);
        Assert.Equal(new ComplianceCoverage(83.46, 61.2, 80, 60, true), read.Coverage);
        Assert.Empty(read.Projects);
        Assert.True(read.CountsProjects);
        Assert.Equal(facts with { Findings = read.Findings, Exceptions = read.Exceptions, Coverage = read.Coverage, Projects = read.Projects }, read);
    }

    [Fact]
    public void A_document_without_coverage_and_commit_matches_the_schema()
    {
        var facts = ComplianceFactsBuilder.Build(Input()) with { Commit = null, Version = null, CodeBaselineEntries = null };

        using var document = JsonDocument.Parse(ComplianceDocument.Write(facts));

        Assert.Empty(Schema.Validate(document.RootElement));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("coverage").ValueKind);
    }

    [Fact]
    public void A_newer_schema_version_is_refused_with_its_line()
    {
        var text = ComplianceDocument.Write(ComplianceFactsBuilder.Build(Input())).Replace("\"schemaVersion\": 2", "\"schemaVersion\": 3", StringComparison.Ordinal);

        var (facts, problem) = ComplianceDocument.Read(text);

        Assert.Null(facts);
        Assert.Equal(new ComplianceProblem("STD7521",
            "schemaVersion 3 is newer than this tool reads (2): the file was written by a newer Standards.Sdk. Update Standards.Tool to the newest SDK version of the fleet (dotnet tool update Standards.Tool).", 3), problem);
    }

    [Theory]
    [InlineData("{", 1, "it is not valid JSON")]
    [InlineData("[]", 1, "the document is not a JSON object")]
    [InlineData("{\n  \"repo\": \"a\"\n}", 1, "\"schemaVersion\" must be a positive whole number")]
    [InlineData("{\n  \"schemaVersion\": \"1\"\n}", 2, "\"schemaVersion\" must be a positive whole number")]
    [InlineData("{\n  \"schemaVersion\": 1\n}", 1, "\"repo\" is missing")]
    public void A_file_that_is_no_compliance_document_is_STD7520_with_its_line(string text, int line, string what)
    {
        var (facts, problem) = ComplianceDocument.Read(text);

        Assert.Null(facts);
        Assert.NotNull(problem);
        Assert.Equal(("STD7520", line), (problem.Code, problem.Line));
        Assert.StartsWith($"The compliance file cannot be read: {what}", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("Use the compliance.json a CI build on Standards.Sdk wrote (artifacts/standards/compliance.json); its shape is schema/compliance.schema.json.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"date\": \"2026-11-21T09:30:05Z\"", "\"date\": \"yesterday\"", "\"date\" is 'yesterday', not an ISO 8601 date and time")]
    [InlineData("\"severity\": \"warning\"", "\"severity\": \"fatal\"", "\"severity\" is 'fatal'; use error, warning or info")]
    [InlineData("\"count\": 1,", "\"count\": null,", "\"count\" must be a whole number of 0 or more")]
    [InlineData("\"count\": 1,", "\"count\": -1,", "\"count\" must be a whole number of 0 or more")]
    [InlineData("\"expires\": \"2026-12-10\"", "\"expires\": \"10.12.2026\"", "\"expires\" is '10.12.2026'; write the date as yyyy-MM-dd")]
    [InlineData("\"owner\": \"@team-a\",", "\"owner\": \"\",", "\"owner\" must be a non-empty string")]
    [InlineData("\"coverage\": null", "\"coverage\": 80", "\"coverage\" must be an object or null")]
    [InlineData("\"enabled\": true", "\"enabled\": \"yes\"", "\"enabled\" must be true or false")]
    [InlineData("\"exceptions\": [", "\"exceptions\": 3, \"x\": [", "\"exceptions\" is a number, not an array")]
    public void A_member_of_the_wrong_shape_is_STD7520_naming_it(string from, string to, string what)
    {
        var written = ComplianceDocument.Write(ComplianceFactsBuilder.Build(Input()));
        Assert.Contains(from, written, StringComparison.Ordinal);
        var text = ReplaceFirst(written, from, to);

        var (facts, problem) = ComplianceDocument.Read(text);

        Assert.Null(facts);
        Assert.NotNull(problem);
        Assert.Equal("STD7520", problem.Code);
        Assert.StartsWith($"The compliance file cannot be read: {what}.", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, to), problem.Line);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }

    private static int LineOf(string text, string part) => text[..text.IndexOf(part, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
