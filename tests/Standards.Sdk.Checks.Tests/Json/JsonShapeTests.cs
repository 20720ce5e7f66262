using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Tests.Json;

/// <summary>The typed reader: each problem kind in its one wording at its line, and the typed values of what is valid.</summary>
public sealed class JsonShapeTests
{
    private static readonly JsonShape Shape = new(
        "'entry'",
        new JsonKey("name", JsonType.Text, Required: true) { NotBlank = true },
        new JsonKey("kind", JsonType.Text) { Allowed = ["library", "service"] },
        new JsonKey("line", JsonType.Number) { Minimum = 0, Maximum = 100 },
        new JsonKey("count", JsonType.WholeNumber) { Minimum = 1 },
        new JsonKey("limit", JsonType.WholeNumber) { Maximum = 10, Hint = "Ten is the most." },
        new JsonKey("enabled", JsonType.Boolean),
        new JsonKey("items", JsonType.Array),
        new JsonKey("nested", JsonType.KeyedObject));

    [Fact]
    public void A_valid_object_gives_typed_values_and_no_problems()
    {
        var read = Read("""
            { "$schema": "x", "name": "App", "kind": "service", "line": 84.5, "count": 3, "limit": 10, "enabled": false,
              "items": [1, 2], "nested": { "a": 1 } }
            """);
        Assert.Empty(read.Problems);
        Assert.True(read.IsValid);
        Assert.Equal(("App", "service", 84.5, 3, 10, false), (read.GetString("name"), read.GetString("kind"), read.GetNumber("line"), read.GetInt32("count"), read.GetInt32("limit"), read.GetBoolean("enabled")));
        Assert.Equal(2, read.GetArray("items")!.Items.Count);
        Assert.Equal(["a"], read.GetObject("nested")!.Properties.Select(p => p.Name));
    }

    [Fact]
    public void Optional_keys_that_are_absent_read_as_null_without_a_problem()
    {
        var read = Read("{ \"name\": \"App\" }");
        Assert.Empty(read.Problems);
        Assert.Equal((null, null, null, null), (read.GetString("kind"), read.GetNumber("line"), read.GetInt32("count"), read.GetBoolean("enabled")));
    }

    [Theory]
    [InlineData("{\n  \"kind\": \"library\"\n}", JsonProblemKind.Missing, "name", "\"name\" is missing in 'entry'.", 1, 1)]
    [InlineData("{ \"name\": \"App\",\n  \"line\": \"84\" }", JsonProblemKind.WrongType, "line", "\"line\" in 'entry' must be a number, not string.", 2, 11)]
    [InlineData("{ \"name\": \"App\",\n  \"count\": 1.5 }", JsonProblemKind.WrongType, "count", "\"count\" in 'entry' must be an integer, not 1.5.", 2, 12)]
    [InlineData("{ \"name\": \"App\",\n  \"enabled\": \"yes\" }", JsonProblemKind.WrongType, "enabled", "\"enabled\" in 'entry' must be true or false, not string.", 2, 14)]
    [InlineData("{ \"name\": \"App\",\n  \"items\": {} }", JsonProblemKind.WrongType, "items", "\"items\" in 'entry' must be an array, not object.", 2, 12)]
    [InlineData("{ \"name\": \"App\",\n  \"nested\": null }", JsonProblemKind.WrongType, "nested", "\"nested\" in 'entry' must be an object, not null.", 2, 13)]
    [InlineData("{ \"name\": \"  \" }", JsonProblemKind.Empty, "name", "\"name\" in 'entry' must not be empty.", 1, 11)]
    [InlineData("{ \"name\": \"App\",\n  \"line\": 100.5 }", JsonProblemKind.OutOfRange, "line", "\"line\" in 'entry' is 100.5; it must be between 0 and 100.", 2, 11)]
    [InlineData("{ \"name\": \"App\",\n  \"line\": -1 }", JsonProblemKind.OutOfRange, "line", "\"line\" in 'entry' is -1; it must be between 0 and 100.", 2, 11)]
    [InlineData("{ \"name\": \"App\",\n  \"count\": 0 }", JsonProblemKind.OutOfRange, "count", "\"count\" in 'entry' is 0; it must be at least 1.", 2, 12)]
    [InlineData("{ \"name\": \"App\",\n  \"limit\": 11 }", JsonProblemKind.OutOfRange, "limit", "\"limit\" in 'entry' is 11; it must be at most 10. Ten is the most.", 2, 12)]
    [InlineData("{ \"name\": \"App\",\n  \"limit\": \"x\" }", JsonProblemKind.WrongType, "limit", "\"limit\" in 'entry' must be an integer, not string. Ten is the most.", 2, 12)]
    [InlineData("{ \"name\": \"App\",\n  \"kind\": \"Library\" }", JsonProblemKind.NotAllowed, "kind", "\"kind\" in 'entry' is 'Library'; it must be one of: library, service.", 2, 11)]
    [InlineData("{ \"name\": \"App\",\n  \"knd\": \"library\" }", JsonProblemKind.Unknown, "knd",
        "Unknown setting 'knd' in 'entry'. Did you mean 'kind'? Known settings: name, kind, line, count, limit, enabled, items, nested.", 2, 3)]
    public void Each_problem_kind_has_one_wording_at_the_line_and_column_of_its_value(string text, JsonProblemKind kind, string key, string message, int line, int column)
    {
        var read = Read(text);
        Assert.Equal(new JsonProblem(kind, key, message, line, column), Assert.Single(read.Problems));
        Assert.Equal(kind == JsonProblemKind.Unknown, read.IsValid);
        Assert.Null(kind == JsonProblemKind.Unknown ? null : read.Node(key));
    }

