using System.Text.Json;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>
/// A JSON Schema validator for the subset of draft-04/draft-07/2019-09 that the schemas in ../shared/schemas use
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

    /// <summary>Loads a schema file and the files it refers to (all read from disk, e.g. ../shared/schemas).</summary>
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

        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "$ref":
                    var (target, targetDocument) = Resolve(keyword.Value.GetString()!, document);
                    Check(target, instance, at, errors, targetDocument);
                    break;
                case "type":
                    CheckType(keyword.Value, instance, at, errors);
                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, instance)))
                    {
                        errors.Add($"{At(at)}: {instance.GetRawText()} is not one of {keyword.Value.GetRawText()}");
                    }

                    break;
                case "properties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in keyword.Value.EnumerateObject())
                        {
                            if (instance.TryGetProperty(property.Name, out var value))
                            {
                                Check(property.Value, value, $"{at}/{property.Name}", errors, document);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    CheckAdditionalProperties(schema, keyword.Value, instance, at, errors, document);
                    break;
                case "propertyNames":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        // Each property name is validated as a string instance (draft-07 §6.5.8).
                        foreach (var property in instance.EnumerateObject())
                        {
                            using var name = JsonDocument.Parse(JsonSerializer.Serialize(property.Name));
                            Check(keyword.Value, name.RootElement, $"{at}/{property.Name} (name)", errors, document);
                        }
                    }

                    break;
                case "patternProperties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var pattern in keyword.Value.EnumerateObject())
                        {
                            foreach (var property in instance.EnumerateObject().Where(p => Regex.IsMatch(p.Name, pattern.Name, RegexOptions.None, TimeSpan.FromSeconds(1))))
                            {
                                Check(pattern.Value, property.Value, $"{at}/{property.Name}", errors, document);
                            }
                        }
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(keyword.Value, instance))
                    {
                        errors.Add($"{At(at)}: {instance.GetRawText()} is not {keyword.Value.GetRawText()}");
                    }

                    break;
                case "additionalItems":
                    if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var tuple) && tuple.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in instance.EnumerateArray().Skip(tuple.GetArrayLength()))
                        {
                            Check(keyword.Value, item, $"{at}/{tuple.GetArrayLength() + index++}", errors, document);
                        }
                    }

                    break;
                case "minItems":
                    if (instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() < keyword.Value.GetInt32())
                    {
                        errors.Add($"{At(at)}: fewer than {keyword.Value.GetInt32()} items");
                    }

                    break;
                case "maxItems":
                    if (instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() > keyword.Value.GetInt32())
                    {
                        errors.Add($"{At(at)}: more than {keyword.Value.GetInt32()} items");
                    }

                    break;
                case "maxLength":
                    if (instance.ValueKind == JsonValueKind.String && instance.GetString()!.Length > keyword.Value.GetInt32())
                    {
                        errors.Add($"{At(at)}: longer than {keyword.Value.GetInt32()} characters");
                    }

                    break;
                case "maximum":
                    if (instance.ValueKind == JsonValueKind.Number && instance.GetDouble() > keyword.Value.GetDouble())
                    {
                        errors.Add($"{At(at)}: more than {keyword.Value.GetDouble()}");
                    }

                    break;
                case "format":
                    if (keyword.Value.GetString() == "date-time" && instance.ValueKind == JsonValueKind.String && !DateTimePattern().IsMatch(instance.GetString()!))
                    {
                        errors.Add($"{At(at)}: '{instance.GetString()}' is not an RFC 3339 date-time");
                    }

                    break;
                case "if":
                    var branch = Passes(keyword.Value, instance, at, document) ? "then" : "else";
                    if (schema.TryGetProperty(branch, out var consequence))
                    {
                        Check(consequence, instance, at, errors, document);
                    }

                    break;
                case "then" or "else":
                    break;
                case "required":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!instance.TryGetProperty(name, out _))
                            {
                                errors.Add($"{At(at)}: the required property '{name}' is missing");
                            }
                        }
                    }

                    break;
                case "items":
                    if (instance.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in instance.EnumerateArray())
                        {
                            var itemSchema = keyword.Value.ValueKind == JsonValueKind.Array
                                ? (index < keyword.Value.GetArrayLength() ? keyword.Value[index] : default)
                                : keyword.Value;
                            if (itemSchema.ValueKind != JsonValueKind.Undefined)
                            {
                                Check(itemSchema, item, $"{at}/{index}", errors, document);
                            }

                            index++;
                        }
                    }

                    break;
                case "pattern":
                    if (instance.ValueKind == JsonValueKind.String
                        && !Regex.IsMatch(instance.GetString()!, keyword.Value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        errors.Add($"{At(at)}: '{instance.GetString()}' does not match {keyword.Value.GetString()}");
                    }

                    break;
                case "minLength":
                    if (instance.ValueKind == JsonValueKind.String && instance.GetString()!.Length < keyword.Value.GetInt32())
                    {
                        errors.Add($"{At(at)}: shorter than {keyword.Value.GetInt32()} characters");
                    }

                    break;
                case "minimum":
                    if (instance.ValueKind == JsonValueKind.Number && instance.GetDouble() < keyword.Value.GetDouble())
                    {
                        errors.Add($"{At(at)}: less than {keyword.Value.GetDouble()}");
                    }

                    break;
                case "uniqueItems":
                    if (keyword.Value.ValueKind == JsonValueKind.True && instance.ValueKind == JsonValueKind.Array)
                    {
                        var items = instance.EnumerateArray().ToList();
                        for (var i = 0; i < items.Count; i++)
                        {
                            for (var j = i + 1; j < items.Count; j++)
                            {
                                if (JsonElement.DeepEquals(items[i], items[j]))
                                {
                                    errors.Add($"{At(at)}: items {i} and {j} are equal");
                                }
                            }
                        }
                    }

                    break;
                case "allOf":
                    foreach (var sub in keyword.Value.EnumerateArray())
                    {
                        Check(sub, instance, at, errors, document);
                    }

                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(sub => Passes(sub, instance, at, document)))
                    {
                        errors.Add($"{At(at)}: matches none of the anyOf alternatives");
                    }

                    break;
                case "oneOf":
                    var passing = keyword.Value.EnumerateArray().Count(sub => Passes(sub, instance, at, document));
                    if (passing != 1)
                    {
                        errors.Add($"{At(at)}: matches {passing} of the oneOf alternatives; exactly one must match");
                    }

                    break;
                case "minProperties" or "maxProperties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        var count = instance.EnumerateObject().Count();
                        var limit = keyword.Value.GetInt32();
                        if (keyword.Name == "minProperties" ? count < limit : count > limit)
                        {
                            errors.Add($"{At(at)}: {count} properties, {keyword.Name} is {limit}");
                        }
                    }

                    break;
                case "dependencies":
                    CheckDependencies(keyword.Value, instance, at, errors, document);
                    break;
                case "firstProperty":
                    // Azure Pipelines' schema: the object's first key must be one of these (how it tells a step's kind).
                    if (instance.ValueKind == JsonValueKind.Object
                        && instance.EnumerateObject().FirstOrDefault() is { Name: { } first } && first.Length > 0
                        && !keyword.Value.EnumerateArray().Any(name => name.GetString() == first))
                    {
                        errors.Add($"{At(at)}: the first property is '{first}', not one of {keyword.Value.GetRawText()}");
                    }

                    break;
                case "not":
                    if (Passes(keyword.Value, instance, at, document))
                    {
                        errors.Add($"{At(at)}: matches a schema it must not match");
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException(
                            $"The schema uses the keyword '{keyword.Name}', which this validator does not implement; extend {nameof(JsonSchemaValidator)}.");
                    }

                    break;
            }
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
