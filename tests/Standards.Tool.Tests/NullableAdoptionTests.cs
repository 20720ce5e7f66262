using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>Turning nullable on in a project or Directory.Build file changes the value and no other byte.</summary>
public sealed class NullableAdoptionTests
{
    [Theory]
    [InlineData("disable")]
    [InlineData("annotations")]
    [InlineData("warnings")]
    [InlineData(" Disable ")]
    public void Every_value_but_enable_becomes_enable(string value)
    {
        var turnOn = NullableAdoption.TurnOn("src/A/A.csproj", $"<Project>\n  <PropertyGroup>\n    <Nullable>{value}</Nullable>\n  </PropertyGroup>\n</Project>\n", isProject: true)!;
        Assert.Equal("<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>\n", turnOn.After);
        Assert.Equal([$"line 3: {value.Trim()}"], turnOn.Settings);
        Assert.Equal("A", turnOn.Scope);
        Assert.Equal("src/A", turnOn.Folder);
    }

    [Fact]
    public void Line_endings_tabs_conditions_comments_and_expressions_are_kept()
    {
        const string Text = "<Project>\r\n\t<!-- <Nullable>disable</Nullable> was the old way -->\r\n\t<PropertyGroup Condition=\"'$(TargetFramework)' == 'net462'\">\r\n"
            + "\t\t<Nullable Condition=\"'$(Legacy)' == 'true'\" >disable</Nullable >\r\n\t\t<Nullable>$(LegacyNullable)</Nullable>\r\n\t\t<Nullable>enable</Nullable>\r\n\t</PropertyGroup>\r\n</Project>";
        var turnOn = NullableAdoption.TurnOn("Directory.Build.props", Text, isProject: false)!;
        Assert.Equal(Text.Replace(">disable</Nullable >", ">enable</Nullable >", StringComparison.Ordinal), turnOn.After);
        Assert.Equal(["line 4: disable"], turnOn.Settings);
        Assert.Equal("**", turnOn.Scope);
        Assert.True(turnOn.Governs("src/A/C.cs"));
    }

    [Fact]
    public void A_Directory_Build_file_in_a_folder_governs_that_folder_only()
    {
        var turnOn = NullableAdoption.TurnOn("src/Legacy/Directory.Build.props", "<Project><PropertyGroup><Nullable>disable</Nullable></PropertyGroup></Project>", isProject: false)!;
        Assert.Equal("src/Legacy", turnOn.Scope);
        Assert.True(turnOn.Governs("src/Legacy/A/C.cs"));
        Assert.False(turnOn.Governs("src/LegacyTwo/C.cs"));
        Assert.False(turnOn.Governs("src/Other/C.cs"));
    }

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\" />")]
    [InlineData("<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>")]
    [InlineData("<Project><PropertyGroup><Nullable>$(X)</Nullable></PropertyGroup></Project>")]
    [InlineData("<Project><!--<Nullable>disable</Nullable>--></Project>")]
    public void Nothing_to_turn_on_is_null(string text) =>
        Assert.Null(NullableAdoption.TurnOn("A.csproj", text, isProject: true));

    [Fact]
    public void The_exception_keeps_the_other_settings_of_standards_json()
    {
        var turnOn = NullableAdoption.TurnOn("src/A/A.csproj", "<Project><PropertyGroup><Nullable>disable</Nullable></PropertyGroup></Project>", isProject: true)!;
        var policy = NullableAdoption.AddException("{ \"coverage\": { \"line\": 40 }, \"exceptions\": [] }", turnOn, 900, 500, new DateOnly(2026, 1, 31));
        Assert.Contains("\"coverage\": {\n    \"line\": 40\n  }", policy, StringComparison.Ordinal);
        Assert.Contains("\"scope\": \"A\"", policy, StringComparison.Ordinal);
        Assert.Contains("\"expires\": \"2026-07-30\"", policy, StringComparison.Ordinal);
        var error = Assert.Throws<ToolException>(() => NullableAdoption.AddException("{\n  \"exceptions\": {}\n}", turnOn, 900, 500, new DateOnly(2026, 1, 31)));
        Assert.Equal(2, error.Line);
    }
}