    [Theory]
    [InlineData("{ \"q\": 250, \"any\": [1], \"word\": \"SPDX\" }", null)]
    [InlineData("{ \"q\": \"250 ns\", \"any\": null }", null)]
    [InlineData("{ \"q\": true }", "\"q\" in 'loose' must be a number or a string, not boolean.")]
    [InlineData("{ \"word\": \"swid\" }", "\"word\" in 'loose' is 'swid'; it must be one of: spdx, both.")]
    public void Quantities_any_value_and_case_insensitive_words(string text, string? message)
    {
        var loose = new JsonShape(
            "'loose'",
            new JsonKey("q", JsonType.NumberOrText),
            new JsonKey("any", JsonType.Any),
            new JsonKey("word", JsonType.Text) { Allowed = ["spdx", "both"], IgnoreCase = true });
        var read = loose.Read(PositionedJsonParser.Parse(text).Root!);
        Assert.Equal(message, read.Problems.SingleOrDefault()?.Message);
        Assert.Equal(message is null, read.IsValid);
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_one_problem_and_reads_nothing()
    {
        var read = Shape.Read(PositionedJsonParser.Parse("\n  [1]").Root!);
        Assert.Equal(new JsonProblem(JsonProblemKind.WrongType, string.Empty, "'entry' must be an object, not array.", 2, 3), Assert.Single(read.Problems));
        Assert.False(read.IsValid);
        Assert.Null(read.Source);
    }

    [Fact]
    public void Every_problem_of_an_object_is_reported_in_file_order_and_valid_keys_still_read()
    {
        var read = Read("{\n  \"kind\": \"x\",\n  \"extra\": 1,\n  \"line\": 50,\n  \"count\": 0\n}");
        Assert.Equal(
            [(JsonProblemKind.Missing, 1), (JsonProblemKind.NotAllowed, 2), (JsonProblemKind.Unknown, 3), (JsonProblemKind.OutOfRange, 5)],
            read.Problems.Select(p => (p.Kind, p.Line)));
        Assert.Equal(50, read.GetNumber("line"));
    }

    [Fact]
    public void A_version_key_must_be_the_version_the_sdk_reads()
    {
        var shape = new JsonShape("f.json", VersionedJsonFile.VersionKey(1));
        Assert.Empty(shape.Read(PositionedJsonParser.Parse("{ \"version\": 1 }").Root!).Problems);
        Assert.Equal(
            "\"version\" in f.json is 2; it must be 1. It is the file's format; this SDK reads version 1.",
            Assert.Single(shape.Read(PositionedJsonParser.Parse("{ \"version\": 2 }").Root!).Problems).Message);
        Assert.Equal(
            "\"version\" is missing in f.json. It is the file's format; this SDK reads version 1.",
            Assert.Single(shape.Read(PositionedJsonParser.Parse("{ }").Root!).Problems).Message);
    }

    private static JsonRead Read(string text)
    {
        var parsed = PositionedJsonParser.Parse(text);
        Assert.True(parsed.Succeeded, parsed.Error);
        return Shape.Read(parsed.Root!);
    }
}
