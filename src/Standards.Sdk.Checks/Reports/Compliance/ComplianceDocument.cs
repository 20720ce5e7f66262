using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>A compliance file that cannot be used, and why (STD7520-STD7529).</summary>
/// <param name="Code">The STD75xx code.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">1-based line, 0 when the whole file is concerned.</param>
public sealed record ComplianceProblem(string Code, string Message, int Line);

/// <summary>
/// Writes and reads <c>compliance.json</c>. Its shape is versioned by <see cref="SchemaVersion"/>: the number changes
/// when a member is removed or changes meaning; members may be added. A reader refuses a newer version rather than
/// misread it, and reads version 1 (findings of the repository checks only: <see cref="ComplianceFacts.CountsProjects"/> false).
/// </summary>
public static partial class ComplianceDocument
{
    /// <summary>The file name, in artifacts/standards/.</summary>
    public const string FileName = "compliance.json";

    /// <summary>The version of the shape this build writes and reads.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The schema's id (shipped in the package as schema/compliance.schema.json).</summary>
    public const string SchemaUri = "https://github.com/standards-sdk/standards-sdk/blob/main/sdk/schema/compliance.schema.json";

    /// <summary>The file's text.</summary>
    public static string Write(ComplianceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("repo", facts.Repo);
            WriteNullable(w, "commit", facts.Commit);
            w.WriteString("date", facts.Date);
            w.WriteString("sdkVersion", facts.SdkVersion);
            w.WriteString("repoKind", facts.RepoKind);
            WriteNullable(w, "version", facts.Version);
            WriteFindings(w, facts);
            w.WriteStartObject("baselines");
            WriteCount(w, "repo", facts.RepoBaselineEntries);
            WriteCount(w, "code", facts.CodeBaselineEntries);
            w.WriteEndObject();
            w.WriteStartArray("exceptions");
            foreach (var e in facts.Exceptions)
            {
                w.WriteStartObject();
                w.WriteString("rule", e.Rule);
                w.WriteString("scope", e.Scope);
                w.WriteString("owner", e.Owner);
                w.WriteString("reason", e.Reason);
                w.WriteString("expires", e.Expires);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteCoverage(w, facts.Coverage);
            w.WriteStartObject("sbom");
            w.WriteBoolean("enabled", facts.Sbom.Enabled);
            WriteNullable(w, "format", facts.Sbom.Format);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a compliance file: the facts, or the one problem that makes it unusable.</summary>
    public static (ComplianceFacts? Facts, ComplianceProblem? Problem) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.Compliance.Parse(text);
        if (parsed.Root is not JsonObjectNode root)
        {
            return (null, parsed.Succeeded
                ? Malformed("the document is not a JSON object", parsed.Root!.Line)
                : Malformed($"it is not valid JSON ({parsed.Error})", parsed.ErrorLine));
        }

        var reader = new Reader(root);
        var version = reader.Version();
        if (version is null)
        {
            return (null, reader.Problem);
        }

        if (version > SchemaVersion)
        {
            return (null, new ComplianceProblem(ToolRuleIds.ComplianceFutureVersion,
                $"schemaVersion {version} is newer than this tool reads ({SchemaVersion}): the file was written by a newer Standards.Sdk. Update Standards.Tool to the newest SDK version of the fleet (dotnet tool update Standards.Tool).",
                root.Get("schemaVersion")!.Line));
        }

        var facts = reader.Facts(version.Value);
        return facts is null ? (null, reader.Problem) : (facts, null);
    }

    /// <summary>A problem of shape: <paramref name="what"/> says what is wrong.</summary>
    public static ComplianceProblem Malformed(string what, int line) => new(ToolRuleIds.ComplianceMalformed,
        $"The compliance file cannot be read: {what}. Use the compliance.json a CI build on Standards.Sdk wrote (artifacts/standards/compliance.json); its shape is schema/compliance.schema.json.", line);

    private static void WriteFindings(Utf8JsonWriter w, ComplianceFacts facts)
    {
        var all = facts.AllFindings();
        w.WriteStartObject("findings");
        w.WriteString("scope", "build");
        w.WriteNumber("errors", all.Where(f => f.Severity == "error").Sum(f => f.Count - f.Baselined));
        w.WriteNumber("warnings", all.Where(f => f.Severity == "warning").Sum(f => f.Count - f.Baselined));
        w.WriteNumber("infos", all.Where(f => f.Severity == "info").Sum(f => f.Count - f.Baselined));
        w.WriteNumber("baselined", all.Sum(f => f.Baselined));
        w.WriteNumber("suppressedInSource", facts.Projects.Sum(p => p.SuppressedInSource));
        WriteRows(w, "byRule", all);
        w.WriteStartObject("repository");
        WriteRows(w, "byRule", facts.Findings);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("projects");
        foreach (var project in facts.Projects.OrderBy(p => p.Project, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("project", project.Project);
            w.WriteString("targetFrameworks", project.TargetFrameworks);
            w.WriteNumber("suppressedInSource", project.SuppressedInSource);
            WriteRows(w, "byRule", project.Findings);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Rows by rule and severity as an array named <paramref name="name"/>, in rule order.</summary>
    internal static void WriteRows(Utf8JsonWriter w, string name, IReadOnlyList<ComplianceRuleCount> rows)
    {
        w.WriteStartArray(name);
        foreach (var row in rows.OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Severity, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("rule", row.Rule);
            w.WriteString("severity", row.Severity);
            w.WriteNumber("count", row.Count);
            w.WriteNumber("baselined", row.Baselined);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A project entry (compliance.json's "projects", or a per-project state file).</summary>
    internal static (ComplianceProject? Project, ComplianceProblem? Problem) ReadProject(JsonObjectNode node)
    {
        var reader = new Reader(node);
        var project = reader.Project(node);
        return reader.Problem is null ? (project, null) : (null, reader.Problem);
    }

    private static void WriteCoverage(Utf8JsonWriter w, ComplianceCoverage? coverage)
    {
        if (coverage is null)
        {
            w.WriteNull("coverage");
            return;
        }

        w.WriteStartObject("coverage");
        w.WriteNumber("line", Math.Round(coverage.Line, 2));
        w.WriteNumber("branch", Math.Round(coverage.Branch, 2));
        w.WriteNumber("lineThreshold", coverage.LineThreshold);
        w.WriteNumber("branchThreshold", coverage.BranchThreshold);
        w.WriteBoolean("passed", coverage.Passed);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteCount(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } count)
        {
            w.WriteNumber(name, count);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Reads the members; the first problem stops it.</summary>
    private sealed partial class Reader(JsonObjectNode root)
    {
        public ComplianceProblem? Problem { get; private set; }

        public int? Version()
        {
            if (root.Get("schemaVersion") is not JsonNumberNode number || !number.TryGetInt32(out var version) || version < 1)
            {
                Problem = Malformed("\"schemaVersion\" must be a positive whole number", (root.Get("schemaVersion") ?? root).Line);
                return null;
            }

            return version;
        }

        public ComplianceFacts? Facts(int version)
        {
            var repo = String(root, "repo", required: true);
            var commit = String(root, "commit", required: false);
            var date = String(root, "date", required: true);
            var sdk = String(root, "sdkVersion", required: true);
            var kind = String(root, "repoKind", required: true);
            var repoVersion = String(root, "version", required: false);
            var findings = Findings(version);
            var projects = version >= 2 ? Projects() : [];
            var baselines = Object(root, "baselines");
            var repoBaseline = baselines is null ? null : Count(baselines, "repo", nullable: true);
            var codeBaseline = baselines is null ? null : Count(baselines, "code", nullable: true);
            var exceptions = Exceptions();
            var coverage = Coverage();
            var sbom = Object(root, "sbom") is { } sbomNode ? new ComplianceSbom(Boolean(sbomNode, "enabled"), String(sbomNode, "format", required: false)) : null;
            if (Problem is not null)
            {
                return null;
            }

            // The schema's pattern, exactly: a date the page sorts and the history orders by must mean one instant.
            if (!DateTime.TryParseExact(date, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            {
                Problem = Malformed($"\"date\" is '{date}', not an ISO 8601 date and time", root.Get("date")!.Line);
                return null;
            }

            CheckSchema(version, findings, projects);
            if (Problem is not null)
            {
                return null;
            }

            return new ComplianceFacts
            {
                Repo = repo!, Commit = commit, Date = date!, SdkVersion = sdk!, RepoKind = kind!, Version = repoVersion,
                Findings = findings, Projects = projects, CountsProjects = version >= 2, RepoBaselineEntries = repoBaseline, CodeBaselineEntries = codeBaseline,
                Exceptions = exceptions, Coverage = coverage, Sbom = sbom!,
            };
        }

        private List<ComplianceRuleCount> Findings(int version)
        {
            // Version 1 counted the repository checks in findings.byRule; version 2 keeps them in findings.repository
            // (findings.byRule sums them with the projects', which are read from "projects").
            // The sums are checked for shape, not kept: they are made again from the parts.
            var findings = Object(root, "findings");
            if (findings is null)
            {
                return [];
            }

            if (version < 2)
            {
                return Rows(findings);
            }

            _ = Rows(findings);
            return Object(findings, "repository") is { } repository ? Rows(repository) : [];
        }

        private List<ComplianceProject> Projects()
        {
            var list = new List<ComplianceProject>();
            if (Array(root, "projects") is not { } projects)
            {
                return list;
            }

            foreach (var item in projects.Items)
            {
                if (Item(item, "projects") is { } entry && Project(entry) is { } project)
                {
                    list.Add(project);
                }
            }

            return list;
        }

        public ComplianceProject? Project(JsonObjectNode entry)
        {
            var name = String(entry, "project", required: true);
            var frameworks = String(entry, "targetFrameworks", required: false) ?? string.Empty;
            var suppressed = Count(entry, "suppressedInSource", nullable: false) ?? 0;
            var rows = Rows(entry);
            return Problem is null ? new ComplianceProject(name!, frameworks, rows, suppressed) : null;
        }

        private List<ComplianceRuleCount> Rows(JsonObjectNode parent)
        {
            var rows = new List<ComplianceRuleCount>();
            if (Array(parent, "byRule") is not { } byRule)
            {
                return rows;
            }

            foreach (var item in byRule.Items)
            {
                if (Item(item, "byRule") is { } row)
                {
                    var severity = String(row, "severity", required: true);
                    if (severity is not null and not ("error" or "warning" or "info"))
                    {
                        Fail($"\"severity\" is '{severity}'; use error, warning or info", row.Get("severity")!.Line);
                    }

                    var count = Count(row, "count", nullable: false) ?? 0;
                    var baselined = Count(row, "baselined", nullable: false) ?? 0;
                    if (baselined > count)
                    {
                        Fail($"\"baselined\" is {baselined}, more than \"count\" ({count})", row.Get("baselined")!.Line);
                    }

                    rows.Add(new ComplianceRuleCount(String(row, "rule", required: true) ?? string.Empty, severity ?? string.Empty, count, baselined));
                }
            }

            return rows;
        }

        private List<ComplianceExceptionEntry> Exceptions()
        {
            var list = new List<ComplianceExceptionEntry>();
            if (Array(root, "exceptions") is not { } exceptions)
            {
                return list;
            }

            foreach (var item in exceptions.Items)
            {
                if (Item(item, "exceptions") is { } entry)
                {
                    var expires = String(entry, "expires", required: true) ?? string.Empty;
                    if (Problem is null && !DateTime.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        Fail($"\"expires\" is '{expires}'; write the date as yyyy-MM-dd", entry.Get("expires")!.Line);
                    }

                    list.Add(new ComplianceExceptionEntry(String(entry, "rule", required: true) ?? string.Empty, String(entry, "scope", required: true) ?? string.Empty,
                        String(entry, "owner", required: true) ?? string.Empty, String(entry, "reason", required: false) ?? string.Empty, expires));
                }
            }

            return list;
        }

        private ComplianceCoverage? Coverage()
        {
            var node = root.Get("coverage");
            if (node is null or JsonNullNode)
            {
                return null;
            }

            if (node is not JsonObjectNode coverage)
            {
                Fail("\"coverage\" must be an object or null", node.Line);
                return null;
            }

            return new ComplianceCoverage(Number(coverage, "line"), Number(coverage, "branch"), Number(coverage, "lineThreshold"), Number(coverage, "branchThreshold"), Boolean(coverage, "passed"));
        }

        private JsonObjectNode? Item(JsonValueNode item, string where)
        {
            if (item is JsonObjectNode entry)
            {
                return entry;
            }

            Fail($"an item of \"{where}\" is a {item.Kind}, not an object", item.Line);
            return null;
        }

        private JsonObjectNode? Object(JsonObjectNode parent, string name)
        {
            var node = parent.Get(name);
            if (node is JsonObjectNode value)
            {
                return value;
            }

            Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" is a {node.Kind}, not an object", (node ?? parent).Line);
            return null;
        }

        private JsonArrayNode? Array(JsonObjectNode parent, string name)
        {
            var node = parent.Get(name);
            if (node is JsonArrayNode value)
            {
                return value;
            }

            Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" is a {node.Kind}, not an array", (node ?? parent).Line);
            return null;
        }

        private string? String(JsonObjectNode parent, string name, bool required)
        {
            var node = parent.Get(name);
            switch (node)
            {
                case JsonStringNode text when !required || text.Value.Length > 0:
                    return text.Value;
                case null or JsonNullNode when !required:
                    return null;
                default:
                    Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" must be a non-empty string", (node ?? parent).Line);
                    return null;
            }
        }

        private int? Count(JsonObjectNode parent, string name, bool nullable)
        {
            var node = parent.Get(name);
            if (node is JsonNullNode && nullable)
            {
                return null;
            }

            if (node is JsonNumberNode number && number.TryGetInt32(out var value) && value >= 0)
            {
                return value;
            }

            Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" must be a whole number of 0 or more", (node ?? parent).Line);
            return null;
        }

        private double Number(JsonObjectNode parent, string name)
        {
            var node = parent.Get(name);
            if (node is JsonNumberNode number && number.TryGetDouble(out var value) && value >= 0 && value <= 100)
            {
                return value;
            }

            Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" must be a percentage from 0 to 100", (node ?? parent).Line);
            return 0;
        }

        private bool Boolean(JsonObjectNode parent, string name)
        {
            var node = parent.Get(name);
            if (node is JsonBooleanNode flag)
            {
                return flag.Value;
            }

            Fail(node is null ? $"\"{name}\" is missing" : $"\"{name}\" must be true or false", (node ?? parent).Line);
            return false;
        }

        private void Fail(string what, int line) => Problem ??= Malformed(what, line);
    }
}
