using Microsoft.Build.Framework;

/// <summary>
/// Attributes the bytes each build thread allocates to what that thread was last seen doing: a target, a task, a
/// project evaluation, or MSBuild's own work between them. At every event the bytes the thread allocated since its
/// previous event go to the activity that event ends or interrupts, so a task's bytes are not its target's, and a
/// request that resumes on another thread (MSBuild's request builders await) is counted where its work ran. Needs
/// synchronous logging, so each event is raised on the thread that does the work, at the moment it happens
/// (BuildParameters.UseSynchronousLogging). The logger's own bookkeeping (its totals) is left out: a thread's count is
/// read again after it; only the name it makes for each event is counted, a few dozen bytes, alike for every variant.
/// </summary>
internal sealed class AllocationLogger : ILogger
{
    /// <summary>What MSBuild does on a thread outside any target, task or evaluation (scheduling, results, logging).</summary>
    private const string Between = "MSBuild, between targets";

    [ThreadStatic]
    private static ThreadState? thread;

    private readonly Lock totalsLock = new();

    /// <summary>The name of every target under way, by its build event context, to go back to when one of its tasks ends.</summary>
    private readonly Dictionary<(int Node, int Target), string> targets = [];

    /// <summary>Bytes and calls per "target X", "task X", "evaluation" or <see cref="Between"/>.</summary>
    public Dictionary<string, Attributed> Totals { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public LoggerVerbosity Verbosity { get; set; }

    /// <inheritdoc />
    public string? Parameters { get; set; }

    /// <inheritdoc />
    public void Initialize(IEventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        eventSource.TargetStarted += (_, e) =>
        {
            var name = "target " + e.TargetName;
            lock (totalsLock)
            {
                targets[(e.BuildEventContext!.NodeId, e.BuildEventContext.TargetId)] = name;
            }

            if (SplitBetween)
            {
                Credit("before target " + e.TargetName);
            }

            Switch(name, started: true);
        };
        eventSource.TargetFinished += (_, _) => Switch(Between, started: false);
        eventSource.TaskStarted += (_, e) => Switch("task " + e.TaskName, started: true);
        eventSource.TaskFinished += (_, e) => Switch(TargetOf(e.BuildEventContext), started: false);
        if (SplitBetween)
        {
            // What MSBuild does just before an event belongs to that event's subject: a target's condition, skipped or
            // not, and its dependencies' scheduling come before its TargetStarted or TargetSkipped; the project's
            // start-up (its ProjectStarted arguments) before ProjectStarted.
            eventSource.MessageRaised += (_, e) =>
            {
                if (e is TargetSkippedEventArgs skipped)
                {
                    Credit("skipped " + skipped.TargetName + " (" + skipped.SkipReason + ")");
                }
            };
            eventSource.ProjectStarted += (_, _) => Credit("project start");
            eventSource.ProjectFinished += (_, _) => Credit("project finish");
        }

        eventSource.StatusEventRaised += (_, e) =>
        {
            if (e is ProjectEvaluationStartedEventArgs)
            {
                Switch("evaluation", started: true);
            }
            else if (e is ProjectEvaluationFinishedEventArgs)
            {
                Switch(Between, started: false);
            }
        };
    }

    /// <inheritdoc />
    public void Shutdown()
    {
    }

    private string TargetOf(BuildEventContext? context)
    {
        lock (totalsLock)
        {
            return context is not null && targets.TryGetValue((context.NodeId, context.TargetId), out var name) ? name : Between;
        }
    }

    /// <summary>
    /// With NOOP_BENCH_SPLIT_BETWEEN=1, the bytes MSBuild allocates between targets go to the event that follows them
    /// (the next target, a skipped target, a project's start or end) instead of one row.
    /// </summary>
    private static bool SplitBetween { get; } = Environment.GetEnvironmentVariable("NOOP_BENCH_SPLIT_BETWEEN") == "1";

    /// <summary>Gives this thread's bytes since its previous event to <paramref name="name"/> when it was between targets.</summary>
    private void Credit(string name)
    {
        if (thread is not { Doing: Between } state)
        {
            return;
        }

        var now = GC.GetAllocatedBytesForCurrentThread();
        lock (totalsLock)
        {
            var total = Totals.GetValueOrDefault(name);
            Totals[name] = new Attributed(total.Bytes + now - state.Bytes, total.Calls + 1);
        }

        state.Bytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Gives this thread's bytes since its previous event to what it was doing, then records what it does now.</summary>
    private void Switch(string next, bool started)
    {
        var state = thread ??= new ThreadState(GC.GetAllocatedBytesForCurrentThread(), Between);
        var now = GC.GetAllocatedBytesForCurrentThread();
        lock (totalsLock)
        {
            var total = Totals.GetValueOrDefault(state.Doing);
            Totals[state.Doing] = new Attributed(total.Bytes + now - state.Bytes, total.Calls);
            if (started)
            {
                var calls = Totals.GetValueOrDefault(next);
                Totals[next] = new Attributed(calls.Bytes, calls.Calls + 1);
            }
        }

        state.Bytes = GC.GetAllocatedBytesForCurrentThread();
        state.Doing = next;
    }

    /// <summary>A build thread's allocated bytes at its last event and what it has been doing since.</summary>
    private sealed class ThreadState(long bytes, string doing)
    {
        public long Bytes { get; set; } = bytes;

        public string Doing { get; set; } = doing;
    }
}
