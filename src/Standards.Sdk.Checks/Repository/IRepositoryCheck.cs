using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// A repo-wide check (layout, dependencies): runs once per build over a snapshot of the repository and reports its
/// findings through <see cref="RepositoryCheckContext.Reporter"/>, which applies the configured severities and the
/// exception entries of standards.json (<see cref="FindingReporter"/>); <see cref="RepositoryCheckRunner"/> applies the
/// adoption baseline to what every check reported. Implementations are plain C#: no MSBuild, no process-wide state,
/// never throw on bad input (a malformed file is a finding with file and line). Messages name no absolute path (the
/// adoption baseline stores them).
/// </summary>
public interface IRepositoryCheck
{
    /// <summary>Short name used in the summary line and reports (e.g. "layout").</summary>
    string Name { get; }

    /// <summary>Runs the check.</summary>
    void Run(RepositoryCheckContext context);
}

/// <summary>What every repo-wide check gets: the snapshot (scoped to the projects on the policy), the policy and the reporter.</summary>
public sealed class RepositoryCheckContext
{
    private RepositoryCheckContext(RepositorySnapshot repository, RepositoryPolicy policy)
    {
        Repository = repository;
        Policy = policy;
        Reporter = FindingReporter.ForRepository(policy.Effective, repository);
    }

    /// <summary>The snapshot, with projects not on Standards.Sdk left out unless the policy checks them (<see cref="RepositoryScope"/>).</summary>
    public RepositorySnapshot Repository { get; }

    /// <summary>The policy as it applies to the repository (its kind, the rules' parameters).</summary>
    public RepositoryPolicy Policy { get; }

    /// <summary>The repo policy as loaded from standards.json.</summary>
    public StandardsPolicy Standards => Policy.Policy;

    /// <summary>The date dates are judged against.</summary>
    public DateOnly Today => Policy.Today;

    /// <summary>Where every finding of the run is reported.</summary>
    public FindingReporter Reporter { get; }

    /// <summary>A context over <paramref name="repository"/>: scoped, its kind resolved, a fresh reporter.</summary>
    public static RepositoryCheckContext Create(RepositorySnapshot repository, StandardsPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(policy);
        repository = RepositoryScope.Apply(repository, policy);
        return new RepositoryCheckContext(repository, RepositoryPolicy.For(repository, policy, today));
    }
}

/// <summary>Running one repo-wide check on its own (tests, tools): the findings it reports, with severities and exceptions applied.</summary>
public static class RepositoryCheckExtensions
{
    /// <summary>Runs <paramref name="check"/> over <paramref name="repository"/> and returns what it reported.</summary>
    public static IReadOnlyList<Finding> Run(this IRepositoryCheck check, RepositorySnapshot repository, StandardsPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(check);
        var context = RepositoryCheckContext.Create(repository, policy, today);
        check.Run(context);
        return context.Reporter.Findings;
    }
}
