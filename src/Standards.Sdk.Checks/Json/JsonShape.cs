using System.Globalization;

namespace Standards.Sdk.Checks.Json;

/// <summary>The type a key of a JSON object must have.</summary>
public enum JsonType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>Any number.</summary>
    Number,

    /// <summary>A whole number that fits an <see cref="int"/>.</summary>
    WholeNumber,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An array.</summary>
    Array,

    /// <summary>An object.</summary>
    KeyedObject,

    /// <summary>A number or a string: a quantity written either way (250, "250 ns"), parsed by its reader.</summary>
    NumberOrText,

    /// <summary>Any value: a key that is known (never reported as unknown) whose value its reader checks, or ignores.</summary>
    Any,
}

/// <summary>What is wrong with a key; each kind has one wording.</summary>
public enum JsonProblemKind
{
    /// <summary>A required key is absent.</summary>
    Missing,

    /// <summary>The value (or the object itself) has another type.</summary>
    WrongType,

    /// <summary>A string that must not be blank is.</summary>
    Empty,

    /// <summary>A number outside its range.</summary>
    OutOfRange,

    /// <summary>A string that is not one of the allowed values.</summary>
    NotAllowed,

    /// <summary>A key the object does not know (with a did-you-mean from <see cref="UnknownKeys"/>).</summary>
    Unknown,
}

/// <summary>A problem the typed reader found: its kind, the key, the message, and where it is (1-based).</summary>
public sealed record JsonProblem(JsonProblemKind Kind, string Key, string Message, int Line, int Column);

/// <summary>
/// One key of an object: its name, its type, whether it is required, and what values it accepts.
/// <see cref="Hint"/>, a sentence, follows every message about the key's value (not about an unknown key).
/// </summary>
public sealed record JsonKey(string Name, JsonType Type, bool Required = false)
{
    /// <summary>For a string: the values it may take (ordinal unless <see cref="IgnoreCase"/>); null: any.</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>True when <see cref="Allowed"/> is compared ignoring case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>For a string: true when it must not be empty or white space; for an array of <see cref="TextItems"/>: the same of each item.</summary>
    public bool NotBlank { get; init; }

    /// <summary>For a number: the least value it may take.</summary>
    public double? Minimum { get; init; }

    /// <summary>For a number: the greatest value it may take.</summary>
    public double? Maximum { get; init; }

    /// <summary>A sentence that says how to write the value, appended to each message about it.</summary>
    public string? Hint { get; init; }

    /// <summary>What the setting does: the description the published schema gives editors.</summary>
    public string? Description { get; init; }

    /// <summary>The value that applies when the key is absent (a number, a string, a boolean or a string list), as the schema shows it; null: none.</summary>
    public object? Default { get; init; }

    /// <summary>For an object with fixed keys (<see cref="JsonType.KeyedObject"/>): the shape its reader reads it with.</summary>
    public JsonShape? Fields { get; init; }

    /// <summary>For a map (an object whose keys the user names): the shape its reader reads each value with, when each is an object.</summary>
    public JsonShape? EachValue { get; init; }

    /// <summary>For a map of strings (an object whose keys the user names): true; each value a non-empty string.</summary>
    public bool EachValueText { get; init; }

    /// <summary>For a map: what each key the user writes stands for ("pattern", "project"), as the settings reference shows it (<c>budgets.benchmarks.&lt;pattern&gt;.mean</c>); null: "name".</summary>
    public string? EachKeyName { get; init; }

    /// <summary>For an array: true when its reader takes only non-empty strings.</summary>
    public bool TextItems { get; init; }

    /// <summary>For a string (or the string form of <see cref="JsonType.NumberOrText"/>): the regular expression of what its reader accepts, for editors.</summary>
    public string? Pattern { get; init; }
}

