using System.Globalization;

// No-op builds of each variant's repo in this one process (BuildManager, one in-process node, the build's own targets),
// and two measures that repeat where whole-build CPU time on a 2-core machine does not (docs/performance.md, "At
// scale"):
//   allocated  bytes the whole build allocated, every thread: the same for the same files to about a part in a
//              thousand, so the cost of each part of the SDK (the policy, its evaluation, its targets, its checks) can
//              be told apart in one run;
//   by target  one more build of each variant with synchronous logging, attributing what the build thread allocates
//              to the target or task (or evaluation) running on it, exclusive of what it calls: which target costs
//              what, per variant, with its difference from the first variant.
// CPU and wall time of the process are printed beside them for reference, not as the measure. Rounds alternate the
// order of the variants; the first round, which pays the JIT, is left out. The first variant is the reference.
// Usage: NoopBuildBench <rounds, at least 2> <output folder> <name>=<solution> [<name>=<solution>...]
SdkMSBuild.Use(typeof(Program).Assembly);

if (args.Length < 3 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 2)
{
    Console.Error.WriteLine("usage: NoopBuildBench <rounds, at least 2> <output folder> <name>=<solution> [<name>=<solution>...]");
    return 2;
}

var output = args[1];
Directory.CreateDirectory(output);
var variants = args.Skip(2).Select(arg => arg.Split('=', 2)).Select(pair => new Variant(pair[0], pair[1])).ToList();
for (var round = 0; round < rounds; round++)
{
    foreach (var variant in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
    {
        var measured = NoopBuild.Run(variant.Solution, attribute: false).Measure;
        Console.Error.WriteLine(FormattableString.Invariant($"{variant.Name}, round {round + 1}: {measured.Bytes / 1e6:F1} MB, CPU {measured.CpuMilliseconds:F0} ms"));
        if (round > 0)
        {
            variant.Rounds.Add(measured);
        }
    }
}

foreach (var variant in variants)
{
    variant.ByTarget = NoopBuild.Run(variant.Solution, attribute: true).ByTarget;
    File.WriteAllLines(Path.Combine(output, variant.Name + ".targets.tsv"), variant.ByTarget
        .OrderByDescending(entry => entry.Value.Bytes)
        .Select(entry => FormattableString.Invariant($"{entry.Value.Bytes}\t{entry.Value.Calls}\t{entry.Key}")));
}

Report.Whole(variants, rounds - 1);
Report.ByTarget(variants);
return 0;

/// <summary>One repo to build, what its rounds measured and what its attribution build found.</summary>
internal sealed record Variant(string Name, string Solution)
{
    public List<Measure> Rounds { get; } = [];

    public Dictionary<string, Attributed> ByTarget { get; set; } = [];
}

/// <summary>What one build cost the process.</summary>
internal readonly record struct Measure(double Bytes, double CpuMilliseconds, double WallMilliseconds);

/// <summary>Bytes attributed to one target, task or evaluation, summed over the build, and how often it ran.</summary>
internal readonly record struct Attributed(long Bytes, int Calls);
