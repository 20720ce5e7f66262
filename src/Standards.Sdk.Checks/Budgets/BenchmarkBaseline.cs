using System.Text.Encodings.Web;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

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
            if (ReadEntry(property) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add(Problem($"the entry for '{property.Name}' must be an object with \"median\" (ns), \"allocated\" (bytes) and \"measurements\" (ns), at least one of median and allocated.", property.Line, property.Column));
            }
        }

        return (new BenchmarkBaseline(entries), problems);
    }

    /// <summary>One benchmark's entry, or null when it is not an object of known members with at least one valid value.</summary>
    private static BenchmarkBaselineEntry? ReadEntry(JsonPropertyNode property)
    {
        if (property.Value is not JsonObjectNode entry || !entry.Properties.All(p => p.Name is "median" or "allocated" or "measurements"))
        {
            return null;
        }

        var median = NonNegative(entry, "median", out var medianValid);
        var allocated = NonNegative(entry, "allocated", out var allocatedValid);
        var measurements = Measurements(entry, out var measurementsValid);
        var valid = medianValid && allocatedValid && measurementsValid && (median is not null || allocated is not null);
        return valid ? new BenchmarkBaselineEntry(property.Name, median, allocated is { } bytes ? (long)bytes : null, measurements, property.Line) : null;
    }

    /// <summary>A member's value when it is a number of zero or more; <paramref name="valid"/> is false when it is present but is not.</summary>
    private static double? NonNegative(JsonObjectNode entry, string name, out bool valid)
    {
        var node = entry.Get(name);
        double? value = node is JsonNumberNode n && n.TryGetDouble(out var v) && v >= 0 ? v : null;
        valid = node is null || value is not null;
        return value;
    }

    /// <summary>The recorded measurements (empty when absent); <paramref name="valid"/> is false unless absent or an array of numbers.</summary>
    private static List<double> Measurements(JsonObjectNode entry, out bool valid)
    {
        var node = entry.Get("measurements");
        var measurements = node as JsonArrayNode;
        valid = node is null || (measurements is not null && measurements.Items.All(i => i is JsonNumberNode));
        return valid && measurements is not null ? measurements.Items.Cast<JsonNumberNode>().Select(n => n.TryGetDouble(out var d) ? d : 0).ToList() : [];
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