/// <summary>
/// The typed reader over the positioned JSON tree: an object's keys declared once (<see cref="JsonKey"/>), read into
/// typed values and <see cref="JsonProblem"/>s with their line and column, one wording per problem kind:
/// <list type="bullet">
/// <item><c>"code" is missing in a finding.</c></item>
/// <item><c>"reason" in a finding must be a string, not number.</c></item>
/// <item><c>"code" in a finding must not be empty.</c></item>
/// <item><c>"line" in 'App' is 120; it must be between 0 and 100.</c></item>
/// <item><c>"kind" in 'layout' is 'lib'; it must be one of: library, service.</c></item>
/// <item><c>Unknown setting 'line' in a finding. Did you mean 'file'? Known settings: code, file, message.</c> (<see cref="UnknownKeys"/>)</item>
/// </list>
/// Each reader words its own finding around these (its code, file, fix hint). Hand-written: the checks run in
/// MSBuild's process and take no dependency beyond System.Text.Json, whose DOM keeps no positions.
/// </summary>
public sealed class JsonShape
{
    private readonly IReadOnlyList<JsonKey> keys;
    private readonly string[] names;

    /// <summary>Declares the keys of an object found at <paramref name="where"/> ("standards-baseline.json", "a finding", "'layout'").</summary>
    public JsonShape(string where, params JsonKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(keys);
        Where = where;
        this.keys = keys;
        names = keys.Select(k => k.Name).ToArray();
    }

    /// <summary>Where the object is, as messages name it.</summary>
    public string Where { get; }

    /// <summary>The declared key names in order.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>The declared keys in order.</summary>
    public IReadOnlyList<JsonKey> Keys => keys;

    /// <summary>The wording of "<paramref name="where"/> must be an object" for a value of another type.</summary>
    public static string NotAnObject(string where, JsonValueNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return $"{where} must be an object, not {node.Kind}.";
    }

    /// <summary>Reads <paramref name="node"/>: an object is read key by key; any other value is one <see cref="JsonProblemKind.WrongType"/> problem.</summary>
    public JsonRead Read(JsonValueNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is not JsonObjectNode obj)
        {
            return new JsonRead(null, new Dictionary<string, JsonValueNode>(StringComparer.Ordinal),
                [new JsonProblem(JsonProblemKind.WrongType, string.Empty, NotAnObject(Where, node), node.Line, node.Column)]);
        }

        var problems = UnknownKeys.Find(obj, Where, names)
            .Select(u => new JsonProblem(JsonProblemKind.Unknown, u.Property.Name, u.Message, u.Property.Line, u.Property.Column))
            .ToList();
        var values = new Dictionary<string, JsonValueNode>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var value = obj.Get(key.Name);
            var problem = value is null ? MissingProblem(key, obj) : ValueProblem(key, value);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else if (value is not null)
            {
                values[key.Name] = value;
            }
        }

        return new JsonRead(obj, values, problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());
    }

    private JsonProblem? MissingProblem(JsonKey key, JsonObjectNode obj) =>
        key.Required ? Problem(JsonProblemKind.Missing, key, $"\"{key.Name}\" is missing in {Where}.", obj) : null;

    private JsonProblem? ValueProblem(JsonKey key, JsonValueNode value)
    {
        if (!HasType(value, key.Type))
        {
            var found = key.Type == JsonType.WholeNumber && value is JsonNumberNode number ? JsonText.Shown(number.Text) : value.Kind;
            return Problem(JsonProblemKind.WrongType, key, $"\"{key.Name}\" in {Where} must be {Describe(key.Type)}, not {found}.", value);
        }

        return value switch
        {
            JsonStringNode text => StringProblem(key, text),
            JsonNumberNode number => RangeProblem(key, number),
            _ => null,
        };
    }

    private JsonProblem? StringProblem(JsonKey key, JsonStringNode text)
    {
        if (key.NotBlank && text.Value.Trim().Length == 0)
        {
            return Problem(JsonProblemKind.Empty, key, $"\"{key.Name}\" in {Where} must not be empty.", text);
        }

        return key.Allowed is { } allowed && !allowed.Contains(text.Value, key.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            ? Problem(JsonProblemKind.NotAllowed, key, $"\"{key.Name}\" in {Where} is '{JsonText.Shown(text.Value)}'; it must be one of: {string.Join(", ", allowed)}.", text)
            : null;
    }

    private JsonProblem? RangeProblem(JsonKey key, JsonNumberNode number)
    {
        _ = number.TryGetDouble(out var value);
        if ((key.Minimum is not { } min || value >= min) && (key.Maximum is not { } max || value <= max))
        {
            return null;
        }

        return Problem(JsonProblemKind.OutOfRange, key, $"\"{key.Name}\" in {Where} is {JsonText.Shown(number.Text)}; it must be {Range(key.Minimum, key.Maximum)}.", number);
    }

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } a, { } b) when a.Equals(b) => Format(a),
        ({ } a, { } b) => $"between {Format(a)} and {Format(b)}",
        ({ } a, null) => $"at least {Format(a)}",
        (null, { } b) => $"at most {Format(b)}",
        _ => "a number",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static JsonProblem Problem(JsonProblemKind kind, JsonKey key, string message, JsonValueNode at) =>
        new(kind, key.Name, key.Hint is null ? message : $"{message} {key.Hint}", at.Line, at.Column);

    private static bool HasType(JsonValueNode value, JsonType type) => type switch
    {
        JsonType.Text => value is JsonStringNode,
        JsonType.Number => value is JsonNumberNode number && number.TryGetDouble(out _),
        JsonType.WholeNumber => value is JsonNumberNode number && number.TryGetInt32(out _),
        JsonType.Boolean => value is JsonBooleanNode,
        JsonType.Array => value is JsonArrayNode,
        JsonType.NumberOrText => value is JsonNumberNode or JsonStringNode,
        JsonType.Any => true,
        _ => value is JsonObjectNode,
    };

    private static string Describe(JsonType type) => type switch
    {
        JsonType.Text => "a string",
        JsonType.Number => "a number",
        JsonType.WholeNumber => "an integer",
        JsonType.Boolean => "true or false",
        JsonType.Array => "an array",
        JsonType.NumberOrText => "a number or a string",
        JsonType.Any => "a value",
        _ => "an object",
    };
}

