using System.Globalization;

/// <summary>The markdown tables NoopBuildBench prints (docs/performance.md quotes them).</summary>
internal static class Report
{
    /// <summary>How many targets and tasks the attribution table lists, the largest differences first.</summary>
    private const int AttributionRows = 30;

    /// <summary>
    /// Whole builds (no-op, or edit-and-build: <paramref name="kind"/>): bytes allocated (the measure), each variant against the reference and against the variant
    /// before it (with variants ordered plain, policy, nochecks, bypath that is the split of the SDK's extra cost),
    /// and CPU and wall time beside them.
    /// </summary>
    public static void Whole(List<Variant> variants, int rounds, string kind)
    {
        var reference = variants[0];
        Console.WriteLine(Invariant($"| {kind} in one process, median of {rounds} rounds | MB allocated | / {reference.Name} | MB more than the row above | CPU ms | CPU / {reference.Name}, per round | wall ms |"));
        Console.WriteLine("|---|---|---|---|---|---|---|");
        double? previous = null;
        foreach (var variant in variants)
        {
            var bytes = Median(variant.Rounds.Select(round => round.Bytes));
            var cpuRatio = Median(variant.Rounds.Zip(reference.Rounds, (a, b) => a.CpuMilliseconds / b.CpuMilliseconds));
            var more = previous is { } before ? Invariant($"{(bytes - before) / 1e6:F1}") : string.Empty;
            Console.WriteLine(Invariant(
                $"| {variant.Name} | {bytes / 1e6:F1} | {bytes / Median(reference.Rounds.Select(round => round.Bytes)):F4} | {more} | {Median(variant.Rounds.Select(round => round.CpuMilliseconds)):F0} | {cpuRatio:F3} | {Median(variant.Rounds.Select(round => round.WallMilliseconds)):F0} |"));
            previous = bytes;
        }

        Console.WriteLine();
    }

    /// <summary>
    /// What each target, task and evaluation allocated in the attribution build of each variant (MB, summed over the
    /// projects), the rows whose last variant differs most from the first, and every row's total.
    /// </summary>
    public static void ByTarget(List<Variant> variants)
    {
        var first = variants[0].ByTarget;
        var last = variants[^1].ByTarget;
        var names = variants.SelectMany(variant => variant.ByTarget.Keys).Distinct(StringComparer.Ordinal).ToList();
        double Mb(Dictionary<string, Attributed> byTarget, string name) => byTarget.GetValueOrDefault(name).Bytes / 1e6;
        var header = string.Join(" | ", variants.Select(variant => variant.Name));
        Console.WriteLine($"| Attributed to (MB, all projects) | {header} | {variants[^1].Name} - {variants[0].Name} | calls in {variants[^1].Name} |");
        Console.WriteLine($"|---|{string.Concat(variants.Select(_ => "---|"))}---|---|");
        foreach (var name in names.OrderByDescending(name => Math.Abs(Mb(last, name) - Mb(first, name))).Take(AttributionRows))
        {
            var cells = string.Join(" | ", variants.Select(variant => Invariant($"{Mb(variant.ByTarget, name):F2}")));
            Console.WriteLine(Invariant($"| {name} | {cells} | {Mb(last, name) - Mb(first, name):F2} | {last.GetValueOrDefault(name).Calls} |"));
        }

        var totals = string.Join(" | ", variants.Select(variant => Invariant($"{variant.ByTarget.Values.Sum(entry => entry.Bytes) / 1e6:F1}")));
        Console.WriteLine($"| every target, task and evaluation | {totals} | | |");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
