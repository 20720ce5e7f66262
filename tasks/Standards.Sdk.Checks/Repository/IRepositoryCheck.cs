using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// A repo-wide check (layout, dependencies): runs once per build over a snapshot of the repository and
/// returns findings. Implementations are plain C#: no MSBuild, no process-wide state, never throw on bad
/// input (a malformed file is a finding with file and line).
/// </summary>
public interface IRepositoryCheck
{
    /// <summary>Short name used in the summary line and reports (e.g. "layout").</summary>
    string Name { get; }

    /// <summary>Runs the check.</summary>
    IReadOnlyList<Finding> Run(RepositorySnapshot repository, StandardsPolicy policy, DateOnly today);
}
