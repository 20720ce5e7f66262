using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

// Evaluates every project of each variant's repo in this one process, as a build's node evaluates them
// (ProjectInstance: properties, items and targets; one ProjectCollection per round, so our .props/.targets are parsed
// once per round as a node parses them once per build), and prints two measures per variant:
//   time       wall ms of the round (min and median over the rounds after the first, which pays the JIT);
//   allocated  bytes the evaluations allocated on this thread: the same for the same files however busy the machine
//              is (to a few parts in ten thousand), so a change of a few percent in what evaluation does is seen in
//              one round where whole-build CPU time on this machine needs dozens (docs/performance.md, "At scale").
// Rounds alternate the order of the variants so a busy moment does not always fall on the same one. The first variant
// is the reference of the ratios.
// Usage: EvaluationBench <rounds> <name>=<repo folder> [<name>=<repo folder>...]
SdkMSBuild.Use(typeof(Program).Assembly);

if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 2)
{
    Console.Error.WriteLine("usage: EvaluationBench <rounds, at least 2> <name>=<repo folder> [<name>=<repo folder>...]");
    return 2;
}

var variants = args.Skip(1).Select(arg => arg.Split('=', 2)).Select(pair => new Variant(pair[0], Projects(pair[1]))).ToList();
for (var round = 0; round < rounds; round++)
{
    var order = round % 2 == 0 ? variants : Enumerable.Reverse(variants);
    foreach (var variant in order)
    {
        var (ms, bytes) = Evaluation.Round(variant.Projects);
        if (round > 0)
        {
            variant.Times.Add(ms);
            variant.Allocated.Add(bytes);
        }
    }
}

var reference = variants[0];
Console.WriteLine($"| {reference.Projects.Count} projects, evaluation in one process, {rounds - 1} rounds | min ms | median ms | median of per-round time ratios | MB allocated | allocated / {reference.Name} |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var variant in variants)
{
    var ratios = variant.Times.Zip(reference.Times, (a, b) => a / b).ToList();
    Console.WriteLine(FormattableString.Invariant(
        $"| {variant.Name} | {variant.Times.Min():F0} | {Median(variant.Times):F0} | {Median(ratios):F3} | {Median(variant.Allocated) / 1e6:F1} | {Median(variant.Allocated) / Median(reference.Allocated):F3} |"));
}

return 0;

static List<string> Projects(string folder) => [.. Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
    .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)];

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>One repo to evaluate, and what its rounds measured.</summary>
internal sealed record Variant(string Name, List<string> Projects)
{
    public List<double> Times { get; } = [];

    public List<double> Allocated { get; } = [];
}

/// <summary>
/// The MSBuild calls, in their own class and not inlined: the runtime resolves Microsoft.Build when a method that uses
/// it is compiled, which must happen after the resolver above is in place.
/// </summary>
internal static class Evaluation
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (double Milliseconds, double Bytes) Round(List<string> projects)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var collection = new Microsoft.Build.Evaluation.ProjectCollection();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var project in projects)
        {
            _ = new Microsoft.Build.Execution.ProjectInstance(project, new Dictionary<string, string>(), null, collection);
        }

        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
