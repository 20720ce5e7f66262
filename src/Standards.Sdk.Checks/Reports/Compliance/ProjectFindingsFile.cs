using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// The per-project state compliance.json is made from: one project's findings as its build recorded them (a
/// <see cref="ComplianceProject"/>), written by each project's build into artifacts/standards/obj/projects/ and by
/// each per-project check into the project's obj/ folder. Read as compliance.json is (strict JSON, written by the
/// build only).
/// </summary>
public static class ProjectFindingsFile
{
    /// <summary>The file's text.</summary>
    public static string Write(ComplianceProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("project", project.Project);
            w.WriteString("targetFrameworks", project.TargetFrameworks);
            w.WriteNumber("suppressedInSource", project.SuppressedInSource);
            ComplianceDocument.WriteRows(w, "byRule", project.Findings);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads one; null with the reason when it does not read.</summary>
    public static (ComplianceProject? Project, ComplianceProblem? Problem) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.Compliance.Parse(text);
        if (parsed.Root is not JsonObjectNode root)
        {
            return (null, parsed.Succeeded
                ? ComplianceDocument.Malformed("the document is not a JSON object", parsed.Root!.Line)
                : ComplianceDocument.Malformed($"it is not valid JSON ({parsed.Error})", parsed.ErrorLine));
        }

        return ComplianceDocument.ReadProject(root);
    }
}
