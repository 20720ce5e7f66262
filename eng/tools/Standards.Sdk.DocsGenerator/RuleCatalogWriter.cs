using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Produces sdk/catalog/rules.json, the rule catalog in machine-readable form, shipped in the SDK package
/// (catalog/rules.json) so `dotnet standards upgrade` can tell what changed between two versions: every rule's id,
/// title, area, origin, default and test severity, locked flag, project kinds and parameters. Nothing in it depends
/// on the version, so the same catalog gives the same bytes. Read by Standards.Adoption's RuleCatalogDocument.
/// </summary>
public static class RuleCatalogWriter
{
    /// <summary>The file in the repo (and, without <c>sdk/</c>, in the package).</summary>
    public const string RepoPath = "sdk/catalog/rules.json";

    /// <summary>The format of the file; a reader refuses a newer one.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The catalog as indented JSON text with a trailing newline.</summary>
    public static string Write() => Write(RuleCatalog.All);

    /// <summary>The given rules as the catalog file (a test passes the catalog with a rule added).</summary>
    public static string Write(IReadOnlyList<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var array = new JsonArray();
        foreach (var rule in rules)
        {
            array.Add(Rule(rule));
        }

        var root = new JsonObject { ["formatVersion"] = FormatVersion, ["rules"] = array };
        return root.ToJsonString(WriteOptions) + "\n";
    }

    private static JsonObject Rule(RuleDefinition rule)
    {
        var node = new JsonObject
        {
            ["id"] = rule.Id,
            ["title"] = rule.Title,
            ["area"] = rule.Area,
            ["origin"] = rule.Origin.ToString(),
            ["severity"] = SeverityNames.ToWord(rule.DefaultSeverity),
            ["testSeverity"] = rule.TestSeverity is { } test ? SeverityNames.ToWord(test) : null,
            ["locked"] = rule.Locked,
            ["kinds"] = rule.Kinds is null ? null : new JsonArray([.. rule.Kinds.Select(k => JsonValue.Create(k))]),
        };
        var parameters = new JsonArray();
        foreach (var p in rule.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = p.Name, ["default"] = p.Default, ["strictDefault"] = p.StrictDefault });
        }

        node["parameters"] = parameters;
        return node;
    }
}
