using Standards.Sdk.Checks.Coverage;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After ReportGenerator wrote the HTML coverage report: takes the vendor's promotion out of its pages and stylesheet
/// (<see cref="CoverageHtmlPromotion.RemoveFromReport"/>); a file it cannot rewrite is an STD0008 warning.
/// </summary>
public sealed class RemoveCoverageReportPromotion : StandardsTask
{
    /// <summary>The folder ReportGenerator wrote (html/ of the coverage report folder).</summary>
    [Microsoft.Build.Framework.Required]
    public string ReportDirectory { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        // Never fails the build: the warning stays a warning even in CI (the gate's verdict is already decided).
        TaskLogging.LogFindings(Log, CoverageHtmlPromotion.RemoveFromReport(ReportDirectory) is { } finding ? [finding] : [], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
        return true;
    }
}
