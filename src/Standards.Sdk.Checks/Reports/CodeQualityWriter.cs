using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports;

/// <summary>
/// Writes findings as a GitLab Code Quality report (the CodeClimate subset GitLab reads,
/// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): a JSON array with one issue per
/// finding: <c>description</c>, <c>check_name</c>, <c>fingerprint</c>, <c>severity</c> and <c>location.path</c> with
/// <c>location.lines.begin</c>. GitLab takes no SARIF for its merge request widget, so the CI template publishes
/// this file as <c>artifacts:reports:codequality</c>. Findings the adoption baseline accepts are left out: they are
/// not new issues of the change.
/// </summary>
public static class CodeQualityWriter
{
    /// <summary>The path given for a finding about the whole repository (GitLab requires a path).</summary>
    public const string RepositoryPath = ".";

    /// <summary>The report text.</summary>
    /// <param name="items">The findings, repo-relative.</param>
    /// <param name="helpBaseUrl">Base of the rule pages (the help link ends each description).</param>
    public static string Write(IReadOnlyList<ReportItem> items, string helpBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(helpBaseUrl);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartArray();
            foreach (var finding in items.Where(i => !i.Baselined).Select(i => i.Finding))
            {
                var path = string.IsNullOrEmpty(finding.File) ? RepositoryPath : finding.File.Replace('\\', '/');
                w.WriteStartObject();
                w.WriteString("type", "issue");
                w.WriteString("check_name", finding.Code);
                w.WriteString("description", finding.MessageWithHelp(helpBaseUrl));
                w.WriteStartArray("categories");
                w.WriteStringValue("Style");
                w.WriteEndArray();
                w.WriteString("severity", Severity(finding.Severity));
                w.WriteString("fingerprint", Fingerprint(finding.Code, path, finding.Message));
                w.WriteStartObject("location");
                w.WriteString("path", path);
                w.WriteStartObject("lines");
                w.WriteNumber("begin", Math.Max(1, finding.Line));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>GitLab's severity (info, minor, major, critical, blocker) of ours.</summary>
    public static string Severity(Severity severity) => severity switch
    {
        Diagnostics.Severity.Error => "critical",
        Diagnostics.Severity.Warning => "major",
        _ => "info",
    };

    /// <summary>
    /// A stable id of an issue: the code, the file and the message, not the line, so an issue that only moves is
    /// the same issue in the merge request's comparison with its target branch.
    /// </summary>
    public static string Fingerprint(string code, string path, string message) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{code}\n{path}\n{message}"))).ToLowerInvariant()[..32];
}
