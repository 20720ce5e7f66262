using System.Text.Json;
using System.Text.Json.Nodes;

namespace Standards.Sdk.Checks.Tests.Budgets;

/// <summary>
/// BenchmarkDotNet 0.14 full JSON reports for tests: the real report in Fixtures (written by a ShortRun of a slug
/// benchmark with the JSON exporter) is the template; its benchmarks are replaced with ones whose per-operation
/// result measurements are given, with the statistics recomputed the way BenchmarkDotNet writes them.
/// </summary>
internal static class BenchmarkReports
{
    public const string FixtureName = "SlugBenchmarks-report-full-compressed.json";

    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Budgets", "Fixtures", FixtureName);

    public static string Fixture => File.ReadAllText(FixturePath);

    /// <summary>A full report with one benchmark per entry.</summary>
    public static string Full(params (string FullName, double[] NanosecondsPerOp, long? Allocated)[] benchmarks)
    {
        var root = JsonNode.Parse(Fixture)!.AsObject();
        var template = root["Benchmarks"]![0]!.AsObject();
        var list = new JsonArray();
        foreach (var (fullName, values, allocated) in benchmarks)
        {
            var benchmark = template.DeepClone().AsObject();
            benchmark["FullName"] = fullName;
            benchmark["Statistics"] = Statistics(values);
            benchmark["Memory"]!["BytesAllocatedPerOperation"] = allocated;
            const int operations = 1 << 20;
            var measurements = new JsonArray();
            var index = 1;
            foreach (var v in values)
            {
                measurements.Add(new JsonObject
                {
                    ["IterationMode"] = "Workload",
                    ["IterationStage"] = "Actual",
                    ["LaunchIndex"] = 1,
                    ["IterationIndex"] = index,
                    ["Operations"] = operations,
                    ["Nanoseconds"] = v * operations,
                });
                measurements.Add(new JsonObject
                {
                    ["IterationMode"] = "Workload",
                    ["IterationStage"] = "Result",
                    ["LaunchIndex"] = 1,
                    ["IterationIndex"] = index++,
                    ["Operations"] = operations,
                    ["Nanoseconds"] = v * operations,
                });
            }

            benchmark["Measurements"] = measurements;
            list.Add(benchmark);
        }

        root["Benchmarks"] = list;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary><paramref name="count"/> values around <paramref name="median"/>, spread by ±<paramref name="spread"/> (a fraction), deterministic.</summary>
    public static double[] Around(double median, double spread, int count = 15)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(_ => median * (1 + (spread * ((random.NextDouble() * 2) - 1))))];
    }

    private static JsonObject Statistics(double[] values)
    {
        var sorted = values.Order().ToArray();
        double Quantile(double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
        return new JsonObject
        {
            ["OriginalValues"] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]),
            ["N"] = values.Length,
            ["Min"] = sorted[0],
            ["Median"] = Quantile(0.5),
            ["Mean"] = values.Average(),
            ["Max"] = sorted[^1],
            ["Percentiles"] = new JsonObject { ["P50"] = Quantile(0.5), ["P90"] = Quantile(0.9), ["P95"] = Quantile(0.95), ["P100"] = sorted[^1] },
        };
    }
}
