using System.Text.Json;
using Standards.Sdk.Checks.Reports.Compliance;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Reports;

/// <summary>compliance.json counts every project: the compiler's error log, the checks' records, and their sum with the repository checks.</summary>
public sealed class ComplianceAggregationTests
{
    private static readonly JsonSchemaValidator Schema = JsonSchemaValidator.FromFiles(Path.Combine(RepoPaths.Root, "sdk", "schema", "compliance.schema.json"));

    // What csc writes with -errorlog:file,version=2.1: a CS warning made an error, an analyzer warning, an info, one
    // suppressed by the code baseline suppressor, one by #pragma, and a "none" level.
    private const string ErrorLog = """
        {
          "$schema": "http://json.schemastore.org/sarif-2.1.0",
          "version": "2.1.0",
          "runs": [
            {
              "results": [
                { "ruleId": "CS0168", "level": "error", "message": { "text": "x" } },
                { "ruleId": "STD1001", "level": "warning", "message": { "text": "long" } },
                { "ruleId": "STD1001", "level": "warning", "message": { "text": "long" },
                  "suppressions": [ { "kind": "inSource", "properties": { "suppressionType": "DiagnosticSuppressor { Suppression Id: STDBSTD1001, Suppression Justification: Recorded in the Standards.Sdk code baseline }" } } ] },
                { "ruleId": "CA1822", "level": "note", "message": { "text": "static" } },
                { "ruleId": "CS0168", "level": "warning", "message": { "text": "x" },
                  "suppressions": [ { "kind": "inSource", "properties": { "suppressionType": "Pragma Directive" } } ] },
                { "ruleId": "IDE0005", "level": "none", "message": { "text": "unused using" } }
              ],
              "tool": { "driver": { "name": "Microsoft (R) Visual C# Compiler" } }
            }
          ]
        }
        """;

    [Fact]
    public void The_error_log_is_counted_by_rule_and_level_with_the_code_baseline_as_baselined()
    {
        var (counts, problem) = CompilerErrorLog.Read("obj/compiler.sarif", ErrorLog);

        Assert.Null(problem);
        Assert.NotNull(counts);
        Assert.Equal(
            [new("CA1822", "info", 1, 0), new("CS0168", "error", 1, 0), new("STD1001", "warning", 2, 1)],
            counts.Findings.OrderBy(f => f.Rule, StringComparer.Ordinal));
        Assert.Equal(1, counts.SuppressedInSource);
    }

