using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>Absolute budgets of the benchmarks whose FullName matches <see cref="Pattern"/>.</summary>
/// <param name="Pattern">A FullName, or a glob with * (any text) and ? (one character).</param>
/// <param name="Mean">Maximum mean time (ns), or null.</param>
/// <param name="P95">Maximum 95th percentile time (ns), or null.</param>
/// <param name="Allocated">Maximum bytes allocated per operation, or null.</param>
/// <param name="Line">Where it is written in standards.json.</param>
/// <param name="Column">Its column.</param>
public sealed record BenchmarkBudget(string Pattern, double? Mean, double? P95, double? Allocated, int Line, int Column)
{
    /// <summary>True when the budget applies to a benchmark (linear time whatever the pattern: <see cref="Glob.IsNameMatch"/>).</summary>
    public bool Matches(string fullName) => Glob.IsNameMatch(Pattern, fullName);
}

/// <summary>Size budgets of one project's artefacts, in bytes.</summary>
/// <param name="Project">The project name.</param>
/// <param name="Assembly">Maximum size of the built assembly, or null.</param>
/// <param name="Package">Maximum size of its .nupkg, or null.</param>
/// <param name="Publish">Maximum size of its publish folder (all files), or null.</param>
/// <param name="Line">Where it is written in standards.json.</param>
public sealed record SizeBudget(string Project, double? Assembly, double? Package, double? Publish, int Line);

/// <summary>
/// The "budgets" section of standards.json (profile §5):
/// <code>
/// "budgets": {
///   "regression": 10, "allocationRegression": 1, "noise": "0.3 ns",
///   "benchmarks": { "Acme.SlugBenchmarks.Create*": { "mean": "2 us", "p95": "3 us", "allocated": 256 } },
///   "sizes": { "Acme.Orders": { "assembly": "200 KiB", "package": "150 KB" }, "Acme.Orders.Api": { "publish": "90 MB" } }
/// }
/// </code>
/// <c>regression</c> is the time regression limit in percent (median, significant on the measurements),
/// <c>allocationRegression</c> the allocation limit in percent, <c>noise</c> the time difference never reported.
/// Shape problems are STD0002 with the line; what is valid applies.
/// </summary>
public sealed record BudgetSettings
{
    /// <summary>The defaults: 10 % regression limit (003 L2109-2120), allocations 1 %, no budgets.</summary>
    public static BudgetSettings Default { get; } = new();

    private const string TimeHint = "Write a time: a number of nanoseconds or a string such as \"250 ns\", \"1.5 us\", \"2 ms\".";
    private const string SizeHint = "Write a size: a number of bytes or a string such as \"64 KiB\", \"1.5 MB\".";

    // The strings Quantity.Nanoseconds and Quantity.Bytes read (units after a number; sizes in any case), for editors.
    private const string TimePattern = "^\\s*[0-9]+(\\.[0-9]+)?\\s*(ns|us|µs|μs|ms|s)\\s*$";
    private const string SizePattern = "^\\s*[0-9]+(\\.[0-9]+)?\\s*([kKmMgG][iI]?)?[bB]\\s*$";
    private const string TimeDescription = "A time: nanoseconds, or a string with a unit (ns, us, ms, s).";
    private const string NoiseDescription = "Time differences below this are never reported as regressions: nanoseconds, or a string with a unit (ns, us, ms, s).";
    private const string SizeDescription = "A size: bytes, or a string with a unit (B, KB, KiB, MB, MiB, GB, GiB).";

    private static readonly JsonKey[] BenchmarkKeys =
    [
        new("mean", JsonType.NumberOrText) { Hint = TimeHint, Pattern = TimePattern, Description = "Maximum mean time per operation (STD5002). " + TimeDescription },
        new("p95", JsonType.NumberOrText) { Hint = TimeHint, Pattern = TimePattern, Description = "Maximum 95th percentile time per operation (STD5002). " + TimeDescription },
        new("allocated", JsonType.NumberOrText) { Hint = SizeHint, Pattern = SizePattern, Description = "Maximum bytes allocated per operation (STD5003). " + SizeDescription },
    ];

    private static readonly JsonKey[] SizeKeys =
    [
        new("assembly", JsonType.NumberOrText) { Hint = SizeHint, Pattern = SizePattern, Description = "Maximum size of the built assembly. " + SizeDescription },
        new("package", JsonType.NumberOrText) { Hint = SizeHint, Pattern = SizePattern, Description = "Maximum size of the project's .nupkg. " + SizeDescription },
        new("publish", JsonType.NumberOrText) { Hint = SizeHint, Pattern = SizePattern, Description = "Maximum size of the publish folder (all files). " + SizeDescription },
    ];

