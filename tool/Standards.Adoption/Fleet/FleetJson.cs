using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Adoption.Fleet;

/// <summary>
/// <c>fleet.json</c>: the fleet report for machines (docs/cli.md). Versioned by <see cref="SchemaVersion"/>: the number
/// changes when a member is removed or changes meaning; members may be added.
/// </summary>
public static class FleetJson
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "fleet.json";

    /// <summary>The version of the shape.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document's text.</summary>
    public static string Write(FleetModel fleet, IReadOnlyList<FleetProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(problems);
        return new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["today"] = fleet.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["newestSdkVersion"] = fleet.NewestSdkVersion,
            ["files"] = fleet.Files,
            ["repos"] = new JsonArray([.. fleet.Repos.Select(r => (JsonNode?)Repo(fleet, r))]),
            ["expiring"] = new JsonArray([.. fleet.Expiring.Select(x => (JsonNode?)Exception(fleet, x.Exception, x.Repo))]),
            ["problems"] = new JsonArray([.. problems.Select(p => (JsonNode?)new JsonObject
            {
                ["code"] = p.Code,
                ["file"] = p.File,
                ["line"] = p.Line,
                ["message"] = p.Message,
            })]),
        }.ToJsonString(Indented) + "\n";
    }

    /// <summary>One repo's row and section, as the page's script also reads it.</summary>
    internal static JsonObject Repo(FleetModel fleet, FleetRepo repo)
    {
        var facts = repo.Latest.Facts;
        return new JsonObject
        {
            ["repo"] = repo.Repo,
            ["status"] = repo.Status,
            ["sdkVersion"] = facts.SdkVersion,
            ["versionsBehind"] = repo.VersionsBehind,
            ["version"] = facts.Version,
            ["repoKind"] = facts.RepoKind,
            ["commit"] = facts.Commit,
            ["date"] = facts.Date,
            ["file"] = repo.Latest.File,
            ["builds"] = repo.History.Count,
            ["findings"] = repo.Findings,
            ["errors"] = repo.Errors,
            ["warnings"] = repo.Warnings,
            ["infos"] = repo.Infos,
            ["countsProjects"] = facts.CountsProjects,
            ["baselined"] = facts.AllFindings().Sum(f => f.Baselined),
            ["baselines"] = new JsonObject { ["repo"] = facts.RepoBaselineEntries, ["code"] = facts.CodeBaselineEntries },
            ["baselineTrend"] = new JsonArray([.. repo.History.Select(h => (JsonNode?)new JsonObject
            {
                ["date"] = h.Facts.Date,
                ["entries"] = FleetRepo.BaselineTotal(h.Facts),
            })]),
            ["coverage"] = facts.Coverage is { } c ? new JsonObject
            {
                ["line"] = c.Line,
                ["branch"] = c.Branch,
                ["lineThreshold"] = c.LineThreshold,
                ["branchThreshold"] = c.BranchThreshold,
                ["passed"] = c.Passed,
            } : null,
            ["sbom"] = new JsonObject { ["enabled"] = facts.Sbom.Enabled, ["format"] = facts.Sbom.Format },
            ["byRule"] = new JsonArray([.. facts.AllFindings().Select(f => (JsonNode?)new JsonObject
            {
                ["rule"] = f.Rule,
                ["severity"] = f.Severity,
                ["count"] = f.Count,
                ["baselined"] = f.Baselined,
            })]),
            ["projects"] = Projects(facts),
            ["exceptions"] = new JsonArray([.. facts.Exceptions.Select(e => (JsonNode?)Exception(fleet, e, null))]),
            ["expiring"] = repo.Expiring.Count,
        };
    }

    /// <summary>Each project's findings no baseline accepts, by severity, with its baselined and suppressed ones.</summary>
    private static JsonArray Projects(ComplianceFacts facts) => new([.. facts.Projects.Select(p => (JsonNode?)new JsonObject
    {
        ["project"] = p.Project,
        ["errors"] = p.Open("error"),
        ["warnings"] = p.Open("warning"),
        ["infos"] = p.Open("info"),
        ["baselined"] = p.Findings.Sum(f => f.Baselined),
        ["suppressedInSource"] = p.SuppressedInSource,
    })]);

    private static JsonObject Exception(FleetModel fleet, ComplianceExceptionEntry exception, string? repo)
    {
        var item = new JsonObject();
        if (repo is not null)
        {
            item["repo"] = repo;
        }

        item["rule"] = exception.Rule;
        item["scope"] = exception.Scope;
        item["owner"] = exception.Owner;
        item["reason"] = exception.Reason;
        item["expires"] = exception.Expires;
        item["daysLeft"] = fleet.DaysLeft(exception);
        return item;
    }
}
