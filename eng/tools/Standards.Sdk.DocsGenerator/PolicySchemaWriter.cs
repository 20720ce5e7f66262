using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Produces the JSON schema of standards.json from the rule catalog, so editors complete every rule code and
/// parameter and the schema cannot drift from what the loader accepts. The shipped file
/// (sdk/schema/standards.schema.json) is checked against this output by a test.
/// </summary>
public static class PolicySchemaWriter
{
    /// <summary>Where the schema is published (also its <c>$id</c>).</summary>
    public const string SchemaId = "https://github.com/standards-sdk/standards-sdk/blob/main/sdk/schema/standards.schema.json";

    /// <summary>A diagnostic id that is not Standards.Sdk's (<see cref="DiagnosticIds.IsExternal"/>): letters, then digits, not STD.</summary>
    public const string ExternalIdPattern = "^(?![Ss][Tt][Dd])[A-Za-z]{1,15}[0-9]{1,6}$";

    /// <summary>The schema of the rule catalog as indented JSON text with a trailing newline.</summary>
    public static string Write() => Write(RuleCatalog.All);

    /// <summary>The schema for <paramref name="rules"/> (a test passes the catalog with a sample rule added).</summary>
    public static string Write(IReadOnlyList<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        // The documented words for completion; every spelling the loader takes (any case, white space around) for validation.
        var severity = new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. SeverityNames.Accepted.Select(s => JsonValue.Create(s))]) },
                new JsonObject { ["type"] = "string", ["pattern"] = SeverityPattern() }),
        };
        var properties = TopLevelProperties(rules);

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = SchemaId,
            ["title"] = "Standards.Sdk policy (standards.json)",
            ["description"] = "Numbers, severities and exceptions for the Standards.Sdk build policy. Generated from the rule catalog; see docs/configuration.md.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["patternProperties"] = ShapeSchema.CommentKey(),
            ["definitions"] = new JsonObject
            {
                ["severity"] = severity,
                ["exception"] = ExceptionSchema(rules),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>
    /// The top level as the loader declares it (<see cref="PolicyLoader.Root"/>): its own settings, the rules from the
    /// catalog, the exceptions, then the feature sections as their readers declare them (<see cref="ShapeSchema"/>),
    /// so the schema cannot accept what the build rejects.
    /// </summary>
    private static JsonObject TopLevelProperties(IReadOnlyList<RuleDefinition> rules)
    {
        var properties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string" } };
        foreach (var key in PolicyLoader.Root.Keys.Where(k => k.Type != JsonType.Any))
        {
            properties[key.Name] = key.Name switch
            {
                "rules" => RulesSchema(rules, key),
                "exceptions" => new JsonObject
                {
                    ["description"] = key.Description,
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["$ref"] = "#/definitions/exception" },
                },
                _ => ShapeSchema.ForKey(PolicyLoader.Root, key),
            };
        }

        // The loader's sections (its keys of JsonType.Any) are FeatureSections.All's: SettingsPageTests fails when not.
        foreach (var section in FeatureSections.All)
        {
            properties[section.Name] = ShapeSchema.ForShape(section.Shape, section.Description);
        }

        return properties;
    }

    /// <summary>Every spelling of <see cref="SeverityNames.Spellings"/> in any case, white space around it: JSON schema patterns have no case-insensitive flag.</summary>
    private static string SeverityPattern()
    {
        var words = SeverityNames.Spellings.Select(s => string.Concat(s.Key.Select(c => char.IsLetter(c) ? $"[{c}{char.ToUpperInvariant(c)}]" : c.ToString())));
        return $"^\\s*({string.Join("|", words)})\\s*$";
    }

    /// <summary>The rules section: the catalog's rules by id, and any other diagnostic id with a severity.</summary>
    private static JsonObject RulesSchema(IReadOnlyList<RuleDefinition> rules, JsonKey key)
    {
        var ruleSchemas = new JsonObject();
        foreach (var rule in rules)
        {
            ruleSchemas[rule.Id] = RuleSchema(rule);
        }

        return new JsonObject
        {
            ["description"] = key.Description,
            ["type"] = "object",
            ["properties"] = ruleSchemas,
            // A catalog code, or a diagnostic id that is not ours (an unknown STD code is a typo, STD0003).
            ["propertyNames"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["enum"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r.Id))]) },
                    new JsonObject { ["pattern"] = ExternalIdPattern }),
            },
            ["additionalProperties"] = new JsonObject
            {
                ["description"] = "A diagnostic Standards.Sdk does not manage, set as given in the generated analyzer config.",
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["$ref"] = "#/definitions/severity" },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject
                        {
                            ["severity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
                            ["testSeverity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
                        },
                    }),
            },
        };
    }

    private static JsonObject RuleSchema(RuleDefinition rule)
    {
        var settings = new JsonObject
        {
            ["severity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
            ["testSeverity"] = new JsonObject { ["$ref"] = "#/definitions/severity" },
        };
        foreach (var parameter in rule.Parameters)
        {
            settings[parameter.Name] = parameter.IsList
                ? new JsonObject
                {
                    ["description"] = parameter.Description,
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    ["default"] = new JsonArray([.. parameter.Default.Split(',').Select(v => JsonValue.Create(v))]),
                }
                : new JsonObject
                {
                    ["description"] = parameter.Description,
                    ["type"] = "integer",
                    ["minimum"] = 1,
                    ["maximum"] = int.MaxValue,
                    ["default"] = int.Parse(parameter.Default, System.Globalization.CultureInfo.InvariantCulture),
                };
        }

        return new JsonObject
        {
            ["description"] = $"{rule.Title} (default: {SeverityNames.ToWord(rule.DefaultSeverity)}).",
            ["oneOf"] = new JsonArray(
                new JsonObject { ["$ref"] = "#/definitions/severity" },
                new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = settings }),
        };
    }

    /// <summary>An exception entry as the loader declares it; its rule is a catalog code or a diagnostic id that is not ours.</summary>
    private static JsonObject ExceptionSchema(IReadOnlyList<RuleDefinition> rules)
    {
        var schema = ShapeSchema.ForShape(PolicyLoader.ExceptionShape, null);
        var rule = PolicyLoader.ExceptionShape.Keys.Single(k => k.Name == "rule");
        schema["properties"]!["rule"] = new JsonObject
        {
            ["description"] = rule.Description,
            ["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r.Id))]) },
                new JsonObject { ["type"] = "string", ["pattern"] = ExternalIdPattern }),
        };
        return schema;
    }
}
