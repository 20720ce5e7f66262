using System.Globalization;

namespace Standards.Sdk.Checks.Json;

/// <summary>
/// A JSON value that remembers where it was written. System.Text.Json's DOM forgets positions, and every
/// diagnostic about a user's JSON file (standards.json, lock files, version.json, budgets) must name a line.
/// </summary>
public abstract class JsonValueNode(int line, int column)
{
    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; } = line;

    /// <summary>1-based column of the value's first character.</summary>
    public int Column { get; } = column;

    /// <summary>The JSON type name, used in "expected X, found Y" messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>A JSON object; properties keep their order and their own positions.</summary>
public sealed class JsonObjectNode(int line, int column, IReadOnlyList<JsonPropertyNode> properties) : JsonValueNode(line, column)
{
    /// <summary>Properties in file order (duplicates kept; <see cref="Get"/> returns the last).</summary>
    public IReadOnlyList<JsonPropertyNode> Properties { get; } = properties;

    /// <inheritdoc />
    public override string Kind => "object";

    /// <summary>The value of the last property with this name, or null.</summary>
    public JsonValueNode? Get(string name)
    {
        for (var i = Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
            {
                return Properties[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Each property whose name an earlier property of this object already has (under <paramref name="comparer"/>),
    /// with that earlier property. JSON readers keep the last value, so a duplicate silently replaces the first.
    /// </summary>
    public IEnumerable<(JsonPropertyNode First, JsonPropertyNode Duplicate)> Duplicates(StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        var seen = new Dictionary<string, JsonPropertyNode>(comparer);
        foreach (var property in Properties)
        {
            if (seen.TryGetValue(property.Name, out var first))
            {
                yield return (first, property);
            }
            else
            {
                seen[property.Name] = property;
            }
        }
    }
}

/// <summary>A property of a JSON object: its name's position and its value.</summary>
public sealed record JsonPropertyNode(string Name, int Line, int Column, JsonValueNode Value);

/// <summary>A JSON array.</summary>
public sealed class JsonArrayNode(int line, int column, IReadOnlyList<JsonValueNode> items) : JsonValueNode(line, column)
{
    /// <summary>The items in order.</summary>
    public IReadOnlyList<JsonValueNode> Items { get; } = items;

    /// <inheritdoc />
    public override string Kind => "array";
}

/// <summary>A JSON string.</summary>
public sealed class JsonStringNode(int line, int column, string value) : JsonValueNode(line, column)
{
    /// <summary>The unescaped text.</summary>
    public string Value { get; } = value;

    /// <inheritdoc />
    public override string Kind => "string";
}

/// <summary>A JSON number, kept as its source text so integers and decimals are both exact.</summary>
public sealed class JsonNumberNode(int line, int column, string text) : JsonValueNode(line, column)
{
    /// <summary>The number as written.</summary>
    public string Text { get; } = text;

    /// <inheritdoc />
    public override string Kind => "number";

    /// <summary>The value as an integer, when it is one.</summary>
    public bool TryGetInt32(out int value) =>
        int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>The value as a double.</summary>
    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}

/// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
public sealed class JsonBooleanNode(int line, int column, bool value) : JsonValueNode(line, column)
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc />
    public override string Kind => "boolean";
}

/// <summary>A JSON <c>null</c>.</summary>
public sealed class JsonNullNode(int line, int column) : JsonValueNode(line, column)
{
    /// <inheritdoc />
    public override string Kind => "null";
}
