using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Tests.Policy;

public class JsonAndGlobTests
{
    [Fact]
    public void Parser_records_lines_and_columns()
    {
        var root = (JsonObjectNode)PositionedJsonParser.Parse("\uFEFF{\n  \"a\": [1,\n    \"x\"],\n  \"b\": { \"c\": null }\n}").Root!;

        var a = (JsonArrayNode)root.Get("a")!;
        Assert.Equal((2, 8), (a.Line, a.Column));
        Assert.Equal((3, 5), (a.Items[1].Line, a.Items[1].Column));
        Assert.Equal(4, root.Properties[1].Line);
        Assert.IsType<JsonNullNode>(((JsonObjectNode)root.Get("b")!).Get("c"));
    }

    [Fact]
    public void Parser_reports_error_position_instead_of_throwing()
    {
        var result = PositionedJsonParser.Parse("{\n  \"a\": tru\n}");
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.ErrorLine);
        Assert.DoesNotContain("LineNumber", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_survives_deep_nesting() =>
        Assert.False(PositionedJsonParser.Parse(new string('[', 5000)).Succeeded);
}
