using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Coverage;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The repo coverage gate (Standards.Coverage.proj, once per build). The gate is <see cref="CoverageMergeCheck"/>: this
/// task reads its properties, runs it, logs its findings and messages and sets the HTML report's outputs.
/// </summary>
public sealed class MergeCoverage : StandardsTask
{
    /// <summary>Repo root.</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>standards.json at the repo root; may not exist.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The per-project reports: &lt;folder&gt;/&lt;test project&gt;/coverage.cobertura.xml.</summary>
    [Required]
    public string CoverageDirectory { get; set; } = string.Empty;

    /// <summary>Where coverage.cobertura.xml (merged) and summary.md go.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The coverage baseline; may not exist.</summary>
    [Required]
    public string BaselineFile { get; set; } = string.Empty;

    /// <summary>True to raise the baseline to the current numbers.</summary>
    public bool UpdateBaseline { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD); used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>Log warnings as errors (CI and Release builds).</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>The build's compliance.json (CI): when it exists, the merged coverage is recorded in it.</summary>
    public string? ComplianceFile { get; set; }

    /// <summary>The merged report written, for the HTML report.</summary>
    [Output]
    public string MergedReport { get; set; } = string.Empty;

    /// <summary>The gate's verdict ("passed" or "failed (codes)"), for the HTML report's title.</summary>
    [Output]
    public string Verdict { get; set; } = string.Empty;

    /// <summary>The HTML report's title: the gate's verdict and its minimums, on the report's first page.</summary>
    [Output]
    public string ReportTitle { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday(Today);
        var policy = LoadPolicy(string.IsNullOrEmpty(PolicyFile) ? null : PolicyFile, today, findings: null);
        var input = new CoverageMergeInput(RepoRoot, CoverageDirectory, OutputDirectory, BaselineFile, ComplianceFile, today)
        {
            UpdateBaseline = UpdateBaseline,
            WarningsAsErrors = WarningsAsErrors,
        };
        var outcome = CoverageMergeCheck.Run(input, policy);
        foreach (var message in outcome.Messages)
        {
            Log.LogMessage(MessageImportance.High, "{0}", message);
        }

        MergedReport = outcome.MergedReport;
        Verdict = outcome.Verdict;
        ReportTitle = outcome.ReportTitle;
        return LogAndRecord(outcome.Findings, policy.HelpBaseUrl, WarningsAsErrors);
    }
}
