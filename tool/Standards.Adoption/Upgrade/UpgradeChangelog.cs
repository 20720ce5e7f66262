using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Adoption.Upgrade;

/// <summary>
/// The policy changelog of an upgrade, ready for a pull request's body (artifacts/standards/upgrade.md) or as JSON
/// (<c>--format json</c>, the same facts): the versions, the pins moved, the rules added, removed, raised, lowered,
/// locked, unlocked and re-tuned, the APIs banned and allowed again, and, when a catalog could not be compared, why.
/// </summary>
public static class UpgradeChangelog
{
    /// <summary>The markdown file under artifacts/standards/.</summary>
    public const string MarkdownFile = "upgrade.md";

    /// <summary>The JSON file under artifacts/standards/.</summary>
    public const string JsonFile = "upgrade.json";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The changelog as markdown.</summary>
    public static string Markdown(UpgradeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("# Standards.Sdk ").Append(result.From).Append(" -> ").Append(result.To).Append("\n\n");
        sb.Append("Made by `dotnet standards upgrade`").Append(result.Written ? "." : result.Green ? " (dry run: nothing was written)." : " (nothing was written: the CI build on the new version fails on what is listed under Not baselined).").Append("\n\n## Versions moved\n\n");
        sb.AppendJoin(string.Empty, result.ChangeLines.Select(l => $"- {l}\n"));
        sb.Append("\n## Policy changes\n\n");
        if (result.Diff is not { } diff)
        {
            sb.Append("The rule catalogs could not be compared: ").Append(result.CatalogProblem).Append('\n');
        }
        else if (diff.IsEmpty)
        {
            sb.Append("No rule, banned API or default was added, removed or changed.\n");
        }
        else
        {
            Section(sb, "Rules added", diff.Added.Select(r => $"{r.Id} {r.Title} ({CatalogDiff.Describe(r)}{(r.Locked ? ", locked" : string.Empty)})"));
            Section(sb, "Rules removed", diff.Removed.Select(r => $"{r.Id} {r.Title}"));
            Section(sb, "Severities raised", diff.SeverityRaised.Select(c => $"{c.After.Id} {c.After.Title}: {CatalogDiff.Describe(c.Before)} -> {CatalogDiff.Describe(c.After)}"));
            Section(sb, "Severities lowered", diff.SeverityLowered.Select(c => $"{c.After.Id} {c.After.Title}: {CatalogDiff.Describe(c.Before)} -> {CatalogDiff.Describe(c.After)}"));
            Section(sb, "Newly locked", diff.NewlyLocked.Select(r => $"{r.Id} {r.Title}"));
            Section(sb, "Unlocked", diff.Unlocked.Select(r => $"{r.Id} {r.Title}"));
            Section(sb, "Defaults changed", diff.DefaultsChanged.Select(p => $"{p.RuleId} `{p.Name}`: {p.Before ?? "(new)"} -> {p.After ?? "(removed)"}"));
            Section(sb, "APIs banned (RS0030)", diff.BannedAdded.Select(b => $"`{b.Symbol}` ({b.File}): {b.Replacement}"));
            Section(sb, "APIs no longer banned", diff.BannedRemoved.Select(b => $"`{b.Symbol}` ({b.File})"));
            if (diff.BannedProblem is { } problem)
            {
                sb.Append(problem).Append('\n');
            }
        }

        Findings(sb, result);
        return sb.ToString();
    }

