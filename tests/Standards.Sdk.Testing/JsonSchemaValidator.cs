using System.Text.Json;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>
/// A JSON Schema validator for the subset of draft-04/draft-07/2019-09 that the schemas in tests/schemas use
/// (template.schema.json, dotnetcli.host.schema.json, spdx-2.3.schema.json, cyclonedx-bom-1.6.schema.json with its
/// spdx and jsf companions). JsonSchema.Net cannot be restored here: its JsonPointer.Net dependency is missing
/// from the package feed. Supported: $ref to "#/..." pointers and to other registered documents (by $id or file
/// name, e.g. "spdx.schema.json" or "jsf-0.82.schema.json#/definitions/signature"), type, enum, const, properties,
/// additionalProperties, patternProperties, required, items (one schema or a tuple, with additionalItems),
/// minItems, maxItems, pattern, minLength, maxLength, minimum, maximum, uniqueItems, allOf, anyOf, oneOf, not,
/// if/then/else, and format "date-time" (checked as RFC 3339; other formats are annotations).
/// Annotations are ignored; any other keyword throws, so a schema that starts using one is noticed rather than
/// half-checked.
/// </summary>
public sealed partial class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "title", "description", "default", "definitions", "$defs", "deprecated", "deprecationMessage",
        "examples", "$comment", "meta:enum", "readOnly", "writeOnly", "contentEncoding", "contentMediaType",
        "markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "errorMessage", "patternErrorMessage",
        "doNotSuggest", "deprecatedProperties", "ignoreCase", "aliases",
    };

    private readonly JsonElement _root;
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);

    /// <summary>Creates a validator for a schema document.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="references">Other schema documents it refers to, found by their $id or file name.</param>
    public JsonSchemaValidator(JsonElement schema, params JsonElement[] references)
    {
        _root = schema;
        foreach (var document in references.Prepend(schema))
        {
            if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty("$id", out var id) && id.GetString() is { Length: > 0 } text)
            {
                _documents[text] = document;
                _documents[text[(text.LastIndexOf('/') + 1)..]] = document;
            }
        }
    }

    /// <summary>Loads a schema file and the files it refers to (all read from disk, e.g. tests/schemas).</summary>
    public static JsonSchemaValidator FromFiles(string schemaFile, params string[] referencedFiles)
    {
        static JsonElement Load(string path)
        {
            var text = File.ReadAllText(path);
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'));
            return document.RootElement.Clone();
        }

        return new JsonSchemaValidator(Load(schemaFile), [.. referencedFiles.Select(Load)]);
    }

    /// <summary>Validates <paramref name="instance"/>; returns the errors ("/pointer: message"), empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, string.Empty, errors, _root);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement instance, string at, List<string> errors, JsonElement document)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{At(at)}: no value is allowed here");
            return;
        }

        var site = new Site(schema, instance, at, errors, document);
        foreach (var keyword in schema.EnumerateObject())
        {
            var known = CheckApplicator(keyword, site)
                || CheckObjectKeyword(keyword, site)
                || CheckArrayKeyword(keyword, site)
                || CheckValueKeyword(keyword.Name, keyword.Value, instance, at, errors)
                || Annotations.Contains(keyword.Name);
            if (!known)
            {
                throw new NotSupportedException(
                    $"The schema uses the keyword '{keyword.Name}', which this validator does not implement; extend {nameof(JsonSchemaValidator)}.");
            }
        }
    }

    /// <summary>$ref, type and the keywords that apply subschemas to the instance itself; false for any other keyword.</summary>
    private bool CheckApplicator(JsonProperty keyword, Site site)
    {
        var (schema, instance, at, errors, document) = site;
        switch (keyword.Name)
        {
            case "$ref":
                var (target, targetDocument) = Resolve(keyword.Value.GetString()!, document);
                Check(target, instance, at, errors, targetDocument);
                return true;
            case "type":
                CheckType(keyword.Value, instance, at, errors);
                return true;
            case "if":
                var branch = Passes(keyword.Value, instance, at, document) ? "then" : "else";
                if (schema.TryGetProperty(branch, out var consequence))
                {
                    Check(consequence, instance, at, errors, document);
                }

                return true;
            case "then" or "else":
                return true;
            case "allOf":
                foreach (var sub in keyword.Value.EnumerateArray())
                {
                    Check(sub, instance, at, errors, document);
                }

                return true;
            default:
                return CheckAlternatives(keyword, site);
        }
    }

    /// <summary>anyOf, oneOf and not; false for any other keyword.</summary>
    private bool CheckAlternatives(JsonProperty keyword, Site site)
    {
        var (_, instance, at, errors, document) = site;
        switch (keyword.Name)
        {
            case "anyOf":
                if (!keyword.Value.EnumerateArray().Any(sub => Passes(sub, instance, at, document)))
                {
                    errors.Add($"{At(at)}: matches none of the anyOf alternatives");
                }

                return true;
            case "oneOf":
                var passing = keyword.Value.EnumerateArray().Count(sub => Passes(sub, instance, at, document));
                if (passing != 1)
                {
                    errors.Add($"{At(at)}: matches {passing} of the oneOf alternatives; exactly one must match");
                }

                return true;
            case "not":
                if (Passes(keyword.Value, instance, at, document))
                {
                    errors.Add($"{At(at)}: matches a schema it must not match");
                }

                return true;
            default:
                return false;
        }
    }

    private void CheckAdditionalProperties(JsonElement schema, JsonElement additional, JsonElement instance, string at, List<string> errors, JsonElement document)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var declared = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var patterns = schema.TryGetProperty("patternProperties", out var patternProperties)
            ? patternProperties.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        foreach (var property in instance.EnumerateObject().Where(p => !declared.Contains(p.Name)
            && !patterns.Any(pattern => Regex.IsMatch(p.Name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))))
        {
            if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{At(at)}: the property '{property.Name}' is not allowed");
            }
            else
            {
                Check(additional, property.Value, $"{at}/{property.Name}", errors, document);
            }
        }
    }

    private static void CheckType(JsonElement type, JsonElement instance, string at, List<string> errors)
    {
        var allowed = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        if (!allowed.Any(t => IsType(t, instance)))
        {
            errors.Add($"{At(at)}: {instance.ValueKind} is not of type {string.Join(" or ", allowed)}");
        }
    }

    private static bool IsType(string type, JsonElement instance) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && decimal.TryParse(instance.GetRawText(), System.Globalization.CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        _ => throw new NotSupportedException($"Unknown JSON type '{type}' in the schema."),
    };

    private bool Passes(JsonElement schema, JsonElement instance, string at, JsonElement document)
    {
        var errors = new List<string>();
        Check(schema, instance, at, errors, document);
        return errors.Count == 0;
    }

    /// <summary>A reference within <paramref name="document"/> ("#/...") or into a registered document ("file.json#/...").</summary>
    private (JsonElement Node, JsonElement Document) Resolve(string reference, JsonElement document)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var location = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        if (location.Length > 0)
        {
            if (!_documents.TryGetValue(location, out document) && !_documents.TryGetValue(location[(location.LastIndexOf('/') + 1)..], out document))
            {
                throw new NotSupportedException($"The schema refers to '{location}', which was not given to the validator; pass it as a reference.");
            }
        }

        var node = document;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.GetProperty(name);
        }

        return (node, document);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();

    private static string At(string at) => at.Length == 0 ? "/" : at;

    // draft-04/07 "dependencies": a present property requires others (array) or the instance to match a schema.
    private void CheckDependencies(JsonElement dependencies, JsonElement instance, string at, List<string> errors, JsonElement document)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var dependency in dependencies.EnumerateObject().Where(d => instance.TryGetProperty(d.Name, out _)))
        {
            if (dependency.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var required in dependency.Value.EnumerateArray().Select(r => r.GetString()!).Where(r => !instance.TryGetProperty(r, out _)))
                {
                    errors.Add($"{At(at)}: '{dependency.Name}' requires '{required}'");
                }
            }
            else
            {
                Check(dependency.Value, instance, at, errors, document);
            }
        }
    }
}
