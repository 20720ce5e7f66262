using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// Takes the vendor's promotion out of the HTML coverage report ReportGenerator (Apache-2.0) writes: the "Method
/// coverage" card that only says "Upgrade to PRO version", the "Star" and "Sponsor" buttons in the summary's title,
/// and the small "PRO" links its script draws beside the coverage-type switches (hidden by a style rule). ReportGenerator
/// has no option that leaves them out (its settings and report types all keep them), and a team's CI artifact is no
/// place for an advertisement. The markup is the one of the version the SDK pins (StandardsReportGeneratorVersion);
/// an integration test reads a real report, so a new version that changes it fails there, not silently here.
/// </summary>
public static partial class CoverageHtmlPromotion
{
    /// <summary>The style rule appended to the report's stylesheet (report.css); its first line marks it as ours.</summary>
    public const string HiddenProLinks = "\n/* Standards.Sdk: no vendor promotion in the coverage report. */\n.pro-button { display: none !important; }\n";

    // <div class="card"> <div class="card-header">Method coverage</div> <div class="card-body"> <div class="center">
    // <p>Feature is only available for sponsors</p> <a class="pro-button" ...>Upgrade to PRO version</a> </div> </div> </div>
    [GeneratedRegex("""<div class="card">\s*<div class="card-header">[^<]*</div>\s*<div class="card-body">\s*<div class="center">\s*<p>[^<]*</p>\s*<a class="pro-button"[^>]*>[^<]*</a>\s*</div>\s*</div>\s*</div>\s*""", RegexOptions.CultureInvariant)]
    private static partial Regex ProOnlyCard();

    // <a class="button" href="https://github.com/danielpalme/ReportGenerator" title="Star on GitHub"><i class="icon-star"></i>Star</a>
    // and the same with href="https://github.com/sponsors/danielpalme".
    [GeneratedRegex("""<a class="button" href="https://github\.com/(?:sponsors/)?danielpalme[^"]*"[^>]*>(?:<i [^>]*></i>)?[^<]*</a>""", RegexOptions.CultureInvariant)]
    private static partial Regex TitleButton();

    /// <summary>The page without the promotion; the same string when it has none.</summary>
    public static string Remove(string html)
    {
        var withoutCards = ProOnlyCard().Replace(html, string.Empty);
        return TitleButton().Replace(withoutCards, string.Empty);
    }

    /// <summary>
    /// Takes the promotion out of the report ReportGenerator wrote to <paramref name="directory"/> (its pages and
    /// report.css). A file that cannot be read or rewritten stays as it is: the result is then an STD0008 warning naming
    /// it (the report is a convenience, the gate's verdict is already decided), else null.
    /// </summary>
    public static Finding? RemoveFromReport(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var notWritten = new List<string>();
        foreach (var page in Directory.EnumerateFiles(directory, "*.htm*", SearchOption.TopDirectoryOnly))
        {
            Rewrite(page, Remove, notWritten);
        }

        var css = Path.Combine(directory, "report.css");
        if (File.Exists(css))
        {
            Rewrite(css, HideProLinks, notWritten);
        }

        return notWritten.Count == 0
            ? null
            : StateWriter.NotWritten(notWritten, "the coverage HTML report keeps ReportGenerator's promotion there",
                "Make the coverage report folder writable by the build.", directory) with { Severity = Severity.Warning };
    }

    private static void Rewrite(string path, Func<string, string> change, List<string> notWritten)
    {
        var unreadable = new List<UnreadablePath>();
        if (FileReading.ReadRecording(path, unreadable) is not { } text)
        {
            notWritten.AddRange(unreadable.Select(u => $"{path} ({u.Reason})"));
            return;
        }

        var changed = change(text);
        if (!string.Equals(changed, text, StringComparison.Ordinal))
        {
            StateWriter.TryWrite(path, changed, notWritten);
        }
    }

    /// <summary>The stylesheet with <see cref="HiddenProLinks"/> appended once.</summary>
    public static string HideProLinks(string css) =>
        css.Contains(HiddenProLinks.TrimStart('\n').Split('\n')[0]) ? css : css + HiddenProLinks;
}
