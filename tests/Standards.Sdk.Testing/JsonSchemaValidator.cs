using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Standards.Sdk.Testing;

/// <summary>
/// Validates JSON against an official schema (tests/schemas, sdk/schema) with JsonSchema.Net, and returns the errors as
/// "/pointer: message" lines so that a failing assertion shows every one of them. Formats are asserted, not only
/// annotated. Each validator has its own schema registry, so documents that share an $id do not meet.
/// </summary>
public sealed class JsonSchemaValidator
{
    private const string Draft04 = "http://json-schema.org/draft-04/schema#";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonSchema _schema;

    /// <summary>Creates a validator for a schema document.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="references">Other schema documents it refers to, found by their $id.</param>
    public JsonSchemaValidator(JsonElement schema, params JsonElement[] references)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var reference in references)
        {
            JsonSchema.Build(InSupportedDraft(reference), options);
        }

        _schema = JsonSchema.Build(InSupportedDraft(schema), options);
    }

    /// <summary>Loads a schema file and the files it refers to (all read from disk, e.g. tests/schemas).</summary>
    public static JsonSchemaValidator FromFiles(string schemaFile, params string[] referencedFiles)
    {
        static JsonElement Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path).TrimStart('\uFEFF'));
            return document.RootElement.Clone();
        }

        return new JsonSchemaValidator(Load(schemaFile), [.. referencedFiles.Select(Load)]);
    }

    /// <summary>Validates <paramref name="instance"/>; returns the errors ("/pointer: message"), empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Prepend(results)
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error =>
                $"{At(detail.InstanceLocation.ToString())}: {error.Value} ({error.Key} at {detail.EvaluationPath})"))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return errors.Count > 0 ? errors : [$"/: the document does not match the schema {results.SchemaLocation}"];
    }

    private static string At(string pointer) => pointer.Length == 0 ? "/" : pointer;

    // JsonSchema.Net evaluates draft-06 onward. The SchemaStore schemas still on draft-04 (dotnetcli.host, global,
    // nuget-project) use no keyword whose meaning changed after it but "id", so they are evaluated as draft-07 with "id"
    // as "$id"; a draft-04 schema with a boolean exclusiveMinimum/exclusiveMaximum (changed in draft-06) is refused.
    private static JsonElement InSupportedDraft(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$schema", out var draft) || draft.GetString() != Draft04)
        {
            return schema;
        }

        var text = schema.GetRawText();
        if (text.Contains("\"exclusiveMinimum\"", StringComparison.Ordinal) || text.Contains("\"exclusiveMaximum\"", StringComparison.Ordinal))
        {
            throw new NotSupportedException("A draft-04 schema with exclusiveMinimum/exclusiveMaximum: those changed meaning in draft-06; evaluate it some other way.");
        }

        // "$id" goes first: JsonSchema.Net 8.0.5 fails ("Overwriting registered schemas") on an "$id" that follows a
        // "$ref" in the same document.
        var node = new JsonObject { ["$schema"] = Draft07 };
        if (schema.TryGetProperty("id", out var id))
        {
            node["$id"] = JsonNode.Parse(id.GetRawText());
        }

        foreach (var property in schema.EnumerateObject().Where(p => p.Name is not ("$schema" or "id")))
        {
            node[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(node);
    }
}
