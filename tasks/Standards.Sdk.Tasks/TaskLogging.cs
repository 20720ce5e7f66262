using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Diagnostics;

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
            var help = Finding.HelpLink(helpBaseUrl, f.Code);
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
}