    [Theory]
    [InlineData("{\n  \"runs\": [\n", 3, "it is not valid JSON")]
    [InlineData("{\n  \"runs\": 1\n}", 2, "it has no \"runs\" array")]
    [InlineData("{\n  \"runs\": [\n    { \"results\": [\n      { \"level\": \"error\" }\n    ] }\n  ]\n}", 4, "a result has no \"ruleId\"")]
    public void An_error_log_that_does_not_read_is_STD0007_with_its_line(string text, int line, string what)
    {
        var (counts, problem) = CompilerErrorLog.Read("obj/compiler.sarif", text);

        Assert.Null(counts);
        Assert.NotNull(problem);
        Assert.Equal(("STD0007", "obj/compiler.sarif", line), (problem.Code, problem.File, problem.Line));
        Assert.Contains($"cannot be read: {what}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_sums_its_compiles_and_its_checks_records()
    {
        var net10 = new CompilerCounts([new("STD1001", "warning", 2, 1)], 1);
        var net8 = new CompilerCounts([new("STD1001", "warning", 1, 1), new("CS8602", "error", 1, 0)], 0);
        var policy = ComplianceAggregator.CheckRecord("src/App/App.csproj", [("STD0104", "warning"), ("STD0104", "warning"), ("STD2001", "error")]);

        var project = ComplianceAggregator.Project("src/App/App.csproj", ["net10.0", "net8.0"], [net10, net8], [policy]);

        Assert.Equal("net10.0;net8.0", project.TargetFrameworks);
        Assert.Equal(
            [new("CS8602", "error", 1, 0), new("STD0104", "warning", 2, 0), new("STD1001", "warning", 3, 2), new("STD2001", "error", 1, 0)],
            project.Findings);
        Assert.Equal(1, project.SuppressedInSource);
    }

    [Fact]
    public void The_document_counts_the_repository_checks_and_every_project_and_matches_the_schema()
    {
        var facts = Facts([new("STD3014", "error", 2, 1)]);
        var app = new ComplianceProject("src/App/App.csproj", "net10.0", [new("STD1001", "warning", 3, 2), new("STD3014", "error", 1, 0)], 4);
        var gone = new ComplianceProject("src/Gone/Gone.csproj", "net10.0", [new("CS0168", "error", 5, 0)], 0);

        var merged = ComplianceAggregator.WithProjects(facts, [app, gone], project => project != gone.Project);
        var text = ComplianceDocument.Write(merged);

        using (var document = JsonDocument.Parse(text))
        {
            Assert.Empty(Schema.Validate(document.RootElement));
            var findings = document.RootElement.GetProperty("findings");
            Assert.Equal("build", findings.GetProperty("scope").GetString());
            // errors: STD3014 2 - 1 baselined + 1 from App; warnings: STD1001 3 - 2; baselined: 1 + 2.
            Assert.Equal((2, 1, 0, 3, 4), (findings.GetProperty("errors").GetInt32(), findings.GetProperty("warnings").GetInt32(), findings.GetProperty("infos").GetInt32(), findings.GetProperty("baselined").GetInt32(), findings.GetProperty("suppressedInSource").GetInt32()));
            Assert.Equal(1, document.RootElement.GetProperty("projects").GetArrayLength());
        }

        var (read, problem) = ComplianceDocument.Read(text);
        Assert.Null(problem);
        Assert.NotNull(read);
        Assert.Equal(facts.Findings, read.Findings);
        Assert.Equal(app, Assert.Single(read.Projects), ProjectComparer.Instance);
        Assert.Equal([new("STD1001", "warning", 3, 2), new("STD3014", "error", 3, 1)], read.AllFindings());
    }

    [Fact]
    public void A_schema_version_1_file_is_read_as_counting_the_repository_checks_only()
    {
        var text = ComplianceDocument.Write(Facts([new("STD3014", "error", 2, 1)]))
            .Replace("\"schemaVersion\": 2", "\"schemaVersion\": 1", StringComparison.Ordinal);
        var at = text.IndexOf("  \"findings\": {", StringComparison.Ordinal);
        var end = text.IndexOf("  \"baselines\"", StringComparison.Ordinal);
        text = string.Concat(text.AsSpan(0, at),
            "  \"findings\": { \"scope\": \"repository-checks\", \"errors\": 1, \"warnings\": 0, \"infos\": 0, \"baselined\": 1, \"byRule\": [ { \"rule\": \"STD3014\", \"severity\": \"error\", \"count\": 2, \"baselined\": 1 } ] },\n",
            text.AsSpan(end));

        var (read, problem) = ComplianceDocument.Read(text);

        Assert.Null(problem);
        Assert.NotNull(read);
        Assert.False(read.CountsProjects);
        Assert.Equal([new ComplianceRuleCount("STD3014", "error", 2, 1)], read.AllFindings());
    }

    [Fact]
    public void A_project_record_reads_back_and_a_damaged_one_is_STD7520()
    {
        var app = new ComplianceProject("src/App/App.csproj", "net10.0;net8.0", [new("STD1001", "warning", 3, 2)], 1);

        var (read, problem) = ProjectFindingsFile.Read(ProjectFindingsFile.Write(app));
        var (_, damaged) = ProjectFindingsFile.Read(ProjectFindingsFile.Write(app).Replace("\"count\": 3", "\"count\": 1", StringComparison.Ordinal));

        Assert.Null(problem);
        Assert.Equal(app, read, ProjectComparer.Instance);
        Assert.NotNull(damaged);
        Assert.Equal("STD7520", damaged.Code);
        Assert.Contains("\"baselined\" is 2, more than \"count\" (1)", damaged.Message, StringComparison.Ordinal);
    }

    private static ComplianceFacts Facts(IReadOnlyList<ComplianceRuleCount> findings) => new()
    {
        Repo = "org/app",
        Date = "2026-11-21T10:00:00Z",
        SdkVersion = "1.0.0",
        RepoKind = "library",
        Findings = findings,
        Sbom = new ComplianceSbom(true, "spdx"),
    };

    private sealed class ProjectComparer : IEqualityComparer<ComplianceProject?>
    {
        public static readonly ProjectComparer Instance = new();

        public bool Equals(ComplianceProject? x, ComplianceProject? y) =>
            x is not null && y is not null && x.Project == y.Project && x.TargetFrameworks == y.TargetFrameworks
            && x.SuppressedInSource == y.SuppressedInSource && x.Findings.SequenceEqual(y.Findings);

        public int GetHashCode(ComplianceProject? obj) => obj?.Project.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
