using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Secrets;

namespace Standards.Sdk.Checks.Runs;

/// <summary>The repo-wide checks, in the order they run (RunRepositoryChecks runs them once per build).</summary>
public static class RepositoryChecks
{
    /// <summary>Every repo-wide check.</summary>
    public static IReadOnlyList<IRepositoryCheck> All { get; } =
    [
        new DependencyCheck(),
        new LayoutCheck(),
        new SecretsCheck(),
    ];

    /// <summary>Every repo-wide check, the secret check taking what it searched in an earlier build from <paramref name="secrets"/>.</summary>
    public static IReadOnlyList<IRepositoryCheck> With(SecretFindingsCache secrets) =>
        [.. All.Select(check => check is SecretsCheck ? new SecretsCheck(secrets) : check)];
}
