using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>CI detection, local builds, project kinds, hooks: the parts of the SDK that are MSBuild properties.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class EnvironmentTests
{
    private const string Doc = "/// <summary>Sample.</summary>";

    /// <summary>These tests are about the build policy; repo-wide checks and locked restore have their own tests.</summary>
    private const string PolicyOnly = "-p:StandardsRepositoryChecks=false;RestoreLockedMode=false";

    private static Dictionary<string, string> Properties(TestRepo repo, string project, IReadOnlyDictionary<string, string?> environment, params string[] names)
    {
        var result = repo.Dotnet(["msbuild", repo.PathOf(project), .. names.Select(n => $"-getProperty:{n}")], ci: false, environment);
        Assert.True(result.Succeeded, result.Output);
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", "true", "github")]
    [InlineData("GITLAB_CI", "true", "true", "gitlab")]
    [InlineData("TF_BUILD", "True", "true", "azure")]
    [InlineData("CI", "true", "true", "generic")]
    [InlineData("CI", "false", "", "")]
    public void Continuous_integration_build_follows_the_ci_environment(string variable, string value, string expected, string system)
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Ci.Sample", "Ci.Sample");

        var properties = Properties(repo, "src/Ci.Sample/Ci.Sample.csproj", new Dictionary<string, string?> { [variable] = value },
            "ContinuousIntegrationBuild", "StandardsCiSystem", "TreatWarningsAsErrors", "Deterministic", "EmbedUntrackedSources", "EnableSourceLink", "Nullable", "AnalysisLevel", "UsingStandardsSdk", "RestorePackagesWithLockFile");

        Assert.Equal(expected, properties["ContinuousIntegrationBuild"]);
        Assert.Equal(system, properties["StandardsCiSystem"]);
        Assert.Equal(expected == "true" ? "true" : "false", properties["TreatWarningsAsErrors"]);
        Assert.Equal(("true", "true", "true", "enable", "latest-recommended", "true"),
            (properties["Deterministic"], properties["EmbedUntrackedSources"], properties["EnableSourceLink"], properties["Nullable"], properties["AnalysisLevel"], properties["UsingStandardsSdk"]));
    }

    [Fact]
    public void Local_debug_builds_keep_warnings_as_warnings_and_release_makes_them_errors()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Local.Sample", "Local.Sample", "  <PropertyGroup>\n    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n  </PropertyGroup>")
            .WriteFile("src/Local.Sample/Work.cs", $"// TODO later\nnamespace Samples.Local;\n\n{Doc}\npublic static class Work\n{{\n}}\n");

        var debug = repo.Build("src/Local.Sample/Local.Sample.csproj", ci: false, PolicyOnly);
        Assert.True(debug.Succeeded, debug.Output);
        Assert.Equal(("STD1006", "warning"), (Assert.Single(debug.Diagnostics).Code, debug.Diagnostics[0].Severity));

        var release = repo.Build("src/Local.Sample/Local.Sample.csproj", ci: false, "-c", "Release", PolicyOnly);
        Assert.False(release.Succeeded);
        Assert.Contains(release.Errors, e => e.Code == "STD0102");
    }

    [Fact]
    public void Service_kind_gets_what_an_api_needs_without_the_web_sdk_and_hooks_are_imported()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("hooks/after.targets", "<Project>\n  <Target Name=\"SampleHook\" AfterTargets=\"Build\">\n    <Message Importance=\"high\" Text=\"custom after-targets hook ran for $(MSBuildProjectName)\" />\n  </Target>\n</Project>\n")
            .WriteProject("cmd/Orders.Api", "Orders.Api", "  <PropertyGroup>\n    <CustomAfterStandardsSdkTargets>$(MSBuildThisFileDirectory)../../hooks/after.targets</CustomAfterStandardsSdkTargets>\n  </PropertyGroup>")
            .WriteFile("cmd/Orders.Api/Program.cs", "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet(\"/health\", () => Results.Ok());\nawait app.RunAsync();\n")
            .WriteFile("cmd/Orders.Api/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }\n");

        var build = repo.Build("cmd/Orders.Api/Orders.Api.csproj", ci: true, PolicyOnly);

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics);
        Assert.Single(build.Messages, m => m.Text == "Standards.Sdk: Orders.Api is a 'service' project (inferred from its place under cmd/ and its name).");
        Assert.Equal(1, build.RunCount("SampleHook"));
        Assert.Single(build.Messages, m => m.Target == "SampleHook" && m.Text == "custom after-targets hook ran for Orders.Api");
        Assert.True(repo.Exists("cmd/Orders.Api/bin/Debug/net10.0/appsettings.json"));
        Assert.True(repo.Exists("cmd/Orders.Api/bin/Debug/net10.0/Orders.Api.dll"));
    }

    [Fact]
    public void Unknown_project_kind_is_STD0006()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Kind.Sample", "Kind.Sample", "  <PropertyGroup>\n    <StandardsProjectKind>website</StandardsProjectKind>\n  </PropertyGroup>");

        var build = repo.Build("src/Kind.Sample/Kind.Sample.csproj", ci: true, PolicyOnly);

        var error = Assert.Single(build.Errors);
        Assert.Equal(("STD0006", "Kind.Sample.csproj"), (error.Code, error.FileName));
    }
}
