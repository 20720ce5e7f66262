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
// With --edit <file>, every build (rounds and attribution) is an edit-and-build instead of a no-op: the file, relative
// to each solution's folder, gets a new last line first (SourceEdit), so its project compiles and what depends on it
// is brought up to date. The compiler runs in its own process (a csc child or the compiler server), so its work is
// not in these bytes; only MSBuild's is: evaluation, targets and tasks, the Csc task's own side included.
// Usage: NoopBuildBench [--edit <file>] <rounds, at least 2> <output folder> <name>=<solution> [<name>=<solution>...]
SdkMSBuild.Use(typeof(Program).Assembly);

var edit = args.Length > 1 && args[0] == "--edit" ? new SourceEdit(args[1]) : null;
args = edit is null ? args : args[2..];
if (args.Length < 3 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 2)
{
    Console.Error.WriteLine("usage: NoopBuildBench [--edit <file>] <rounds, at least 2> <output folder> <name>=<solution> [<name>=<solution>...]");
    return 2;
}

var output = args[1];
Directory.CreateDirectory(output);
var variants = args.Skip(2).Select(arg => arg.Split('=', 2)).Select(pair => new Variant(pair[0], pair[1])).ToList();
Bench.Rounds(variants, rounds, edit);
if (!Bench.Attribute(variants, output, edit))
{
    return 1;
}

Report.Whole(variants, rounds - 1, edit is null ? "No-op build" : "Edit-and-build (" + edit.File + ")");
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
