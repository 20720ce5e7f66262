using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>Turns findings into MSBuild errors, warnings and messages, with the help link in the text.</summary>
internal static class TaskLogging
{
    /// <summary>
    /// Logs every finding; returns true when none is an error. With <paramref name="warningsAsErrors"/> our
    /// warnings are logged as errors, as TreatWarningsAsErrors does for the compiler's (MSBuild would not).
    /// </summary>
    public static bool LogFindings(TaskLoggingHelper log, IEnumerable<Finding> findings, string helpBaseUrl, bool warningsAsErrors)
    {
        var ok = true;
        foreach (var f in findings)
        {
            var text = f.MessageWithHelp(helpBaseUrl);
            var help = RuleHelp.Link(helpBaseUrl, f.Code);
            var severity = warningsAsErrors && f.Severity == Severity.Warning ? Severity.Error : f.Severity;
            switch (severity)
            {
                case Severity.Error:
                    ok = false;
                    log.LogError(null, f.Code, help, f.File, f.Line, f.Column, 0, 0, text);
                    break;
                case Severity.Warning:
                    log.LogWarning(null, f.Code, help, f.File, f.Line, f.Column, 0, 0, text);
                    break;
                case Severity.Info:
                    log.LogMessage(null, f.Code, help, f.File, f.Line, f.Column, 0, 0, Microsoft.Build.Framework.MessageImportance.Normal, text);
                    break;
                default:
                    break;
            }
        }

        return ok;
    }

    /// <summary>
    /// Logs the findings the adoption baseline accepted as messages with their codes and help links, prefixed
    /// <see cref="Checks.Baseline.BaselineMatcher.AcceptedPrefix"/>: seen in the log, failing nothing.
    /// </summary>
    public static void LogBaselined(TaskLoggingHelper log, IEnumerable<Finding> findings, string helpBaseUrl)
    {
        foreach (var finding in findings)
        {
            log.LogMessage(null, finding.Code, RuleHelp.Link(helpBaseUrl, finding.Code), finding.File, finding.Line, finding.Column, 0, 0,
                Microsoft.Build.Framework.MessageImportance.Normal, Checks.Baseline.BaselineMatcher.AcceptedPrefix + finding.MessageWithHelp(helpBaseUrl));
        }
    }

    /// <summary>The finding with its repo-relative file made absolute under <paramref name="root"/> (what MSBuild and editors open).</summary>
    public static Finding InRepo(Finding finding, string root) =>
        finding.File is { Length: > 0 } file && !Path.IsPathRooted(file)
            ? finding with { File = Path.GetFullPath(Path.Combine(root, file)) }
            : finding;
}
