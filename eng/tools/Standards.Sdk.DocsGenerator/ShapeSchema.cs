using System.Globalization;
using System.Text.Json.Nodes;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// The JSON schema of an object as its reader declares it (<see cref="JsonShape"/>): each key with its type, its
/// allowed values, its range, its pattern, its default and its description, and no other key. The readers' shapes are
/// the one declaration of each setting; the schema follows them, so an editor accepts exactly what the build accepts.
/// </summary>
public static class ShapeSchema
{
    /// <summary>The schema of an object read with <paramref name="shape"/>, described by <paramref name="description"/> (null: none).</summary>
    public static JsonObject ForShape(JsonShape shape, string? description)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var schema = new JsonObject();
        if (description is not null)
        {
            schema["description"] = description;
        }

        var properties = new JsonObject();
        foreach (var key in shape.Keys)
        {
            properties[key.Name] = ForKey(shape, key);
        }

        schema["type"] = "object";
        schema["additionalProperties"] = false;
        schema["properties"] = properties;
        schema["patternProperties"] = CommentKey();
        if (shape.Keys.Where(k => k.Required).Select(k => JsonValue.Create(k.Name)).ToArray() is { Length: > 0 } required)
        {
            schema["required"] = new JsonArray(required);
        }

        return schema;
    }

    /// <summary>
    /// "$comment", which every reader accepts with any value beside its declared keys (UnknownKeys), as a pattern so
    /// that editors do not offer it as a setting.
    /// </summary>
    public static JsonObject CommentKey() => new() { ["^\\$comment$"] = new JsonObject() };

    /// <summary>The schema of one key of <paramref name="shape"/>: its type, values, range, pattern, default and description.</summary>
    public static JsonObject ForKey(JsonShape shape, JsonKey key)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(key);
        var description = key.Description
            ?? throw new InvalidOperationException($"\"{key.Name}\" in {shape.Where} has no Description: the schema gives every setting one.");
        if (key.Fields is { } fields)
        {
            return ForShape(fields, description);
        }

        var schema = new JsonObject { ["description"] = description };
        AddType(schema, shape, key);

        if (key.Default is { } value)
        {
            schema["default"] = Default(value);
        }

        return schema;
    }

    private static void AddType(JsonObject schema, JsonShape shape, JsonKey key)
    {
        switch (key.Type)
        {
            case JsonType.Text when key.Allowed is { } allowed:
                // The readers that ignore case accept any casing; the schema lists the words as documented.
                schema["enum"] = new JsonArray([.. allowed.Select(a => JsonValue.Create(a))]);
                break;
            case JsonType.Text:
                schema["type"] = "string";
                AddText(schema, key);
                break;
            case JsonType.Number:
                schema["type"] = "number";
                AddRange(schema, key);
                break;
            case JsonType.WholeNumber:
                schema["type"] = "integer";
                AddRange(schema, key);
                break;
            case JsonType.Boolean:
                schema["type"] = "boolean";
                break;
            case JsonType.Array:
                schema["type"] = "array";
                if (key.TextItems)
                {
                    schema["items"] = key.NotBlank ? new JsonObject { ["type"] = "string", ["pattern"] = "\\S" } : NonEmptyText();
                }

                break;
            case JsonType.KeyedObject:
                AddMap(schema, key);
                break;
            case JsonType.NumberOrText:
                AddQuantity(schema, key);
                break;
            case JsonType.Any:
                break;
            default:
                throw new InvalidOperationException($"\"{key.Name}\" in {shape.Where}: no schema for {key.Type}.");
        }
    }
    // An object whose keys the user names: each value an object of its shape, or a non-empty string.
    private static void AddMap(JsonObject schema, JsonKey key)
    {
        schema["type"] = "object";
        if (key.EachValue is { } each)
        {
            schema["additionalProperties"] = ForShape(each, null);
        }
        else if (key.EachValueText)
        {
            schema["additionalProperties"] = NonEmptyText();
        }
    }

    // A quantity (Quantity): a number that is never negative, or a string its reader parses.
    private static void AddQuantity(JsonObject schema, JsonKey key)
    {
        var text = new JsonObject { ["type"] = "string" };
        AddText(text, key);
        schema["oneOf"] = new JsonArray(new JsonObject { ["type"] = "number", ["minimum"] = 0 }, text);
    }

    private static JsonObject NonEmptyText() => new() { ["type"] = "string", ["minLength"] = 1 };

    private static void AddText(JsonObject schema, JsonKey key)
    {
        if (key.NotBlank)
        {
            schema["minLength"] = 1;
        }

        // Not blank: white space alone is as empty to the reader; a declared pattern already says what it accepts.
        if (key.Pattern is { } pattern)
        {
            schema["pattern"] = pattern;
        }
        else if (key.NotBlank)
        {
            schema["pattern"] = "\\S";
        }
    }

    private static void AddRange(JsonObject schema, JsonKey key)
    {
        if (key.Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
        }

        if (key.Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
        }
    }

    private static JsonNode Default(object value) => value switch
    {
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        IEnumerable<string> list => new JsonArray([.. list.Select(v => JsonValue.Create(v))]),
        _ => throw new InvalidOperationException($"A default of type {value.GetType().Name} has no JSON form: {Convert.ToString(value, CultureInfo.InvariantCulture)}."),
    };
}
