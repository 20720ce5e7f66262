using Standards.Adoption;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

public class ProjectFileEditorTests
{
    [Fact]
    public void A_plain_project_moves_to_Standards_Sdk_and_keeps_every_other_byte()
    {
        const string text = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <!-- keep me -->\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n";
        var edit = ProjectFileEditor.AdoptSdk("src/A/A.csproj", text);
        Assert.Equal(text.Replace("Microsoft.NET.Sdk", "Standards.Sdk", StringComparison.Ordinal), edit.NewText);
        Assert.Equal(["src/A/A.csproj: Sdk=\"Microsoft.NET.Sdk\" -> Sdk=\"Standards.Sdk\""], edit.Changes);
    }

    [Theory]
    [InlineData("Microsoft.NET.Sdk.Web")]
    [InlineData("Microsoft.NET.Sdk.Worker")]
    [InlineData("MSTest.Sdk/3.6.4")]
    [InlineData("Aspire.AppHost.Sdk/9.0.0")]
    public void A_project_on_another_SDK_keeps_it_and_gains_the_layered_Standards_Sdk(string sdk)
    {
        var text = $"<Project Sdk=\"{sdk}\">\n  <PropertyGroup />\n</Project>\n";
        var edit = ProjectFileEditor.AdoptSdk("src/Web/Web.csproj", text);
        Assert.Equal($"<Project Sdk=\"{sdk}\">\n  <Sdk Name=\"Standards.Sdk\" />\n  <PropertyGroup />\n</Project>\n", edit.NewText);
    }

