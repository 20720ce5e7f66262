using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>One benchmark case from a BenchmarkDotNet run (times in nanoseconds per operation).</summary>
/// <param name="FullName">BenchmarkDotNet's FullName, e.g. <c>Acme.SlugBenchmarks.Create(Text: "Hello")</c>.</param>
/// <param name="Median">Median time.</param>
/// <param name="Mean">Mean time.</param>
/// <param name="P95">95th percentile time (null when the report has no percentiles).</param>
/// <param name="AllocatedBytes">Bytes allocated per operation (null without the memory diagnoser).</param>
/// <param name="Measurements">Per-operation times of the result iterations (empty in reports without them).</param>
/// <param name="File">The result file.</param>
/// <param name="Line">Where the benchmark is written in it.</param>
public sealed record BenchmarkResult(
    string FullName, double Median, double Mean, double? P95, long? AllocatedBytes, IReadOnlyList<double> Measurements, string File, int Line);

/// <summary>
/// Reads BenchmarkDotNet's JSON exporter output (<c>*-report-full.json</c>, <c>*-report-full-compressed.json</c>,
/// also the brief reports, which lack measurements): <c>Benchmarks[].FullName</c>, <c>Statistics</c> (ns),
/// <c>Memory.BytesAllocatedPerOperation</c>, and the <c>Measurements</c> whose IterationMode is Workload and
/// IterationStage Result (what dotnet/performance's ResultsComparer compares). Bad input is one STD5001 finding
/// with the line, never an exception.
/// </summary>
public static class BenchmarkResultReader
{
    /// <summary>Reads one file.</summary>
    public static (IReadOnlyList<BenchmarkResult> Results, Finding? Problem) Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Finding Problem(string message, int line, int column = 0) =>
            new(BudgetRuleIds.ResultsMalformed, Severity.Error,
                $"{Path.GetFileName(path)} {message} Run the benchmarks again (their JSON exporter writes it), or delete the file.", path, line, column);

        var parsed = JsonFormats.BenchmarkResults.Parse(text);
        if (!parsed.Succeeded)
        {
            return ([], Problem($"is not valid JSON (truncated?): {parsed.Error}", parsed.ErrorLine, parsed.ErrorColumn));
        }

        if (parsed.Root is not JsonObjectNode root || root.Get("Benchmarks") is not JsonArrayNode benchmarks)
        {
            var at = (parsed.Root as JsonObjectNode)?.Get("Benchmarks") ?? parsed.Root!;
            return ([], Problem("is not a BenchmarkDotNet JSON report: it has no \"Benchmarks\" array.", at.Line, at.Column));
        }

        var results = new List<BenchmarkResult>();
        foreach (var item in benchmarks.Items)
        {
            var (result, error) = ReadBenchmark(item, path);
            if (result is null)
            {
                return ([], Problem(error!, item.Line, item.Column));
            }

            results.Add(result);
        }

        return (results, null);
    }

    /// <summary>One entry of the Benchmarks array, or what is wrong with it.</summary>
    private static (BenchmarkResult? Result, string? Error) ReadBenchmark(JsonValueNode item, string path)
    {
        if (item is JsonObjectNode { } failed && failed.Get("FullName") is JsonStringNode { Value.Length: > 0 } failedName && failed.Get("Statistics") is JsonNullNode)
        {
            return (null, $"reports no statistics for {failedName.Value}: that benchmark failed to build or run (see BenchmarkDotNet's log in BenchmarkDotNet.Artifacts). Fix it and run the benchmarks again.");
        }

        if (item is not JsonObjectNode benchmark
            || benchmark.Get("FullName") is not JsonStringNode { Value.Length: > 0 } fullName
            || benchmark.Get("Statistics") is not JsonObjectNode statistics
            || Number(statistics.Get("Median")) is not { } median
            || Number(statistics.Get("Mean")) is not { } mean)
        {
            return (null, "has a benchmark without FullName or Statistics (Median, Mean); it is not a BenchmarkDotNet report, or the run failed.");
        }

        var p95 = statistics.Get("Percentiles") is JsonObjectNode percentiles ? Number(percentiles.Get("P95")) : null;
        return (new BenchmarkResult(fullName.Value, median, mean, p95, Allocated(benchmark), Measurements(benchmark, statistics), path, item.Line), null);
    }

    private static long? Allocated(JsonObjectNode benchmark) =>
        benchmark.Get("Memory") is JsonObjectNode memory && memory.Get("BytesAllocatedPerOperation") is JsonNumberNode bytes
            && bytes.TryGetDouble(out var b) ? (long)Math.Round(b) : null;

    private static List<double> Measurements(JsonObjectNode benchmark, JsonObjectNode statistics)
    {
        var values = new List<double>();
        if (benchmark.Get("Measurements") is JsonArrayNode measurements)
        {
            foreach (var m in measurements.Items.OfType<JsonObjectNode>())
            {
                if (m.Get("IterationMode") is JsonStringNode { Value: "Workload" } && m.Get("IterationStage") is JsonStringNode { Value: "Result" }
                    && Number(m.Get("Nanoseconds")) is { } ns && Number(m.Get("Operations")) is { } ops && ops > 0)
                {
                    values.Add(ns / ops);
                }
            }
        }

        if (values.Count == 0 && statistics.Get("OriginalValues") is JsonArrayNode original)
        {
            values.AddRange(original.Items.Select(Number).OfType<double>());
        }

        return values;
    }

    private static double? Number(JsonValueNode? node) =>
        node is JsonNumberNode n && double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsNaN(v) && !double.IsInfinity(v) ? v : null;
}
