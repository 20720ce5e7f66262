using System.Diagnostics;
using Xunit.Abstractions;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// `dotnet standards adopt` on a repo whose nuget.config names its local feed by a path relative to the repo root, as
/// `dotnet new --sdk-feed` writes it: adopt restores and builds in a copy of the repo elsewhere, where that relative
/// path would point at nothing. A library with one finding and its xunit.v3 tests: adopt exits 0, the finding is
/// recorded (the builds measured the repo), nuget.config keeps its bytes and the CI build of the adopted repo is green.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class AdoptRelativeFeedTests(ITestOutputHelper output)
{
    private const string Money = "src/Acme.Money/Money.cs";

    [Fact]
    public void Adopt_on_a_repo_whose_nuget_config_names_a_relative_feed_exits_0_with_a_green_CI_build()
    {
        using var repo = AdoptionFixtures.Committed("adopt-relative-feed", Files());
        var relative = Path.GetRelativePath(repo.Root, repo.Sdk.Feed).Replace('\\', '/');
        Assert.False(Path.IsPathRooted(relative));
        repo.WriteFile("nuget.config", TestRepo.NuGetConfig(relative));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "The local feed by a relative path");
        var config = File.ReadAllBytes(repo.PathOf("nuget.config"));

        var watch = Stopwatch.StartNew();
        var adopt = repo.Dotnet(["standards", "adopt"], ci: false, timeout: AdoptionFixtures.AdoptTimeout);
        output.WriteLine($"dotnet standards adopt: {watch.Elapsed.TotalSeconds:F1} s\n{adopt.Output}");
        Assert.True(adopt.Succeeded, adopt.Output);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", adopt.Output, StringComparison.Ordinal);
        Assert.Contains($"CA1305 {Money}", AdoptionFixtures.CodeBaseline(repo));
        Assert.Equal(config, File.ReadAllBytes(repo.PathOf("nuget.config")));
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Adopt Standards.Sdk");

        var build = repo.Build(ci: true);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.Errors);
    }

    /// <summary>The repo before adoption: a plain Microsoft.NET.Sdk library and its xunit.v3 tests on Microsoft.Testing.Platform.</summary>
    private static Dictionary<string, string> Files() => new(StringComparer.Ordinal)
    {
        [".gitignore"] = "bin/\nobj/\nartifacts/\n",
        ["global.json"] = "{\n  \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" },\n  \"test\": { \"runner\": \"Microsoft.Testing.Platform\" }\n}\n",
        ["Acme.Money.slnx"] = "<Solution>\n  <Project Path=\"src/Acme.Money/Acme.Money.csproj\" />\n  <Project Path=\"tests/Acme.Money.Tests/Acme.Money.Tests.csproj\" />\n</Solution>\n",
        ["src/Acme.Money/Acme.Money.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n",
        [Money] = "namespace Acme.Money;\n\n/// <summary>Formats amounts.</summary>\npublic static class Money\n{\n    /// <summary>The amount in cents as text.</summary>\n    public static string Cents(int cents) => cents.ToString();\n}\n",
        ["tests/Acme.Money.Tests/Acme.Money.Tests.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Acme.Money/Acme.Money.csproj" />
              </ItemGroup>
            </Project>

            """,
        ["tests/Acme.Money.Tests/MoneyTests.cs"] = "using Xunit;\n\nnamespace Acme.Money.Tests;\n\npublic class MoneyTests\n{\n    [Fact]\n    public void Cents_writes_the_number() => Assert.Equal(\"250\", Money.Cents(250));\n}\n",
    };
}