    private static void Findings(StringBuilder sb, UpgradeResult result)
    {
        sb.Append("\n## Findings baselined\n\n");
        if (result.Verification is not { } verification)
        {
            sb.Append("No build ran, so no finding was recorded.\n");
            return;
        }

        sb.Append(result.Baselined.Count == 0 ? "None: the new version finds nothing the baselines did not hold.\n" : string.Empty);
        sb.AppendJoin(string.Empty, result.Baselined.Select(r => $"- {r.RuleId}: {r.Count} ({string.Join(", ", r.TopFiles.Select(f => $"{f.File} {f.Count}"))})\n"));
        if (verification.NotBaselinable.Count > 0)
        {
            sb.Append("\n## Not baselined (the CI build fails until they are fixed)\n\n");
            sb.AppendJoin(string.Empty, verification.NotBaselinable.Select(u => $"- {u.Diagnostic.Code} {u.Diagnostic.File}{(u.Diagnostic.Line > 0 ? $"({u.Diagnostic.Line})" : string.Empty)}: {u.Fix}\n"));
        }
    }

    /// <summary>The same facts as JSON.</summary>
    public static string Json(UpgradeResult result) => Facts(result).ToJsonString(WriteOptions) + "\n";

    /// <summary>The changelog's facts as a JSON object: the file <see cref="Json"/> writes, and the result of the command's JSON document.</summary>
    public static JsonObject Facts(UpgradeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new JsonObject
        {
            ["from"] = result.From,
            ["to"] = result.To,
            ["written"] = result.Written,
            ["changes"] = new JsonArray([.. result.ChangeLines.Select(l => JsonValue.Create(l))]),
            ["catalogProblem"] = result.CatalogProblem,
            ["built"] = result.Verification is not null,
            ["baselined"] = new JsonArray([.. result.Baselined.Select(r => new JsonObject
            {
                ["id"] = r.RuleId,
                ["count"] = r.Count,
                ["topFiles"] = new JsonArray([.. r.TopFiles.Select(f => new JsonObject { ["file"] = f.File, ["count"] = f.Count })]),
            })]),
            ["notBaselined"] = new JsonArray([.. (result.Verification?.NotBaselinable ?? []).Select(u => new JsonObject { ["id"] = u.Diagnostic.Code, ["file"] = u.Diagnostic.File, ["line"] = u.Diagnostic.Line, ["fix"] = u.Fix })]),
        };
        if (result.Diff is { } diff)
        {
            root["added"] = Rules(diff.Added);
            root["removed"] = Rules(diff.Removed);
            root["severityRaised"] = Changes(diff.SeverityRaised);
            root["severityLowered"] = Changes(diff.SeverityLowered);
            root["newlyLocked"] = Rules(diff.NewlyLocked);
            root["unlocked"] = Rules(diff.Unlocked);
            root["defaultsChanged"] = new JsonArray([.. diff.DefaultsChanged.Select(p => new JsonObject { ["id"] = p.RuleId, ["name"] = p.Name, ["from"] = p.Before, ["to"] = p.After })]);
            root["bannedAdded"] = Bans(diff.BannedAdded);
            root["bannedRemoved"] = Bans(diff.BannedRemoved);
            root["bannedProblem"] = diff.BannedProblem;
        }

        return root;
    }

    private static JsonArray Rules(IEnumerable<CatalogRule> rules) =>
        new([.. rules.Select(r => new JsonObject { ["id"] = r.Id, ["title"] = r.Title, ["severity"] = SeverityNames.ToWord(r.Severity), ["locked"] = r.Locked })]);

    private static JsonArray Bans(IEnumerable<BannedApi> bans) =>
        new([.. bans.Select(b => new JsonObject { ["symbol"] = b.Symbol, ["file"] = b.File, ["replacement"] = b.Replacement })]);

    private static JsonArray Changes(IEnumerable<SeverityChange> changes) =>
        new([.. changes.Select(c => new JsonObject { ["id"] = c.After.Id, ["title"] = c.After.Title, ["from"] = SeverityNames.ToWord(c.Before.Severity), ["to"] = SeverityNames.ToWord(c.After.Severity) })]);

    private static void Section(StringBuilder sb, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count > 0)
        {
            sb.Append("### ").Append(title).Append("\n\n").AppendJoin(string.Empty, list.Select(l => $"- {l}\n")).Append('\n');
        }
    }
}
