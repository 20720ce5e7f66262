using System.Text.Json;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Testing;

/// <summary>The keywords about objects, arrays and single values (the applicators, $ref and type are in the other part).</summary>
public sealed partial class JsonSchemaValidator
{
    /// <summary>The keywords about an object's properties; false for any other keyword.</summary>
    private bool CheckObjectKeyword(JsonProperty keyword, Site site)
    {
        var (schema, instance, at, errors, document) = site;
        switch (keyword.Name)
        {
            case "properties":
                CheckProperties(keyword.Value, site);
                return true;
            case "additionalProperties":
                CheckAdditionalProperties(schema, keyword.Value, instance, at, errors, document);
                return true;
            case "propertyNames":
                CheckPropertyNames(keyword.Value, site);
                return true;
            case "patternProperties":
                CheckPatternProperties(keyword.Value, site);
                return true;
            case "required":
                CheckRequired(keyword.Value, instance, at, errors);
                return true;
            case "minProperties" or "maxProperties":
                CheckPropertyCount(keyword, instance, at, errors);
                return true;
            case "dependencies":
                CheckDependencies(keyword.Value, instance, at, errors, document);
                return true;
            case "firstProperty":
                CheckFirstProperty(keyword.Value, instance, at, errors);
                return true;
            default:
                return false;
        }
    }

    private void CheckProperties(JsonElement properties, Site site)
    {
        if (site.Instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (site.Instance.TryGetProperty(property.Name, out var value))
            {
                Check(property.Value, value, $"{site.At}/{property.Name}", site.Errors, site.Document);
            }
        }
    }

    /// <summary>Each property name is validated as a string instance (draft-07 §6.5.8).</summary>
    private void CheckPropertyNames(JsonElement names, Site site)
    {
        if (site.Instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in site.Instance.EnumerateObject())
        {
            using var name = JsonDocument.Parse(JsonSerializer.Serialize(property.Name));
            Check(names, name.RootElement, $"{site.At}/{property.Name} (name)", site.Errors, site.Document);
        }
    }

    private void CheckPatternProperties(JsonElement patterns, Site site)
    {
        if (site.Instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var pattern in patterns.EnumerateObject())
        {
            foreach (var property in site.Instance.EnumerateObject().Where(p => Regex.IsMatch(p.Name, pattern.Name, RegexOptions.None, TimeSpan.FromSeconds(1))))
            {
                Check(pattern.Value, property.Value, $"{site.At}/{property.Name}", site.Errors, site.Document);
            }
        }
    }

    private static void CheckRequired(JsonElement required, JsonElement instance, string at, List<string> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
        {
            errors.Add($"{At(at)}: the required property '{name}' is missing");
        }
    }

    private static void CheckPropertyCount(JsonProperty keyword, JsonElement instance, string at, List<string> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var count = instance.EnumerateObject().Count();
        var limit = keyword.Value.GetInt32();
        if (keyword.Name == "minProperties" ? count < limit : count > limit)
        {
            errors.Add($"{At(at)}: {count} properties, {keyword.Name} is {limit}");
        }
    }

    /// <summary>Azure Pipelines' schema: the object's first key must be one of these (how it tells a step's kind).</summary>
    private static void CheckFirstProperty(JsonElement names, JsonElement instance, string at, List<string> errors)
    {
        if (instance.ValueKind == JsonValueKind.Object
            && instance.EnumerateObject().FirstOrDefault() is { Name: { } first } && first.Length > 0
            && !names.EnumerateArray().Any(name => name.GetString() == first))
        {
            errors.Add($"{At(at)}: the first property is '{first}', not one of {names.GetRawText()}");
        }
    }

