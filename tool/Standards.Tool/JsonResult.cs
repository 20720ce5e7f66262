using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Baseline;
using Standards.Tool.Commands;

namespace Standards.Tool;

/// <summary>
/// The document <c>--format json</c> prints on standard output, one per run (docs/cli.md). Its shape is versioned:
/// <see cref="SchemaVersion"/> changes when a member is removed or changes meaning; new members may be added.
/// </summary>
internal static class JsonResult
{
    /// <summary>The version of the document's shape.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A finished run.</summary>
    public static string Success(string command, Outcome outcome) =>
        Document(command, outcome.ExitCode == CommandLine.Success ? "ok" : "findings", outcome.ExitCode, Result(outcome), null);

    /// <summary>A run that stopped at a coded error; nothing was written.</summary>
    public static string Error(string command, ToolException error) => Document(command, "error", CommandLine.Error, null, new JsonObject
    {
        ["code"] = error.Code,
        ["message"] = error.Message,
        ["file"] = error.File,
        ["line"] = error.Line,
        ["formatted"] = error.Formatted(),
    });

    /// <summary>A finished fleet report: "ok" when every input was used, "findings" when some were left out.</summary>
    public static string Report(int exitCode, JsonObject result) => Finished("report", exitCode, result);

    /// <summary>A finished run of <paramref name="command"/>: "ok" for exit code 0, else "findings".</summary>
    public static string Finished(string command, int exitCode, JsonObject result) =>
        Document(command, exitCode == CommandLine.Success ? "ok" : "findings", exitCode, result, null);

    /// <summary>A run cancelled by Ctrl-C or SIGTERM; nothing was written.</summary>
    public static string Cancelled(string command) => Document(command, "cancelled", CommandLine.Cancelled, null, null);

    private static string Document(string command, string status, int exitCode, JsonObject? result, JsonObject? error) => new JsonObject
    {
        ["schemaVersion"] = SchemaVersion,
        ["tool"] = "dotnet-standards",
        ["toolVersion"] = CommandLine.ToolVersion,
        ["command"] = command,
        ["status"] = status,
        ["exitCode"] = exitCode,
        ["result"] = result,
        ["error"] = error,
    }.ToJsonString(Indented);

    private static JsonObject Result(Outcome outcome)
    {
        var result = outcome.Result;
        return new JsonObject
        {
            ["dryRun"] = outcome.DryRun,
            ["written"] = result.Written,
            // A survey's verdict is the repo's as it is; adopt's is the build with the baselines it writes.
            ["ciBuildGreen"] = outcome.Reports is null ? result.CiBuildGreen : !result.FailsCiAsItIs,
            ["notHeld"] = new JsonArray([.. result.NotHeld.Select(f => (JsonNode?)Finding(f, null))]),
            ["changes"] = new JsonArray([.. result.ChangeLines.Select(l => (JsonNode?)l)]),
            ["files"] = new JsonArray([.. result.Changes.Files.Keys.Order(StringComparer.Ordinal).Select(f => (JsonNode?)f)]),
            ["findings"] = Findings(result.Findings),
            ["baselines"] = new JsonObject
            {
                ["repoFile"] = BaselineFile.DefaultFileName,
                ["repoEntries"] = result.RepoEntries,
                ["codeFile"] = CodeBaselineDocument.FileName,
                ["codeEntries"] = result.CodeEntries.Count,
                ["added"] = result.Added,
                ["removed"] = new JsonArray([.. result.Removable.Select(r => (JsonNode?)r)]),
            },
            ["notBaselinable"] = new JsonArray([.. result.NotBaselinable.Select(n => (JsonNode?)Finding(n.Diagnostic, n.Fix))]),
            ["weakenedRules"] = new JsonArray([.. result.WeakenedRules.Select(w => (JsonNode?)w)]),
            ["notAnalysed"] = new JsonArray([.. result.NotAnalysed.Select(w => (JsonNode?)w)]),
            ["reports"] = outcome.Reports is { } reports ? new JsonObject { ["markdown"] = reports.Markdown, ["sarif"] = reports.Sarif } : null,
        };
    }

    private static JsonObject Findings(IReadOnlyList<BuildDiagnostic> findings) => new()
    {
        ["total"] = findings.Count,
        ["byRule"] = new JsonObject(findings.GroupBy(f => f.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
        ["items"] = new JsonArray([.. findings.Select(f => (JsonNode?)Finding(f, null))]),
    };

    private static JsonObject Finding(BuildDiagnostic finding, string? fix)
    {
        var item = new JsonObject
        {
            ["code"] = finding.Code,
            ["severity"] = finding.IsError ? "error" : "warning",
            ["file"] = finding.File,
            ["line"] = finding.Line,
            ["column"] = finding.Column,
            ["message"] = finding.Message,
        };
        if (fix is not null)
        {
            item["fix"] = fix;
        }

        return item;
    }
}
