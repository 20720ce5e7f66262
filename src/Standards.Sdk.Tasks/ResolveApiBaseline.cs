using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Release.Packaging;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before package validation: which released package a library's API is compared with (<see cref="ApiBaseline"/>).
/// Outputs the .nupkg for PackageValidationBaselinePath, or nothing (then only the package itself is validated);
/// reports STD6061 and STD6062 through standards.json. Run twice when the release package is in no local folder: the
/// first run (<see cref="DownloadDirectory"/> set) writes a project whose restore downloads it from the feeds
/// (<see cref="DownloadProject"/>) and reports nothing; the build restores it and runs this again without it.
/// </summary>
public sealed class ResolveApiBaseline : ProjectPolicyTask
{
    /// <summary>PackageId.</summary>
    [Required]
    public string PackageId { get; set; } = string.Empty;

    /// <summary>The version being packed.</summary>
    [Required]
    public string PackageVersion { get; set; } = string.Empty;

    /// <summary>The latest stable release tag's version before HEAD (ComputeStandardsVersion), or empty.</summary>
    public string? LatestRelease { get; set; }

    /// <summary>PackageValidationBaselineVersion as the project sets it, or empty.</summary>
    public string? ConfiguredVersion { get; set; }

    /// <summary>PackageValidationBaselinePath as the project sets it, or empty.</summary>
    public string? ConfiguredPath { get; set; }

    /// <summary>NuGetPackageRoot.</summary>
    public string? PackageRoot { get; set; }

    /// <summary>The restore sources (NuGet's, from nuget.config).</summary>
    public string[] Sources { get; set; } = [];

    /// <summary>Where to write the download project when the package is in no local folder; empty: report it missing.</summary>
    public string? DownloadDirectory { get; set; }

    /// <summary>The target framework of the download project: the building SDK's own, net$(BundledNETCoreAppTargetFrameworkVersion).</summary>
    public string? DownloadTargetFramework { get; set; }

    /// <summary>The project to restore to download the release package, or empty (nothing to download).</summary>
    [Output]
    public string DownloadProject { get; set; } = string.Empty;

    /// <summary>The baseline package to compare with, or empty.</summary>
    [Output]
    public string BaselinePath { get; set; } = string.Empty;

    /// <summary>The baseline version, or empty.</summary>
    [Output]
    public string BaselineVersion { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var resolution = ApiBaseline.Resolve(new ApiBaselineRequest
        {
            ProjectFile = ProjectFile,
            PackageId = PackageId,
            PackageVersion = PackageVersion,
            LatestRelease = LatestRelease ?? string.Empty,
            ConfiguredVersion = ConfiguredVersion ?? string.Empty,
            ConfiguredPath = string.IsNullOrWhiteSpace(ConfiguredPath) ? string.Empty : Path.GetFullPath(ConfiguredPath),
            PackageRoot = PackageRoot ?? string.Empty,
            Sources = [.. Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
            FeedsSearched = string.IsNullOrEmpty(DownloadDirectory),
        }, File.Exists);
        if (resolution.DownloadVersion is { } download && !string.IsNullOrEmpty(DownloadDirectory))
        {
            return WriteDownloadProject(download, policy.HelpBaseUrl);
        }

        BaselinePath = resolution.Path ?? string.Empty;
        BaselineVersion = resolution.Version ?? string.Empty;
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: API baseline of {0} {1}: {2}.", PackageId, PackageVersion, BaselinePath.Length == 0 ? "none" : BaselinePath);
        return LogFindings(policy, today, resolution.Findings, ReleaseRuleIds.ApiBaselineMissing, ReleaseRuleIds.ApiCompatibilityNotChecked);
    }

    private bool WriteDownloadProject(string version, string helpBaseUrl)
    {
        var path = Path.Combine(Path.GetFullPath(DownloadDirectory!), "download.proj");
        var notWritten = new List<string>();
        if (!StateWriter.TryWrite(path, ApiBaseline.DownloadProject(PackageId, version, DownloadTargetFramework ?? string.Empty), notWritten))
        {
            // Without the download the API cannot be compared: an error, never a pass.
            return LogAndRecord([NotWritten(notWritten, $"the project that downloads release {version} of {PackageId} to compare its API with", IntermediateFolderFix, ProjectFile) with { Severity = Severity.Error }], helpBaseUrl, warningsAsErrors: true);
        }

        DownloadProject = path;
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: the API baseline {0} {1} is in no local folder; downloading it from the feeds of nuget.config.", PackageId, version);
        return true;
    }
}
