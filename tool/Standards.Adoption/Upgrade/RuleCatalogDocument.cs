using System.Text.Json;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>A parameter of a rule as the catalog file records it.</summary>
public sealed record CatalogParameter(string Name, string Default, string? StrictDefault);

/// <summary>One rule as the catalog file of an SDK package records it (catalog/rules.json).</summary>
public sealed record CatalogRule(
    string Id,
    string Title,
    string Area,
    string Origin,
    Severity Severity,
    Severity? TestSeverity,
    bool Locked,
    IReadOnlyList<string>? Kinds,
    IReadOnlyList<CatalogParameter> Parameters)
{
    /// <summary>The record of a rule of this tool's own catalog (what the file of this version holds).</summary>
    public static CatalogRule From(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new CatalogRule(rule.Id, rule.Title, rule.Area, rule.Origin.ToString(), rule.DefaultSeverity, rule.TestSeverity, rule.Locked, rule.Kinds,
            [.. rule.Parameters.Select(p => new CatalogParameter(p.Name, p.Default, p.StrictDefault))]);
    }

    /// <summary>Equal by value, lists element by element (a record compares lists by reference).</summary>
    public bool SameAs(CatalogRule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Id, Title, Area, Origin, Severity, TestSeverity, Locked) == (other.Id, other.Title, other.Area, other.Origin, other.Severity, other.TestSeverity, other.Locked)
            && (Kinds is null) == (other.Kinds is null) && (Kinds ?? []).SequenceEqual(other.Kinds ?? [], StringComparer.Ordinal)
            && Parameters.SequenceEqual(other.Parameters);
    }
}

/// <summary>
/// Reads the rule catalog an SDK package ships (catalog/rules.json, written by the docs generator from the rule
/// declarations). A file that is not the catalog is STD7510 naming the file and line, never a silent empty catalog:
/// an empty "before" would call every rule new, an empty "after" every rule removed.
/// </summary>
public static class RuleCatalogDocument
{
    /// <summary>Where the catalog is in the SDK package.</summary>
    public const string PackagePath = "catalog/rules.json";

    /// <summary>The newest format this tool reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The rules of the file, in its order.</summary>
    /// <param name="file">The file's name for messages.</param>
    /// <param name="text">Its text.</param>
    public static IReadOnlyList<CatalogRule> Read(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.RuleCatalog.Parse(text);
        if (!parsed.Succeeded)
        {
            throw Malformed(file, Math.Max(parsed.ErrorLine, 1), $"it is not valid JSON ({parsed.Error})");
        }

        // The line of a top-level key, for a value of the wrong type there.
        int LineOf(string key) => (parsed.Root as JsonObjectNode)?.Get(key)?.Line ?? 1;
        try
        {
            using var document = EditableJson.Document(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("formatVersion", out var format) || format.ValueKind != JsonValueKind.Number)
            {
                throw Malformed(file, LineOf("formatVersion"), "it is not a rule catalog (an object with \"formatVersion\" and \"rules\")");
            }

            if (format.GetInt32() > FormatVersion)
            {
                throw Malformed(file, 1, $"its format {format.GetInt32()} is newer than this tool reads ({FormatVersion}); run the command with the tool of the newer version");
            }

            if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(file, LineOf("rules"), "\"rules\" must be an array");
            }

            var result = rules.EnumerateArray().Select((r, i) => Rule(file, r, i)).ToList();
            var duplicate = result.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            return duplicate is null ? result : throw Malformed(file, 1, $"rule {duplicate.Key} is listed {duplicate.Count()} times");
        }
        catch (JsonException ex)
        {
            throw Malformed(file, (int)(ex.LineNumber ?? 0) + 1, $"it is not valid JSON ({ex.Message})");
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw Malformed(file, 1, $"a value has the wrong type ({ex.Message})");
        }
    }

    private static CatalogRule Rule(string file, JsonElement rule, int index)
    {
        string Text(string name) => rule.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw Malformed(file, 1, $"rule #{index + 1} has no string \"{name}\"");
        string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Severity SeverityOf(string word) => SeverityNames.TryParse(word, out var s) ? s : throw Malformed(file, 1, $"rule {Text("id")} has the unknown severity '{word}'");

        var kinds = rule.TryGetProperty("kinds", out var k) && k.ValueKind == JsonValueKind.Array ? k.EnumerateArray().Select(e => e.GetString()!).ToList() : null;
        var parameters = rule.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(e => new CatalogParameter(Optional(e, "name") ?? throw Malformed(file, 1, $"a parameter of {Text("id")} has no name"), Optional(e, "default") ?? string.Empty, Optional(e, "strictDefault"))).ToList()
            : [];
        var test = Optional(rule, "testSeverity");
        return new CatalogRule(Text("id"), Text("title"), Text("area"), Text("origin"), SeverityOf(Text("severity")), test is null ? null : SeverityOf(test),
            rule.TryGetProperty("locked", out var l) && l.ValueKind == JsonValueKind.True, kinds, parameters);
    }

    private static ToolException Malformed(string file, int line, string why) =>
        new(ToolRuleIds.CatalogMalformed,
            $"{file} cannot be read as Standards.Sdk's rule catalog: {why}. The file comes from the SDK package; clear the package from the NuGet cache (dotnet nuget locals global-packages --clear) and run the command again, or report the package to its publisher.",
            file, line);
}
