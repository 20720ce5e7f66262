using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Repository;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After ReportGenerator wrote the HTML coverage report: takes the vendor's promotion out of its pages and stylesheet
/// (<see cref="CoverageHtmlPromotion"/>). A page that cannot be rewritten stays as it is and is said as a warning: the
/// report is a convenience, the gate's verdict is already decided.
/// </summary>
public sealed class RemoveCoverageReportPromotion : StandardsTask
{
    /// <summary>The folder ReportGenerator wrote (html/ of the coverage report folder).</summary>
    [Microsoft.Build.Framework.Required]
    public string ReportDirectory { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        if (!Directory.Exists(ReportDirectory))
        {
            return true;
        }

        var notWritten = new List<string>();
        foreach (var page in Directory.EnumerateFiles(ReportDirectory, "*.htm*", SearchOption.TopDirectoryOnly))
        {
            Rewrite(page, CoverageHtmlPromotion.Remove, notWritten);
        }

        var css = Path.Combine(ReportDirectory, "report.css");
        if (File.Exists(css))
        {
            Rewrite(css, CoverageHtmlPromotion.HideProLinks, notWritten);
        }

        if (notWritten.Count > 0)
        {
            Log.LogWarning($"Standards: the coverage HTML report keeps ReportGenerator's promotion in {string.Join("; ", notWritten)}.");
        }

        return true;
    }

    private static void Rewrite(string path, Func<string, string> change, List<string> notWritten)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            notWritten.Add($"{path} ({ReadFailure.Describe(path, ex)})");
            return;
        }

        var changed = change(text);
        if (!string.Equals(changed, text, StringComparison.Ordinal))
        {
            StateWriter.TryWrite(path, changed, notWritten);
        }
    }
}
