namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// What the CI system says about the build: which ref it builds (CI checkouts are often a detached HEAD, so the
/// branch or tag comes from the environment, as Nerdbank.GitVersioning reads it) and where a build number goes.
/// </summary>
/// <param name="System">github, gitlab, azure, or null outside those.</param>
/// <param name="BuildingRef">The ref being built (<c>refs/heads/main</c>, <c>refs/tags/v1.2.3</c>, <c>refs/pull/7/merge</c>), or null.</param>
/// <param name="CommitId">The commit the CI system builds, when it says.</param>
public sealed record CloudBuildContext(string? System, string? BuildingRef, string? CommitId)
{
    /// <summary>No CI system.</summary>
    public static CloudBuildContext None { get; } = new(null, null, null);

    /// <summary>Reads the CI variables of GitHub Actions, GitLab CI and Azure Pipelines.</summary>
    public static CloudBuildContext FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Value(string name) => variable(name) is { Length: > 0 } value ? value : null;

        if (Value("GITHUB_ACTIONS") == "true")
        {
            var ignore = string.Equals(Value("IGNORE_GITHUB_REF"), "true", StringComparison.OrdinalIgnoreCase);
            return new CloudBuildContext("github", ignore ? null : Value("GITHUB_REF"), ignore ? null : Value("GITHUB_SHA"));
        }

        if (Value("GITLAB_CI") is not null)
        {
            var reference = Value("CI_COMMIT_TAG") is { } tag ? "refs/tags/" + tag
                : Value("CI_COMMIT_REF_NAME") is { } branch ? "refs/heads/" + branch
                : null;
            return new CloudBuildContext("gitlab", reference, Value("CI_COMMIT_SHA"));
        }

        if (Value("SYSTEM_TEAMPROJECTID") is not null || (Value("TF_BUILD") is { } tf && !string.Equals(tf, "false", StringComparison.OrdinalIgnoreCase)))
        {
            return new CloudBuildContext("azure", Value("BUILD_SOURCEBRANCH"), Value("BUILD_SOURCEVERSION"));
        }

        return None;
    }
}
