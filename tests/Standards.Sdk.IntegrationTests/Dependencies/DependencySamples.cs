namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>Files of the dependency integration repos.</summary>
internal static class DependencySamples
{
    public const string PackagesProps = """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
            <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
          </PropertyGroup>
          <ItemGroup>
            <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageVersion Include="xunit" Version="2.9.3" />
            <PackageVersion Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
        </Project>
        """;

    public const string AppBody = """
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" />
          </ItemGroup>
        """;

    public const string TestsBody = """
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" />
            <PackageReference Include="xunit" />
            <PackageReference Include="xunit.runner.visualstudio" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/App/App.csproj" />
          </ItemGroup>
        """;

    public const string AppCode = """
        namespace App;

        /// <summary>Serialises.</summary>
        public static class Json
        {
            /// <summary>Serialises a value.</summary>
            public static string Write(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
        }
        """;

    public const string TestCode = """
        namespace App.Tests;

        public class JsonTests
        {
            [Xunit.Fact]
            public void Writes() => Xunit.Assert.Equal("1", App.Json.Write(1));
        }
        """;

    /// <summary>global.json without a roll-forward policy.</summary>
    public static string GlobalJsonWithoutRollForward(string sdkVersion) =>
        $$"""
        {
          "sdk": { "version": "10.0.401" },
          "msbuild-sdks": { "Standards.Sdk": "{{sdkVersion}}" }
        }
        """;

    /// <summary>Writes App and App.Tests (central versions) and a solution.</summary>
    public static TestRepo WriteCompliant(TestRepo repo)
    {
        repo.WriteFile("Directory.Packages.props", PackagesProps)
            .WriteProject("src/App", "App", AppBody)
            .WriteFile("src/App/Json.cs", AppCode)
            .WriteProject("tests/App.Tests", "App.Tests", TestsBody)
            .WriteFile("tests/App.Tests/JsonTests.cs", TestCode);
        return WriteSolution(repo, "src/App/App.csproj", "tests/App.Tests/App.Tests.csproj");
    }

    /// <summary>Writes a solution holding the projects.</summary>
    public static TestRepo WriteSolution(TestRepo repo, params string[] projects)
    {
        return repo.WriteSolution("Repo", projects);
    }

    /// <summary>The diagnostics with a code that are about a file ending with the path.</summary>
    public static IEnumerable<BuildDiagnostic> About(this BuildResult build, string code, string pathEnd) =>
        build.WithCode(code).Where(d => d.File.Replace('\\', '/').EndsWith(pathEnd, StringComparison.Ordinal));

    /// <summary>Our dependency diagnostics (STD2xxx).</summary>
    public static IEnumerable<BuildDiagnostic> DependencyDiagnostics(this BuildResult build) =>
        build.Diagnostics.Where(d => d.Code.StartsWith("STD2", StringComparison.Ordinal));
}