/// <summary>
/// What <see cref="JsonShape.Read"/> found: each declared key's value when it is present and valid, and the problems.
/// A key that is absent or has a problem reads as null.
/// </summary>
public sealed class JsonRead
{
    private readonly IReadOnlyDictionary<string, JsonValueNode> values;

    internal JsonRead(JsonObjectNode? obj, IReadOnlyDictionary<string, JsonValueNode> values, IReadOnlyList<JsonProblem> problems)
    {
        Source = obj;
        this.values = values;
        Problems = problems;
    }

    /// <summary>The object read, or null when the value was not an object.</summary>
    public JsonObjectNode? Source { get; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<JsonProblem> Problems { get; }

    /// <summary>True when the value is an object whose declared keys are all present (if required) and valid; unknown keys aside.</summary>
    public bool IsValid => Source is not null && Problems.All(p => p.Kind == JsonProblemKind.Unknown);

    /// <summary>The valid value of <paramref name="key"/>, or null.</summary>
    public JsonValueNode? Node(string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>The string value of <paramref name="key"/>, or null.</summary>
    public string? GetString(string key) => (Node(key) as JsonStringNode)?.Value;

    /// <summary>The number value of <paramref name="key"/>, or null.</summary>
    public double? GetNumber(string key) => Node(key) is JsonNumberNode number && number.TryGetDouble(out var value) ? value : null;

    /// <summary>The integer value of <paramref name="key"/>, or null.</summary>
    public int? GetInt32(string key) => Node(key) is JsonNumberNode number && number.TryGetInt32(out var value) ? value : null;

    /// <summary>The boolean value of <paramref name="key"/>, or null.</summary>
    public bool? GetBoolean(string key) => (Node(key) as JsonBooleanNode)?.Value;

    /// <summary>The array value of <paramref name="key"/>, or null.</summary>
    public JsonArrayNode? GetArray(string key) => Node(key) as JsonArrayNode;

    /// <summary>The object value of <paramref name="key"/>, or null.</summary>
    public JsonObjectNode? GetObject(string key) => Node(key) as JsonObjectNode;
}
