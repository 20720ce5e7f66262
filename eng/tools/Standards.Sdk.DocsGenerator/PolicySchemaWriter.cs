using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Diagnostics;
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
        var severity = new JsonObject { ["enum"] = new JsonArray([.. SeverityNames.Accepted.Select(s => JsonValue.Create(s))]) };
        var properties = TopLevelProperties(rules);

        // The feature sections as their readers declare them (ShapeSchema): the schema cannot accept what the build rejects.
        foreach (var section in FeatureSections.All)
        {
            properties[section.Name] = ShapeSchema.ForShape(section.Shape, section.Description);
        }

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = SchemaId,
            ["title"] = "Standards.Sdk policy (standards.json)",
            ["description"] = "Numbers, severities and exceptions for the Standards.Sdk build policy. Generated from the rule catalog; see docs/configuration.md.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
            ["definitions"] = new JsonObject
            {
                ["severity"] = severity,
                ["exception"] = ExceptionSchema(rules),
            },
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return schema.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The top-level settings of standards.json before the feature sections.</summary>
    private static JsonObject TopLevelProperties(IReadOnlyList<RuleDefinition> rules) => new()
    {
        ["$schema"] = new JsonObject { ["type"] = "string" },
        ["profile"] = new JsonObject
        {
            ["description"] = "'strict' selects the stricter defaults the profile names (e.g. CA1502 maxComplexity 10).",
            ["enum"] = new JsonArray("default", "strict"),
            ["default"] = "default",
        },
        ["kind"] = new JsonObject
        {
            ["description"] = "The repo kind; inferred from the executable projects when absent.",
            ["enum"] = new JsonArray(ProjectKinds.Service, ProjectKinds.Worker, ProjectKinds.Library),
        },
        ["helpBaseUrl"] = new JsonObject
        {
            ["description"] = "Base URL of the rule pages that diagnostics link to (e.g. your internal docs site).",
            ["type"] = "string",
            ["default"] = StandardsPolicy.DefaultHelpBaseUrl,
        },
        ["rules"] = RulesSchema(rules),
        ["exceptions"] = new JsonObject
        {
            ["description"] = "Approved, time-limited deviations. An expired entry fails the build (STD0005).",
            ["type"] = "array",
            ["items"] = new JsonObject { ["$ref"] = "#/definitions/exception" },
        },
    };

    /// <summary>The rules section: the catalog's rules by id, and any other diagnostic id with a severity.</summary>
    private static JsonObject RulesSchema(IReadOnlyList<RuleDefinition> rules)
    {
        var ruleSchemas = new JsonObject();
        foreach (var rule in rules)
        {
            ruleSchemas[rule.Id] = RuleSchema(rule);
        }

        return new JsonObject
        {
            ["description"] = "Severity and numbers per rule code. A string sets the severity; an object sets severity, testSeverity and the rule's parameters. Any other diagnostic id (CA, IDE, CS, a third-party analyzer's) takes a severity, or severity and testSeverity.",
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

    private static JsonObject ExceptionSchema(IReadOnlyList<RuleDefinition> rules) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("rule", "scope", "owner", "reason", "expires"),
        ["properties"] = new JsonObject
        {
            ["rule"] = new JsonObject
            {
                ["description"] = "The rule code the exception is for: one of Standards.Sdk's rules, or any other diagnostic id.",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["enum"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r.Id))]) },
                    new JsonObject { ["type"] = "string", ["pattern"] = ExternalIdPattern }),
            },
            ["scope"] = new JsonObject { ["description"] = "A project name, a repo-relative folder, or a glob (src/Legacy/**).", ["type"] = "string", ["minLength"] = 1 },
            ["owner"] = new JsonObject { ["description"] = "Who approved the deviation and answers for it.", ["type"] = "string", ["minLength"] = 1 },
            ["reason"] = new JsonObject { ["description"] = "Why the deviation is needed.", ["type"] = "string", ["minLength"] = 1 },
            ["expires"] = new JsonObject { ["description"] = "Last day the exception applies (YYYY-MM-DD).", ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        },
    };
}
