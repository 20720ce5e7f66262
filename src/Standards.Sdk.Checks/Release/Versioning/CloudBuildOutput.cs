namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>A line for the CI system: printed to the log, or appended to a file the CI system reads.</summary>
/// <param name="File">The file (GitHub's GITHUB_ENV or GITHUB_STEP_SUMMARY, GitLab's dotenv report), or null to print the line.</param>
/// <param name="Line">The text.</param>
public sealed record CloudBuildLine(string? File, string Line);

/// <summary>
/// How each CI system learns the version (docs/release.md): Azure Pipelines through logging commands
/// (<c>##vso[build.updatebuildnumber]</c>, <c>##vso[task.setvariable]</c>); GitHub Actions through the
/// <c>GITHUB_ENV</c> file (variables for later steps) and the job summary (GitHub has no build number); GitLab
/// through a dotenv file the pipeline publishes as an <c>artifacts:reports:dotenv</c> report. The variable names
/// are Nerdbank.GitVersioning's (GitBuildVersion, GitBuildVersionSimple, GitAssemblyInformationalVersion).
/// </summary>
public static class CloudBuildOutput
{
    /// <summary>The lines for <paramref name="system"/>; empty outside a known CI system.</summary>
    /// <param name="system">github, gitlab or azure.</param>
    /// <param name="setVariables">version.json's cloudBuild.setVersionVariables.</param>
    /// <param name="version">The computed version.</param>
    /// <param name="variable">Reads an environment variable (GITHUB_ENV, GITHUB_STEP_SUMMARY).</param>
    /// <param name="gitLabDotEnvFile">Where the GitLab dotenv report goes.</param>
    public static IReadOnlyList<CloudBuildLine> Lines(string? system, bool setVariables, ComputedVersion version, Func<string, string?> variable, string? gitLabDotEnvFile)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(variable);
        var variables = setVariables
            ? new (string Name, string Value)[]
            {
                ("GitBuildVersion", version.BuildVersion),
                ("GitBuildVersionSimple", version.SimpleVersion),
                ("GitAssemblyInformationalVersion", version.InformationalVersion),
                ("GitNuGetPackageVersion", version.NuGetPackageVersion),
            }
            : [];
        var number = version.CloudBuildNumber;
        var lines = new List<CloudBuildLine>();
        switch (system)
        {
            case "azure":
                if (number is not null)
                {
                    lines.Add(new CloudBuildLine(null, $"##vso[build.updatebuildnumber]{number}"));
                }

                lines.AddRange(variables.Select(v => new CloudBuildLine(null, $"##vso[task.setvariable variable={v.Name};]{v.Value}")));
                break;
            case "github":
                if (variable("GITHUB_ENV") is { Length: > 0 } env)
                {
                    lines.AddRange(variables.Select(v => new CloudBuildLine(env, $"{v.Name}={v.Value}")));
                }

                if (number is not null && variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
                {
                    lines.Add(new CloudBuildLine(summary, $"Build version (Standards.Sdk): `{number}`"));
                }

                break;
            case "gitlab":
                if (gitLabDotEnvFile is not null)
                {
                    lines.AddRange(variables.Select(v => new CloudBuildLine(gitLabDotEnvFile, $"{v.Name}={v.Value}")));
                    if (number is not null)
                    {
                        lines.Add(new CloudBuildLine(gitLabDotEnvFile, $"CloudBuildNumber={number}"));
                    }
                }

                break;
            default:
                break;
        }

        return lines;
    }
}
