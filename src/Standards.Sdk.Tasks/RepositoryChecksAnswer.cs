using Microsoft.Build.Framework;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Remembers, for the rest of one build and inside one MSBuild node, that the repository checks answered a project's
/// call with success. Every project calls the repository-checks project (Standards.RepositoryChecks.targets); MSBuild
/// answers all but the first call from its results cache, but each answer is still a round trip through the build
/// scheduler, the largest per-project cost of a no-op build (docs/performance.md, "At scale"). A later project on
/// the same node that finds a successful answer here skips its call.
/// Only success is remembered: after a failure every project calls again and fails as it did before. The answer a
/// project waits for (a call still running) is not remembered yet, so a project never gets ahead of the checks (with
/// StandardsUpdateBaseline the checks rewrite the baseline the project's own check reads next). Build lifetime:
/// MSBuild drops the record when the build ends, also in a node that is reused for the next build. Run out of process
/// (StandardsUseTaskHost), the record lives as long as the task host process; a project that finds none calls.
/// Where the project writes inputs caches first, <see cref="WriteInputsCache"/> looks the answer up in the same call
/// (<see cref="IsRecorded"/>), and this task only records.
/// </summary>
public sealed class RepositoryChecksAnswer : StandardsTask
{
    private const string KeyPrefix = "Standards.Sdk.RepositoryChecksSucceeded|";

    /// <summary>The global properties of the call: one (project, global properties) pair is one answer.</summary>
    [Required]
    public string Call { get; set; } = string.Empty;

    /// <summary>False: look the answer up (<see cref="Succeeded"/>). True: record that the call just succeeded.</summary>
    public bool Record { get; set; }

    /// <summary>True when this node already has a successful answer to the same call in this build.</summary>
    [Output]
    public bool Succeeded { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        if (Record)
        {
            var key = KeyPrefix + Call;
            BuildEngine4.RegisterTaskObject(key, key, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
            return true;
        }

        Succeeded = IsRecorded(BuildEngine4, Call);
        return true;
    }

    /// <summary>
    /// True when <paramref name="engine"/>'s node recorded a successful answer to <paramref name="call"/> in this build.
    /// </summary>
    internal static bool IsRecorded(IBuildEngine4 engine, string call) =>
        engine.GetRegisteredTaskObject(KeyPrefix + call, RegisteredTaskObjectLifetime.Build) is not null;
}