    /// <summary>The section's keys, read by <see cref="Read"/> and published in the schema.</summary>
    internal static readonly JsonShape Shape = new(
        "'budgets' of standards.json",
        PolicySection.Percent("regression", Default.Regression, 1000, "Time regression limit against the benchmark baseline, percent of the median (significant on the measurements): STD5004."),
        PolicySection.Percent("allocationRegression", Default.AllocationRegression, 1000, "Allocation regression limit against the baseline, percent: STD5005."),
        new JsonKey("noise", JsonType.NumberOrText) { Default = Default.Noise, Hint = "Write a time, such as \"0.3 ns\" or 1 (nanoseconds).", Pattern = TimePattern, Description = NoiseDescription },
        new JsonKey("benchmarks", JsonType.KeyedObject)
        {
            Hint = "Map benchmark FullNames (or globs with *) to { \"mean\", \"p95\", \"allocated\" }.",
            Description = "Budgets per benchmark, keyed by BenchmarkDotNet FullName or a glob with *; a budget that matches no benchmark in the results is STD5006.",
            EachKeyName = "pattern",
            EachValue = new JsonShape("a benchmark budget of standards.json", BenchmarkKeys),
        },
        new JsonKey("sizes", JsonType.KeyedObject)
        {
            Hint = "Map project names to { \"assembly\", \"package\", \"publish\" }.",
            Description = "Size budgets per project name: its assembly, its .nupkg, its publish folder (STD5010).",
            EachKeyName = "project",
            EachValue = new JsonShape("a size budget of standards.json", SizeKeys),
        });

    /// <summary>Time regression limit, percent.</summary>
    public double Regression { get; init; } = 10;

    /// <summary>Allocation regression limit, percent.</summary>
    public double AllocationRegression { get; init; } = 1;

    /// <summary>Time differences below this (ns) are never reported.</summary>
    public double Noise { get; init; } = 0.3;

    /// <summary>Absolute benchmark budgets.</summary>
    public IReadOnlyList<BenchmarkBudget> Benchmarks { get; init; } = [];

    /// <summary>Size budgets per project.</summary>
    public IReadOnlyList<SizeBudget> Sizes { get; init; } = [];

    /// <summary>Reads the section; problems go to <paramref name="findings"/>.</summary>
    public static BudgetSettings Read(StandardsPolicy policy, List<Finding> findings)
    {
        var (read, path) = PolicySection.Read(policy, "budgets", Shape, findings);
        if (read?.Source is null)
        {
            return Default;
        }

        return new BudgetSettings
        {
            Regression = read.GetNumber("regression") ?? Default.Regression,
            AllocationRegression = read.GetNumber("allocationRegression") ?? Default.AllocationRegression,
            Noise = read.Node("noise") is { } noise ? Quantity.Nanoseconds(noise) ?? Bad(noise, "'budgets.noise' must be a time, e.g. \"0.3 ns\" or 1 (nanoseconds).", Default.Noise, path, findings) : Default.Noise,
            Benchmarks = Entries(read.GetObject("benchmarks"), "budgets.benchmarks", BenchmarkKeys, path, findings, (property, name, budget) =>
                new BenchmarkBudget(property.Name.Trim(),
                    Time(budget.Node("mean"), name + ".mean", path, findings),
                    Time(budget.Node("p95"), name + ".p95", path, findings),
                    Size(budget.Node("allocated"), name + ".allocated", path, findings),
                    property.Line, property.Column)),
            Sizes = Entries(read.GetObject("sizes"), "budgets.sizes", SizeKeys, path, findings, (property, name, budget) =>
                new SizeBudget(property.Name.Trim(),
                    Size(budget.Node("assembly"), name + ".assembly", path, findings),
                    Size(budget.Node("package"), name + ".package", path, findings),
                    Size(budget.Node("publish"), name + ".publish", path, findings),
                    property.Line)),
        };
    }

    /// <summary>A map of names to budget objects with <paramref name="keys"/>.</summary>
    private static List<T> Entries<T>(JsonObjectNode? map, string name, JsonKey[] keys, string path, List<Finding> findings, Func<JsonPropertyNode, string, JsonRead, T> read)
    {
        var result = new List<T>();
        foreach (var property in map?.Properties ?? [])
        {
            var entryName = $"{name}[\"{property.Name}\"]";
            if (property.Name.Trim().Length == 0)
            {
                findings.Add(PolicyLoader.Shape(path, property.Value, $"'{name}' has an entry with an empty name."));
            }
            else if (PolicySection.Read(property.Value, new JsonShape($"'{entryName}' of standards.json", keys), path, findings) is { Source: not null } entry)
            {
                result.Add(read(property, entryName, entry));
            }
        }

        return result;
    }

    private static double? Time(JsonValueNode? node, string name, string path, List<Finding> findings) =>
        node is null ? null : Quantity.Nanoseconds(node) ?? Bad<double?>(node, $"'{name}' must be a time: a number of nanoseconds or a string such as \"250 ns\", \"1.5 us\", \"2 ms\".", null, path, findings);

    private static double? Size(JsonValueNode? node, string name, string path, List<Finding> findings) =>
        node is null ? null : Quantity.Bytes(node) ?? Bad<double?>(node, $"'{name}' must be a size: a number of bytes or a string such as \"64 KiB\", \"1.5 MB\".", null, path, findings);

    private static T Bad<T>(JsonValueNode node, string message, T fallback, string path, List<Finding> findings)
    {
        findings.Add(PolicyLoader.Shape(path, node, message));
        return fallback;
    }
}