    /// <summary>The keywords about an array's items; false for any other keyword.</summary>
    private bool CheckArrayKeyword(JsonProperty keyword, Site site)
    {
        var (_, instance, at, errors, _) = site;
        switch (keyword.Name)
        {
            case "items":
                CheckItems(keyword.Value, site);
                return true;
            case "additionalItems":
                CheckAdditionalItems(keyword.Value, site);
                return true;
            case "minItems":
                if (instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() < keyword.Value.GetInt32())
                {
                    errors.Add($"{At(at)}: fewer than {keyword.Value.GetInt32()} items");
                }

                return true;
            case "maxItems":
                if (instance.ValueKind == JsonValueKind.Array && instance.GetArrayLength() > keyword.Value.GetInt32())
                {
                    errors.Add($"{At(at)}: more than {keyword.Value.GetInt32()} items");
                }

                return true;
            case "uniqueItems":
                CheckUniqueItems(keyword.Value, instance, at, errors);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The items after a tuple's (draft-07 "items" as an array).</summary>
    private void CheckAdditionalItems(JsonElement additional, Site site)
    {
        if (site.Instance.ValueKind != JsonValueKind.Array || !site.Schema.TryGetProperty("items", out var tuple) || tuple.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in site.Instance.EnumerateArray().Skip(tuple.GetArrayLength()))
        {
            Check(additional, item, $"{site.At}/{tuple.GetArrayLength() + index++}", site.Errors, site.Document);
        }
    }

    private void CheckItems(JsonElement items, Site site)
    {
        if (site.Instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in site.Instance.EnumerateArray())
        {
            var itemSchema = items.ValueKind == JsonValueKind.Array
                ? (index < items.GetArrayLength() ? items[index] : default)
                : items;
            if (itemSchema.ValueKind != JsonValueKind.Undefined)
            {
                Check(itemSchema, item, $"{site.At}/{index}", site.Errors, site.Document);
            }

            index++;
        }
    }

    private static void CheckUniqueItems(JsonElement unique, JsonElement instance, string at, List<string> errors)
    {
        if (unique.ValueKind != JsonValueKind.True || instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

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

    /// <summary>The keywords about one value (enum, const, strings, numbers, formats); false for any other keyword.</summary>
    private static bool CheckValueKeyword(string name, JsonElement value, JsonElement instance, string at, List<string> errors)
    {
        var error = name switch
        {
            "enum" => value.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, instance))
                ? null : $"{instance.GetRawText()} is not one of {value.GetRawText()}",
            "const" => JsonElement.DeepEquals(value, instance) ? null : $"{instance.GetRawText()} is not {value.GetRawText()}",
            "minLength" or "maxLength" or "pattern" or "format" => instance.ValueKind == JsonValueKind.String ? StringError(name, value, instance.GetString()!) : null,
            "minimum" or "maximum" => instance.ValueKind == JsonValueKind.Number ? NumberError(name, value.GetDouble(), instance.GetDouble()) : null,
            _ => string.Empty,
        };
        if (!string.IsNullOrEmpty(error))
        {
            errors.Add($"{At(at)}: {error}");
        }

        return error != string.Empty;
    }

    private static string? StringError(string name, JsonElement value, string text) => name switch
    {
        "minLength" => text.Length < value.GetInt32() ? $"shorter than {value.GetInt32()} characters" : null,
        "maxLength" => text.Length > value.GetInt32() ? $"longer than {value.GetInt32()} characters" : null,
        "pattern" => Regex.IsMatch(text, value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)) ? null : $"'{text}' does not match {value.GetString()}",
        _ => value.GetString() == "date-time" && !DateTimePattern().IsMatch(text) ? $"'{text}' is not an RFC 3339 date-time" : null,
    };

    private static string? NumberError(string name, double limit, double number) => name == "minimum"
        ? number < limit ? $"less than {limit}" : null
        : number > limit ? $"more than {limit}" : null;

    /// <summary>Where a keyword is checked: its schema object, the instance, the instance's pointer, the error list and the schema document.</summary>
    private readonly record struct Site(JsonElement Schema, JsonElement Instance, string At, List<string> Errors, JsonElement Document);
}
