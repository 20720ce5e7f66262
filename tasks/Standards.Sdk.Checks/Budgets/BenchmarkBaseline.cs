using System.Text.Encodings.Web;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>A benchmark as the baseline recorded it; times in ns, null where not recorded.</summary>
/// <param name="FullName">The benchmark.</param>
/// <param name="Median">Median time.</param>
/// <param name="AllocatedBytes">Bytes per operation.</param>
/// <param name="Measurements">Per-operation times of the recorded run, for the significance test.</param>
/// <param name="Line">Where the entry is written.</param>
public sealed record BenchmarkBaselineEntry(string FullName, double? Median, long? AllocatedBytes, IReadOnlyList<double> Measurements, int Line = 0);

/// <summary>
/// The committed benchmark baseline, <c>standards-benchmarks-baseline.json</c> next to the benchmark project:
/// <code>
/// { "version": 1, "benchmarks": { "Acme.SlugBenchmarks.Create(Text: \"Hello\")": { "median": 50.2, "allocated": 96, "measurements": [50.1, 50.3] } } }
/// </code>
/// Times depend on the machine: record them on the machine that checks them (the CI runner). An entry with only
/// <c>allocated</c> is valid: allocations do not depend on the machine.
/// </summary>
public sealed class BenchmarkBaseline
{
    /// <summary>The default file name, in the benchmark project's folder.</summary>
    public const string DefaultFileName = "standards-benchmarks-baseline.json";

    /// <summary>The command that records it.</summary>
    public const string UpdateCommand = "dotnet build <benchmark project> -t:StandardsBenchmarks -p:StandardsUpdateBenchmarkBaseline=true";

    /// <summary>Creates a baseline.</summary>
    public BenchmarkBaseline(IReadOnlyList<BenchmarkBaselineEntry> entries) => Entries = entries;

    /// <summary>An empty baseline.</summary>
    public static BenchmarkBaseline Empty { get; } = new([]);

    /// <summary>The entries.</summary>
    public IReadOnlyList<BenchmarkBaselineEntry> Entries { get; }

    /// <summary>Reads the file; problems are STD5007 findings with the line.</summary>
    public static (BenchmarkBaseline Baseline, IReadOnlyList<Finding> Problems) Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Finding>();
        Finding Problem(string message, int line, int column) =>
            new(BudgetRuleIds.BaselineMalformed, Severity.Error, $"{Path.GetFileName(path)}: {message} Fix it, or record it again with `{UpdateCommand}`.", path, line, column);
        void Report(string message, int line, int column) => problems.Add(Problem(message, line, column));

        const string shape = "the top level must be an object with \"version\" and a \"benchmarks\" object.";
        var root = VersionedJsonFile.ReadObject(JsonFormats.BenchmarkBaseline, text, Report, _ => shape);
        if (root is null)
        {
            return (Empty, problems);
        }

        if (root.Get("benchmarks") is not JsonObjectNode benchmarks)
        {
            var at = root.Get("benchmarks") ?? root;
            Report(shape, at.Line, at.Column);
            return (Empty, problems);
        }

        VersionedJsonFile.CheckVersion(root, 1, Report);

        var entries = new List<BenchmarkBaselineEntry>();
        foreach (var property in benchmarks.Properties)
        {
            var entry = property.Value as JsonObjectNode;
            double? median = entry?.Get("median") is JsonNumberNode m && m.TryGetDouble(out var mv) && mv >= 0 ? mv : null;
            long? allocated = entry?.Get("allocated") is JsonNumberNode a && a.TryGetDouble(out var av) && av >= 0 ? (long)av : null;
            var measurements = entry?.Get("measurements") as JsonArrayNode;
            var valid = entry is not null
                && (entry.Get("median") is null || median is not null)
                && (entry.Get("allocated") is null || allocated is not null)
                && (median is not null || allocated is not null)
                && (entry.Get("measurements") is null || (measurements is not null && measurements.Items.All(i => i is JsonNumberNode)))
                && entry.Properties.All(p => p.Name is "median" or "allocated" or "measurements");
            if (!valid)
            {
                problems.Add(Problem($"the entry for '{property.Name}' must be an object with \"median\" (ns), \"allocated\" (bytes) and \"measurements\" (ns), at least one of median and allocated.", property.Line, property.Column));
                continue;
            }

            var values = measurements?.Items.Cast<JsonNumberNode>().Select(n => n.TryGetDouble(out var d) ? d : 0).ToList() ?? [];
            entries.Add(new BenchmarkBaselineEntry(property.Name, median, allocated, values, property.Line));
        }

        return (new BenchmarkBaseline(entries), problems);
    }

    /// <summary>The file's text for these results: sorted by FullName, times rounded to four significant digits.</summary>
    public static string Write(IEnumerable<BenchmarkResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return VersionedJsonFile.Write(
            $"Standards.Sdk benchmark baseline: times in ns per operation, allocations in bytes per operation. Times depend on the machine: record them where they are checked. Record again with `{UpdateCommand}`.",
            1,
            writer =>
            {
                writer.WriteStartObject("benchmarks");
                foreach (var result in results.GroupBy(r => r.FullName, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(r => r.FullName, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(result.FullName);
                    writer.WriteNumber("median", Significant(result.Median));
                    if (result.AllocatedBytes is { } bytes)
                    {
                        writer.WriteNumber("allocated", bytes);
                    }

                    writer.WriteStartArray("measurements");
                    foreach (var m in result.Measurements)
                    {
                        writer.WriteNumberValue(Significant(m));
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            },
            JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    private static double Significant(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return 0;
        }

        var digits = 4 - (int)Math.Floor(Math.Log10(Math.Abs(value))) - 1;
        return Math.Round(value, Math.Max(0, Math.Min(digits, 15)));
    }
}
