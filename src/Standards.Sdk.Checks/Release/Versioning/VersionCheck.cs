using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>What a project's version step reads besides its <see cref="VersionRequest"/>.</summary>
/// <param name="Request">Where the project is, the cache, the CI system and the overrides.</param>
/// <param name="VersionSetInProject">The Version a project file or Directory.Build.props set (null or empty when none): reported as STD6008.</param>
/// <param name="LocateVersion">Where the project sets Version (file and line), for that finding.</param>
public sealed record VersionCheckInput(VersionRequest Request, string? VersionSetInProject, Func<(string? File, int Line)> LocateVersion)
{
    /// <summary>True to give the CI system the build number and variables.</summary>
    public bool SetCloudBuildVariables { get; init; }

    /// <summary>Where the GitLab dotenv report with the version variables goes.</summary>
    public string? GitLabDotEnvFile { get; init; }

    /// <summary>An environment variable's value (the CI system's variables).</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// True the first time a key is seen in this build (so each CI line is printed or appended once per build, however
    /// many projects ask); the host decides what a build is.
    /// </summary>
    public Func<string, bool> FirstInBuild { get; init; } = _ => true;
}

/// <summary>What the version step decided.</summary>
/// <param name="Version">The engine's answer: the version, its facts and the explanation.</param>
/// <param name="Findings">The engine's findings, STD6008 for a Version the project sets, and STD0008 for a CI file that could not be written; severities are the catalog's (the caller applies the policy).</param>
/// <param name="Announced">The CI lines to print in the build log (the build number and variables of a CI system that reads the log).</param>
public sealed record VersionCheckOutcome(VersionOutcome Version, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Announced);

/// <summary>
/// A project's version step, without MSBuild: computes the version (<see cref="VersionEngine"/>), reports a Version
/// the project sets in vain, and hands the version to the CI system (its log lines, GITHUB_ENV, GitLab's dotenv file).
/// </summary>
public static class VersionCheck
{
    /// <summary>How to fix a CI file the version cannot be written to (STD0008).</summary>
    private const string CloudBuildFileFix =
        "Make the file writable by the user the build runs as (GITHUB_ENV and GITHUB_STEP_SUMMARY are files the runner provides: a container job that runs as another user cannot write them; GitLab's dotenv report goes to artifacts/standards/). If no later step needs the version, build with -p:StandardsSetCloudBuildVariables=false (or set it in Directory.Build.props).";

    /// <summary>Runs the step.</summary>
    public static VersionCheckOutcome Run(VersionCheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = VersionEngine.Compute(input.Request);
        var findings = outcome.Findings.ToList();
        var announced = new List<string>();
        if (outcome.Version is not { } version)
        {
            return new VersionCheckOutcome(outcome, findings, announced);
        }

        if (!string.IsNullOrEmpty(input.VersionSetInProject))
        {
            var (file, line) = input.LocateVersion();
            findings.Add(new Finding(ReleaseRuleIds.VersionSetInProject, Severity.Warning,
                $"Version is set to '{input.VersionSetInProject}' here, but version.json decides the version ({version.NuGetPackageVersion}); the setting is ignored. Remove it, or pass -p:Version=... on the command line to override version.json for one build.",
                file, line));
        }

        if (input.SetCloudBuildVariables
            && Announce(CloudBuildOutput.Lines(input.Request.Cloud.System, outcome.SetCloudBuildVariables, version, input.Variable, input.GitLabDotEnvFile), input.FirstInBuild, announced) is { Count: > 0 } notWritten)
        {
            // A later CI step that reads the version (a tag, an image name) would otherwise get nothing, and
            // nobody would know why: the build was right, the hand-over was not (docs/rules/STD0008.md).
            findings.Add(StateWriter.NotWritten(notWritten.Select(n => n.Problem), "later CI steps do not get the version (its variables and the build number)", CloudBuildFileFix, notWritten[0].Path));
        }

        return new VersionCheckOutcome(outcome, findings, announced);
    }

    /// <summary>
    /// Prints (into <paramref name="announced"/>) or appends each line once per build; a file that already has the line
    /// is left alone. Returns the files that could not be written, each with its reason.
    /// </summary>
    private static List<(string Path, string Problem)> Announce(IReadOnlyList<CloudBuildLine> lines, Func<string, bool> firstInBuild, List<string> announced)
    {
        var notWritten = new List<(string Path, string Problem)>();
        foreach (var line in lines)
        {
            if (!firstInBuild("Standards.Sdk.CloudBuild|" + (line.File ?? "log") + "|" + line.Line))
            {
                continue;
            }

            if (line.File is null)
            {
                announced.Add(line.Line);
                continue;
            }

            if (Append(line.File, line.Line) is { } problem && !notWritten.Exists(n => string.Equals(n.Path, line.File, StringComparison.Ordinal)))
            {
                notWritten.Add((line.File, problem));
            }
        }

        return notWritten;
    }

    // Appends the line unless the file has it; returns why it could not, or null.
    private static string? Append(string file, string line)
    {
        try
        {
            if (FileReading.ReadOrNull(file)?.Split('\n').Contains(line, StringComparer.Ordinal) != true)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                File.AppendAllText(file, line + "\n");
            }

            return null;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return $"{file} ({ReadFailure.Describe(file, ex)})";
        }
    }
}
