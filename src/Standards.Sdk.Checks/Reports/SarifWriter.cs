using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports;

/// <summary>
/// Writes findings as SARIF 2.1.0 (what GitHub code scanning and Azure DevOps read): one run whose tool driver is
/// Standards.Sdk with a rule per code (id, name, shortDescription, helpUri, default level), and a result per finding
/// (ruleId, ruleIndex, level, message, location relative to the repo root with the start line). Findings the
/// adoption baseline accepts carry <c>baselineState: "unchanged"</c> and an external suppression.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema URI put in the file.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The SARIF text.</summary>
    /// <param name="items">The findings, repo-relative.</param>
    /// <param name="helpBaseUrl">Base of the rule pages.</param>
    /// <param name="toolVersion">The Standards.Sdk version.</param>
    /// <param name="hasBaseline">True when a baseline was applied (results then carry baselineState).</param>
    public static string Write(IReadOnlyList<ReportItem> items, string helpBaseUrl, string toolVersion, bool hasBaseline)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(helpBaseUrl);
        var codes = items.Select(i => i.Finding.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", Version);
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "Standards.Sdk");
            if (!string.IsNullOrEmpty(toolVersion))
            {
                w.WriteString("version", toolVersion);
                w.WriteString("semanticVersion", toolVersion);
            }

            w.WriteString("informationUri", (helpBaseUrl.EndsWith('/') ? helpBaseUrl : helpBaseUrl + "/") + "README.md");
            w.WriteStartArray("rules");
            foreach (var code in codes)
            {
                WriteRule(w, code, helpBaseUrl);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var item in items)
            {
                WriteResult(w, item, index[item.Finding.Code], helpBaseUrl, hasBaseline);
            }

            w.WriteEndArray();
            w.WriteString("columnKind", "unicodeCodePoints");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A repo-relative path as a relative URI reference (segments escaped).</summary>
    public static string RelativeUri(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteRule(Utf8JsonWriter w, string code, string helpBaseUrl)
    {
        var rule = RuleCatalog.Find(code);
        w.WriteStartObject();
        w.WriteString("id", code);
        w.WriteString("name", code);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule?.Title ?? code);
        w.WriteEndObject();
        w.WriteString("helpUri", RuleHelp.Link(helpBaseUrl, code));
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule?.DefaultSeverity ?? Severity.Error));
        w.WriteEndObject();
        if (rule is not null)
        {
            w.WriteStartObject("properties");
            w.WriteString("area", rule.Area);
            w.WriteString("source", rule.Source);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, ReportItem item, int ruleIndex, string helpBaseUrl, bool hasBaseline)
    {
        var f = item.Finding;
        w.WriteStartObject();
        w.WriteString("ruleId", f.Code);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(f.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", f.MessageWithHelp(helpBaseUrl));
        w.WriteEndObject();
        if (f.File is { Length: > 0 } file)
        {
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", RelativeUri(file));
            w.WriteString("uriBaseId", "%SRCROOT%");
            w.WriteEndObject();
            if (f.Line > 0)
            {
                w.WriteStartObject("region");
                w.WriteNumber("startLine", f.Line);
                if (f.Column > 0)
                {
                    w.WriteNumber("startColumn", f.Column);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (hasBaseline)
        {
            w.WriteString("baselineState", item.Baselined ? "unchanged" : "new");
        }

        if (item.Baselined)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("justification", "Accepted in the adoption baseline (standards-baseline.json).");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
