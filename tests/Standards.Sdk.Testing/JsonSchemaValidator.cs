using System.Text.Json;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>
/// A JSON Schema validator for the subset of draft-04/draft-07 that template.schema.json and
/// dotnetcli.host.schema.json use (JsonSchema.Net cannot be restored here: its JsonPointer.Net dependency is
/// missing from the package feed). Supported: $ref to "#/..." pointers, type, enum, properties,
/// additionalProperties, required, items, pattern, minLength, minimum, uniqueItems, allOf, anyOf, oneOf, not.
/// Annotations are ignored; any other keyword throws, so a schema that starts using one is noticed rather than
/// half-checked.
/// </summary>
public sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "title", "description", "default", "definitions", "deprecated", "deprecationMessage",
        "examples", "$comment",
    };

    private readonly JsonElement _root;

    /// <summary>Creates a validator for a schema document.</summary>
    public JsonSchemaValidator(JsonElement schema) => _root = schema;

    /// <summary>Validates <paramref name="instance"/>; returns the errors ("/pointer: message"), empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(_root, instance, string.Empty, errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement instance, string at, List<string> errors)
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
                    Check(Resolve(keyword.Value.GetString()!), instance, at, errors);
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
                                Check(property.Value, value, $"{at}/{property.Name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    CheckAdditionalProperties(schema, keyword.Value, instance, at, errors);
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
                            Check(keyword.Value, item, $"{at}/{index++}", errors);
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
                        Check(sub, instance, at, errors);
                    }

                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(sub => Passes(sub, instance, at)))
                    {
                        errors.Add($"{At(at)}: matches none of the anyOf alternatives");
                    }

                    break;
                case "oneOf":
                    var passing = keyword.Value.EnumerateArray().Count(sub => Passes(sub, instance, at));
                    if (passing != 1)
                    {
                        errors.Add($"{At(at)}: matches {passing} of the oneOf alternatives; exactly one must match");
                    }

                    break;
                case "not":
                    if (Passes(keyword.Value, instance, at))
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

    private void CheckAdditionalProperties(JsonElement schema, JsonElement additional, JsonElement instance, string at, List<string> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var declared = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in instance.EnumerateObject().Where(p => !declared.Contains(p.Name)))
        {
            if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{At(at)}: the property '{property.Name}' is not allowed");
            }
            else
            {
                Check(additional, property.Value, $"{at}/{property.Name}", errors);
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

    private bool Passes(JsonElement schema, JsonElement instance, string at)
    {
        var errors = new List<string>();
        Check(schema, instance, at, errors);
        return errors.Count == 0;
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            throw new NotSupportedException($"Only local references are supported, not '{reference}'.");
        }

        var node = _root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.GetProperty(name);
        }

        return node;
    }

    private static string At(string at) => at.Length == 0 ? "/" : at;
}
