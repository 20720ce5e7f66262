using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

/// <summary>
/// The MSBuild calls, in their own class and not inlined: the runtime resolves Microsoft.Build when a method that uses
/// it is compiled, which must happen after Program's resolver is in place.
/// </summary>
internal static class NoopBuild
{
    /// <summary>
    /// Builds the solution (target Build, no restore) in this process on one in-process node, as `dotnet build
    /// --no-restore -m:1 -v:q` does, and measures it; with <paramref name="attribute"/>, logging is synchronous and
    /// <see cref="AllocationLogger"/> attributes what the build thread allocates to each target, task and evaluation.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (Measure Measure, Dictionary<string, Attributed> ByTarget) Run(string solution, bool attribute)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var attribution = attribute ? new AllocationLogger() : null;
        using (var collection = new ProjectCollection())
        using (var manager = new BuildManager())
        {
            List<ILogger> loggers = [new ConsoleLogger(LoggerVerbosity.Quiet)];
            if (attribution is not null)
            {
                loggers.Add(attribution);
            }

            var parameters = new BuildParameters(collection)
            {
                MaxNodeCount = 1,
                EnableNodeReuse = false,
                UseSynchronousLogging = attribute,
                Loggers = loggers,
            };
            var request = new BuildRequestData(solution, new Dictionary<string, string?>(), null, ["Build"], null);
            var result = manager.Build(parameters, request);
            if (result.OverallResult != BuildResultCode.Success)
            {
                throw new InvalidOperationException($"The build of {solution} failed; build it with dotnet build to see why.");
            }
        }

        clock.Stop();
        process.Refresh();
        var measure = new Measure(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore,
            (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
        return (measure, attribution?.Totals ?? []);
    }
}
