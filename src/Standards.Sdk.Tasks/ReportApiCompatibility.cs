using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Release.Packaging;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After package validation: its differences as STD6060 (a breaking change against the release without a major
/// version) and STD6063 (between the package's frameworks), through standards.json (<see cref="ApiCompatibilityReport"/>).
/// </summary>
public sealed class ReportApiCompatibility : ProjectPolicyTask
{
    /// <summary>The suppression file package validation wrote (ApiCompatSuppressionOutputFile); missing when it found nothing.</summary>
    [Required]
    public string DifferencesFile { get; set; } = string.Empty;

    /// <summary>The project's own suppression files (ApiCompatSuppressionFile), whose entries are accepted.</summary>
    public ITaskItem[] SuppressionFiles { get; set; } = [];

    /// <summary>PackageId.</summary>
    [Required]
    public string PackageId { get; set; } = string.Empty;

    /// <summary>The version packed.</summary>
    [Required]
    public string PackageVersion { get; set; } = string.Empty;

    /// <summary>The release compared with, or empty.</summary>
    public string? BaselineVersion { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var accepted = new List<ApiDifference>();
        foreach (var file in SuppressionFiles.Select(f => f.GetMetadata("FullPath")).Where(File.Exists))
        {
            accepted.AddRange(ReadOrNull(file) is { } suppressions && ApiCompatibilityReport.Parse(suppressions) is { } entries ? entries : []);
        }

        var text = File.Exists(DifferencesFile) ? ReadOrNull(DifferencesFile) ?? string.Empty : null;
        var context = new ApiCompatibilityContext(ProjectFile, PackageId, PackageVersion, string.IsNullOrEmpty(BaselineVersion) ? "(none)" : BaselineVersion);
        var findings = ApiCompatibilityReport.Run(DifferencesFile, text, accepted, context);
        return LogFindings(policy, today, findings, ReleaseRuleIds.BreakingChangeWithoutMajor, ReleaseRuleIds.ApiDiffersBetweenFrameworks);
    }
}
