using System.Globalization;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Versioning;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Computes the project's version from version.json and the git height (<see cref="VersionEngine"/>) and hands
/// it to MSBuild as the properties Nerdbank.GitVersioning sets. Cheap on a no-op build: the git facts are cached
/// by HEAD, tags and the version.json folder, in memory and in the repo's state folder. In CI it also gives the
/// CI system the build number and version variables (once per value, however many projects ask).
/// </summary>
public sealed class ComputeStandardsVersion : ProjectPolicyTask
{
    /// <summary>Where the facts are cached (the repo's state folder).</summary>
    public string? StateDirectory { get; set; }

    /// <summary>PublicRelease as given to the build ('' to decide from the ref).</summary>
    public string? PublicRelease { get; set; }

    /// <summary>StandardsVersionFallbackHeight ('' for 0 with a warning).</summary>
    public string? FallbackHeight { get; set; }

    /// <summary>The Version a project file or Directory.Build.props set ('' when none): reported as STD6008.</summary>
    public string? VersionSetInProject { get; set; }

    /// <summary>True to print the version table and the reasons (the StandardsVersion target).</summary>
    public bool Explain { get; set; }

    /// <summary>True to give the CI system the build number and variables.</summary>
    public bool SetCloudBuildVariables { get; set; }

    /// <summary>Where the GitLab dotenv report with the version variables goes.</summary>
    public string? GitLabDotEnvFile { get; set; }

    /// <summary>The version for NuGet (Version and PackageVersion).</summary>
    [Output]
    public string NuGetPackageVersion { get; set; } = string.Empty;

    /// <summary>AssemblyVersion.</summary>
    [Output]
    public string AssemblyVersion { get; set; } = string.Empty;

    /// <summary>FileVersion.</summary>
    [Output]
    public string FileVersion { get; set; } = string.Empty;

    /// <summary>InformationalVersion.</summary>
    [Output]
    public string InformationalVersion { get; set; } = string.Empty;

    /// <summary>BuildVersion (x.y.z[.w]).</summary>
    [Output]
    public string BuildVersion { get; set; } = string.Empty;

    /// <summary>SemVer 2 form.</summary>
    [Output]
    public string SemVer2 { get; set; } = string.Empty;

    /// <summary>The cloud build number, when version.json enables it.</summary>
    [Output]
    public string CloudBuildNumber { get; set; } = string.Empty;

    /// <summary>The full commit id.</summary>
    [Output]
    public string GitCommitId { get; set; } = string.Empty;

    /// <summary>The commit id as versions carry it.</summary>
    [Output]
    public string GitCommitIdShort { get; set; } = string.Empty;

    /// <summary>The git height.</summary>
    [Output]
    public string GitVersionHeight { get; set; } = string.Empty;

    /// <summary>True for a public release.</summary>
    [Output]
    public string PublicReleaseResult { get; set; } = string.Empty;

    /// <summary>The ref being built.</summary>
    [Output]
    public string BuildingRef { get; set; } = string.Empty;

    /// <summary>HEAD's committer date (Unix seconds), the deterministic timestamp of SBOMs.</summary>
    [Output]
    public string GitCommitTime { get; set; } = string.Empty;

    /// <summary>The version of the latest stable release tag before HEAD (the baseline of API compatibility), or empty.</summary>
    [Output]
    public string LatestRelease { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var request = new VersionRequest
        {
            ProjectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!,
            StateDirectory = string.IsNullOrEmpty(StateDirectory) ? null : Path.GetFullPath(StateDirectory),
            Cloud = CloudBuildContext.FromEnvironment(Environment.GetEnvironmentVariable),
            PublicReleaseOverride = bool.TryParse(PublicRelease, out var forced) ? forced : null,
            FallbackHeight = int.TryParse(FallbackHeight, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fallback) ? fallback : null,
        };
        var result = VersionCheck.Run(new VersionCheckInput(request, VersionSetInProject, LocateVersion)
        {
            SetCloudBuildVariables = SetCloudBuildVariables,
            GitLabDotEnvFile = GitLabDotEnvFile,
            FirstInBuild = FirstInBuild,
        });
        var outcome = result.Version;
        if (outcome.Version is { } version)
        {
            SetOutputs(outcome, version);
        }

        foreach (var line in result.Announced)
        {
            Log.LogMessage(MessageImportance.High, line);
        }

        LogExplanation(outcome);
        if (result.Findings.Count == 0)
        {
            return true;
        }

        // standards.json is read only when there is something to report (the no-op path never parses it).
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var reporter = FindingReporter.ForProject(policy, CreateProjectContext(), today);
        reporter.AddRange(result.Findings.Select(f => WithPolicySeverity(f, reporter)));
        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private (string? File, int Line) LocateVersion()
    {
        var where = LocateProperty("Version");
        return (where.File, where.Line);
    }

    // Once per build (not per node process: a reused node serves later builds too).
    private bool FirstInBuild(string key)
    {
        if (BuildEngine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not null)
        {
            return false;
        }

        BuildEngine4.RegisterTaskObject(key, key, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        return true;
    }

    private void SetOutputs(VersionOutcome outcome, ComputedVersion version)
    {
        NuGetPackageVersion = version.NuGetPackageVersion;
        AssemblyVersion = version.AssemblyVersion;
        FileVersion = version.FileVersion;
        InformationalVersion = version.InformationalVersion;
        BuildVersion = version.BuildVersion;
        SemVer2 = version.SemVer2;
        CloudBuildNumber = version.CloudBuildNumber ?? string.Empty;
        GitCommitId = version.GitCommitId ?? string.Empty;
        GitCommitIdShort = version.GitCommitIdShort ?? string.Empty;
        GitVersionHeight = version.VersionHeight.ToString(CultureInfo.InvariantCulture);
        PublicReleaseResult = version.PublicRelease ? "true" : "false";
        BuildingRef = outcome.BuildingRef ?? string.Empty;
        GitCommitTime = outcome.CommitTime?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        LatestRelease = outcome.LatestRelease ?? string.Empty;
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: version {0} for {1} (height {2}, {3}; facts from {4}).",
            version.NuGetPackageVersion, Path.GetFileNameWithoutExtension(ProjectFile), version.VersionHeight,
            version.PublicRelease ? "public release" : "not a public release", outcome.FactsSource);
    }

    private void LogExplanation(VersionOutcome outcome)
    {
        if (Explain)
        {
            foreach (var line in VersionEngine.Table(outcome).Concat(["Why:"]).Concat(outcome.Explanation.Select(l => "  " + l)))
            {
                Log.LogMessage(MessageImportance.High, line);
            }
        }
        else if (outcome.Explanation.Count > 0)
        {
            Log.LogMessage(MessageImportance.Low, "Standards.Sdk: " + string.Join(" ", outcome.Explanation));
        }
    }
}