    [Theory]
    [InlineData("<Project Sdk=\"Standards.Sdk\" />")]
    [InlineData("<Project Sdk=\"Standards.Sdk/1.0.0\" />")]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"Standards.Sdk\" />\n</Project>")]
    public void An_adopted_project_is_left_alone(string text)
    {
        var edit = ProjectFileEditor.AdoptSdk("a.csproj", text);
        Assert.Equal(text, edit.NewText);
        Assert.Empty(edit.Changes);
    }

    [Fact]
    public void An_old_style_project_is_left_alone_and_said_so()
    {
        const string text = "<Project ToolsVersion=\"15.0\">\n  <Import Project=\"$(MSBuildToolsPath)/Microsoft.CSharp.targets\" />\n</Project>\n";
        var edit = ProjectFileEditor.AdoptSdk("old.csproj", text);
        Assert.Equal(text, edit.NewText);
        Assert.Contains("old-style", Assert.Single(edit.Changes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_is_not_XML_is_STD7502_with_its_line()
    {
        var ex = Assert.Throws<ToolException>(() => ProjectFileEditor.AdoptSdk("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n</Project>\n"));
        Assert.Equal(ToolRuleIds.ProjectUnparsable, ex.Code);
        Assert.Equal("src/B/B.csproj", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.StartsWith("src/B/B.csproj(3): error STD7502: src/B/B.csproj is not well-formed XML", ex.Formatted(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_versions_move_out_differing_ones_stay_as_VersionOverride_and_properties_stay_put()
    {
        const string text = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="Newtonsoft.Json" Version="12.0.1" PrivateAssets="all" />
                <PackageReference Include="Serilog" Version="$(SerilogVersion)" />
                <PackageReference Update="Foo" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """;
        var collected = ProjectFileEditor.TakeInlineVersions("a.csproj", text);
        Assert.Equal(["xunit 2.9.3", "Newtonsoft.Json 12.0.1"], collected.Versions.Select(v => $"{v.Package} {v.Version}"));

        var central = new Dictionary<string, string> { ["xunit"] = "2.9.3", ["Newtonsoft.Json"] = "13.0.3" };
        var edit = ProjectFileEditor.TakeInlineVersions("a.csproj", text, central);
        Assert.Contains("<PackageReference Include=\"xunit\" />", edit.NewText, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Newtonsoft.Json\" VersionOverride=\"12.0.1\" PrivateAssets=\"all\" />", edit.NewText, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"Serilog\" VersionOverride=\"$(SerilogVersion)\" />", edit.NewText, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Update=\"Foo\" Version=\"1.0.0\" />", edit.NewText, StringComparison.Ordinal);
    }
}

public class CentralPackagesTests
{
    [Fact]
    public void The_central_version_is_the_shared_one_or_the_highest()
    {
        var central = CentralPackages.Choose([
            new InlinePackageVersion("xunit", "2.9.3", "a"),
            new InlinePackageVersion("Newtonsoft.Json", "12.0.1", "a"),
            new InlinePackageVersion("newtonsoft.json", "13.0.3", "b"),
            new InlinePackageVersion("Lib", "2.0.0-beta.2", "a"),
            new InlinePackageVersion("Lib", "2.0.0", "b"),
            new InlinePackageVersion("Lib", "10.0.0-rc.1", "c"),
        ]);
        Assert.Equal("2.9.3", central["xunit"]);
        Assert.Equal("13.0.3", central["Newtonsoft.Json"]);
        Assert.Equal("10.0.0-rc.1", central["Lib"]);
    }

    [Fact]
    public void A_new_file_turns_on_central_management_with_transitive_pinning()
    {
        var text = CentralPackages.Write(null, new Dictionary<string, string> { ["xunit"] = "2.9.3", ["A&B"] = "1.0.0" })!;
        Assert.Contains("<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>", text, StringComparison.Ordinal);
        Assert.Contains("<CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>", text, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"xunit\" Version=\"2.9.3\" />", text, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"A&amp;B\" Version=\"1.0.0\" />", text, StringComparison.Ordinal);
        ProjectFileEditor.Parse("Directory.Packages.props", text);
    }

    [Fact]
    public void An_existing_file_gains_only_what_it_lacks()
    {
        const string existing = "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageVersion Include=\"xunit\" Version=\"2.9.0\" />\n  </ItemGroup>\n</Project>\n";
        var text = CentralPackages.Write(existing, new Dictionary<string, string> { ["xunit"] = "2.9.3", ["Serilog"] = "4.0.0" })!;
        Assert.Contains("<PackageVersion Include=\"xunit\" Version=\"2.9.0\" />", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Version=\"2.9.3\"", text, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Serilog\" Version=\"4.0.0\" />", text, StringComparison.Ordinal);
        Assert.Contains("<CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "ManagePackageVersionsCentrally>true<"));
        Assert.Null(CentralPackages.Write(text, new Dictionary<string, string> { ["Serilog"] = "4.0.0" }));
    }
}

public class GlobalJsonEditorTests
{
    [Fact]
    public void Creates_global_json_pinning_the_SDK()
    {
        var text = GlobalJsonEditor.Pin(null, "1.2.3", out var change)!;
        Assert.Equal("{\n  \"msbuild-sdks\": {\n    \"Standards.Sdk\": \"1.2.3\"\n  }\n}\n", text);
        Assert.Contains("created", change, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_sdk_section_and_other_msbuild_sdks()
    {
        const string existing = "{\n  // the SDK\n  \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" },\n  \"msbuild-sdks\": { \"Microsoft.Build.NoTargets\": \"3.7.0\", },\n}";
        var text = GlobalJsonEditor.Pin(existing, "1.2.3", out _)!;
        using var document = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("10.0.100", document.RootElement.GetProperty("sdk").GetProperty("version").GetString());
        Assert.Equal("3.7.0", document.RootElement.GetProperty("msbuild-sdks").GetProperty("Microsoft.Build.NoTargets").GetString());
        Assert.Equal("1.2.3", document.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
        Assert.Null(GlobalJsonEditor.Pin(text, "1.2.3", out _));
    }

    [Fact]
    public void A_malformed_global_json_is_STD7505_with_the_line()
    {
        var ex = Assert.Throws<ToolException>(() => GlobalJsonEditor.Pin("{\n  \"sdk\": {\n    \"version\": 10.0.100\n  }\n}", "1.0.0", out _));
        Assert.Equal(ToolRuleIds.ConfigurationMalformed, ex.Code);
        Assert.Equal(3, ex.Line);
    }
}
