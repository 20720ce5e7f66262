using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The pre-commit hook's secret scan (Standards.StagedSecrets.proj): <see cref="StagedSecretScan"/> over the staged
/// files the hook copied out of git's index into <see cref="StagedRoot"/>, with the repo's standards.json and adoption
/// baseline; findings name the files of the repo. All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class ScanStagedSecrets : StandardsTask
{
    /// <summary>The repo root: where standards.json and the baseline are, and what findings name.</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>A folder holding the staged files at their repo-relative paths (git checkout-index --prefix).</summary>
    [Required]
    public string StagedRoot { get; set; } = string.Empty;

    /// <summary>standards.json; may not exist.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The adoption baseline file; may not exist.</summary>
    public string? BaselinePath { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD); used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>Base URL of the rule pages when standards.json does not set helpBaseUrl.</summary>
    public string? HelpBaseUrl { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var root = Path.GetFullPath(RepoRoot);
        var today = ResolveToday(Today);
        var policy = LoadPolicy(string.IsNullOrEmpty(PolicyFile) ? null : Path.GetFullPath(PolicyFile), today, findings: null);
        var helpBaseUrl = policy.HelpBaseUrl != StandardsPolicy.DefaultHelpBaseUrl || string.IsNullOrEmpty(HelpBaseUrl) ? policy.HelpBaseUrl : HelpBaseUrl;
        var (staged, statistics) = RepositorySnapshotLoader.Load(Path.GetFullPath(StagedRoot), useGit: false);
        var baselinePath = string.IsNullOrEmpty(BaselinePath) ? Path.Combine(root, BaselineFile.DefaultFileName) : Path.GetFullPath(BaselinePath);
        var baselineRelative = Path.GetRelativePath(root, baselinePath).Replace('\\', '/');
        var baseline = AdoptionBaseline.ReadFile(baselineRelative, baselinePath);

        var outcome = StagedSecretScan.Run(staged, policy, today, baseline);
        var errors = outcome.Reported.Count(f => f.Severity == Severity.Error);
        Log.LogMessage(MessageImportance.High,
            $"Standards: secret scan of {statistics.Files} staged file(s): {errors} error(s), {outcome.Reported.Count - errors} warning(s), {outcome.Baselined.Count} baselined.");
        var ok = TaskLogging.LogFindings(Log, [.. outcome.Reported.Select(f => TaskLogging.InRepo(f, root))], helpBaseUrl, warningsAsErrors: false);
        TaskLogging.LogBaselined(Log, outcome.Baselined.Select(f => TaskLogging.InRepo(f, root)), helpBaseUrl);
        return ok;
    }
}
