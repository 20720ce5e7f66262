using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Tests.Json;

/// <summary>
/// The envelope the adoption baseline, the coverage ratchet and the benchmark baseline share: read with every
/// problem at its line, written to the same bytes.
/// </summary>
public class VersionedJsonFileTests
{
    [Theory]
    [InlineData("{ nope", "not valid JSON: ", 1)]
    [InlineData("\n[1, 2]", "top level: array", 2)]
    public void Text_that_is_not_an_object_is_reported_at_its_line(string text, string problem, int line)
    {
        var problems = new List<(string Message, int Line, int Column)>();
        var root = VersionedJsonFile.ReadObject(JsonFormats.CoverageBaseline, text, (m, l, c) => problems.Add((m, l, c)), value => $"top level: {value.Kind}");
        Assert.Null(root);
        var reported = Assert.Single(problems);
        Assert.StartsWith(problem, reported.Message, StringComparison.Ordinal);
        Assert.Equal(line, reported.Line);
    }

    [Theory]
    [InlineData("{ \"version\": 1 }", null)]
    [InlineData("{\n  \"version\": 2 }", "\"version\" must be 1, the format this SDK reads.@2")]
    [InlineData("{\n  \"version\": \"1\" }", "\"version\" must be 1, the format this SDK reads.@2")]
    [InlineData("\n{ }", "missing@2")]
    public void A_version_other_than_the_one_read_is_reported_where_it_is(string text, string? expected)
    {
        var problems = new List<string>();
        var root = VersionedJsonFile.ReadObject(JsonFormats.CoverageBaseline, text, (m, l, c) => problems.Add($"{m}@{l}"), _ => "not an object")!;
        VersionedJsonFile.CheckVersion(root, 1, (m, l, c) => problems.Add($"{m}@{l}"), "missing");
        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Equal([expected], problems);
        }
    }

    [Fact]
    public void Written_files_have_the_comment_the_version_and_the_content_with_newlines_only()
    {
        var text = VersionedJsonFile.Write("what this is", 1, writer => writer.WriteString("x", "<y>"));
        Assert.Equal("{\n  \"$comment\": \"what this is\",\n  \"version\": 1,\n  \"x\": \"\\u003Cy\\u003E\"\n}\n", text);
        Assert.Contains("\"x\": \"<y>\"", VersionedJsonFile.Write("c", 1, writer => writer.WriteString("x", "<y>"), System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping), StringComparison.Ordinal);
    }

    [Fact]
    public void The_three_files_read_back_what_they_wrote()
    {
        var coverage = CoverageBaseline.Write([new CoverageBaselineEntry(CoverageBaseline.TotalKey, 80.04, 60), new CoverageBaselineEntry("Acme.Orders", 90, 70.26)]);
        var (readCoverage, coverageProblems) = CoverageBaseline.Parse("standards-coverage-baseline.json", coverage);
        Assert.Empty(coverageProblems);
        Assert.Equal([(CoverageBaseline.TotalKey, 80.0, 60.0), ("Acme.Orders", 90.0, 70.3)], readCoverage.Entries.Select(e => (e.Name, e.Line, e.Branch)));

        var (readBenchmarks, benchmarkProblems) = BenchmarkBaseline.Parse("b.json", "{ \"version\": 1, \"benchmarks\": { \"A.B\": { \"allocated\": 96 } } }");
        Assert.Empty(benchmarkProblems);
        Assert.Equal(96, Assert.Single(readBenchmarks.Entries).AllocatedBytes);
        var (_, noBenchmarks) = BenchmarkBaseline.Parse("b.json", "{\n\"version\": 1 }");
        Assert.Equal(["b.json: the top level must be an object with \"version\" and a \"benchmarks\" object. Fix it, or record it again with `dotnet build <benchmark project> -t:StandardsBenchmarks -p:StandardsUpdateBenchmarkBaseline=true`."], noBenchmarks.Select(p => p.Message));
    }
}
