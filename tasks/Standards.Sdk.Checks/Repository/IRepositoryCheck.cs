using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// A repo-wide check (layout, dependencies): runs once per build over a snapshot of the repository and
/// returns findings. Implementations are plain C#: no MSBuild, no process-wide state, never throw on bad
/// input (a malformed file is a finding with file and line).
/// Conventions the runner (<see cref="RepositoryCheckRunner"/>) relies on: a finding's File is repo-relative and
/// '/'-separated (absolute paths below the root are made relative), its Severity is already the configured one
/// (use <see cref="RepositoryPolicy"/> or <see cref="EffectivePolicy"/>; <see cref="Severity.None"/> findings are
/// dropped), and messages name no absolute path (the adoption baseline stores them). The runner applies the
/// exception entries of standards.json and the baseline afterwards.
/// </summary>
public interface IRepositoryCheck
{
    /// <summary>Short name used in the summary line and reports (e.g. "layout").</summary>
    string Name { get; }

    /// <summary>Runs the check.</summary>
    IReadOnlyList<Finding> Run(RepositorySnapshot repository, StandardsPolicy policy, DateOnly today);
}
