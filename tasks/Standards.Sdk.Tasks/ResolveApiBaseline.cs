using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Release;
using Standards.Sdk.Checks.Release.Packaging;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before package validation: which released package a library's API is compared with (<see cref="ApiBaseline"/>).
/// Outputs the .nupkg for PackageValidationBaselinePath, or nothing (then only the package itself is validated);
/// reports STD6061 and STD6062 through standards.json.
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
        }, File.Exists);
        BaselinePath = resolution.Path ?? string.Empty;
        BaselineVersion = resolution.Version ?? string.Empty;
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: API baseline of {0} {1}: {2}.", PackageId, PackageVersion, BaselinePath.Length == 0 ? "none" : BaselinePath);
        return LogFindings(policy, today, resolution.Findings, ReleaseRuleIds.ApiBaselineMissing, ReleaseRuleIds.ApiCompatibilityNotChecked);
    }
}
