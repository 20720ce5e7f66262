using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>
/// Fixture repos modelled on real ones: a service whose projects sit on the Web, Worker and MSTest SDKs
/// with Standards.Sdk layered over them, and a library repo with test/, *.UnitTests by reference, a test host, a
/// vendored folder and an AppHost-style project on another SDK that does not use Standards.Sdk.
/// </summary>
internal static class AdoptionRepos
{
    /// <summary>The MSTest.Sdk version that restores from the registry this repo is tested against (platform notes).</summary>
    public const string MSTestSdkVersion = "4.5.2";

    public const string Storefront = "cmd/Acme.Storefront/Acme.Storefront.csproj";
    public const string Jobs = "cmd/Acme.Jobs/Acme.Jobs.csproj";
    public const string WebTests = "tests/Acme.Orders.Checks/Acme.Orders.Checks.csproj";

    /// <summary>
    /// A compliant service repo: src/Acme.Orders with its tests, a Razor Pages app on Microsoft.NET.Sdk.Web (named
    /// so that only its SDK says it is a service), a worker on Microsoft.NET.Sdk.Worker, and an MSTest.Sdk test project.
    /// </summary>
    public static TestRepo LayeredService()
    {
        var repo = LayoutRepos.Compliant("library");
        repo.WriteFile("Directory.Packages.props", LayoutRepos.PackagesProps.Replace(
                "</Project>", "  <ItemGroup>\n    <PackageVersion Include=\"Microsoft.Extensions.Hosting\" Version=\"10.0.14\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal))
            .WriteFile(Storefront, Layered("Microsoft.NET.Sdk.Web"))
            .WriteFile("cmd/Acme.Storefront/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRazorPages();
                var app = builder.Build();
                app.UseStaticFiles();
                app.MapRazorPages();
                await app.RunAsync().ConfigureAwait(false);

                """)
            .WriteFile("cmd/Acme.Storefront/Pages/Index.cshtml", "@page\n<h1>Orders</h1>\n")
            .WriteFile("cmd/Acme.Storefront/Pages/_ViewImports.cshtml", "@addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers\n")
            .WriteFile("cmd/Acme.Storefront/wwwroot/css/site.css", "body { color: #333; }\n")
            .WriteFile("cmd/Acme.Storefront/Properties/launchSettings.json", """
                { "profiles": { "Acme.Storefront": { "commandName": "Project", "applicationUrl": "http://127.0.0.1:5171" } } }

                """)
            .WriteFile(Jobs, Layered("Microsoft.NET.Sdk.Worker", "  <ItemGroup>\n    <PackageReference Include=\"Microsoft.Extensions.Hosting\" />\n  </ItemGroup>\n"))
            .WriteFile("cmd/Acme.Jobs/Program.cs", "using var host = Host.CreateApplicationBuilder(args).Build();\nreturn host.Services is null ? 1 : 0;\n")
            .WriteFile(WebTests, $$"""
                <Project Sdk="MSTest.Sdk/{{MSTestSdkVersion}}">
                  <Sdk Name="Standards.Sdk" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <!-- Coverage comes from Standards.Sdk's gate (coverlet); MSTest's own extension would be a second,
                         proprietary-licensed collector (STD2011 asks for its licence to be reviewed). -->
                    <EnableMicrosoftTestingExtensionsCodeCoverage>false</EnableMicrosoftTestingExtensionsCodeCoverage>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../../src/Acme.Orders/Acme.Orders.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .WriteFile("tests/Acme.Orders.Checks/MarkerTests.cs", """
                using Microsoft.VisualStudio.TestTools.UnitTesting;

                namespace Acme.Orders.Checks;

                [TestClass]
                public sealed class MarkerTests
                {
                    [TestMethod]
                    public void Marker_is_a_type() => Assert.IsNotNull(typeof(Acme.Orders.Marker));
                }

                """)
            .WriteFile("docs/runbooks/high-error-rate.md", LayoutRepos.Runbook);
        return LayoutRepos.WriteSolution(repo, ["src/Acme.Orders/Acme.Orders.csproj", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj", Storefront, Jobs, WebTests]);
    }

    /// <summary>A project on another SDK with Standards.Sdk layered over it.</summary>
    private static string Layered(string sdk, string items = "") => $"""
        <Project Sdk="{sdk}">
          <Sdk Name="Standards.Sdk" />
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        {items}</Project>

        """;

    public const string AppHost = "src/Acme.AppHost/Acme.AppHost.csproj";

    /// <summary>
    /// A compliant library repo the way real ones are laid out: tests in test/, Acme.Guard tested by
    /// test/Acme.Guard.UnitTests (a reference), a test host executable under test/, a vendored project excluded by
    /// glob in standards.json, and an AppHost-style executable on Microsoft.NET.Sdk without Standards.Sdk.
    /// </summary>
    public static TestRepo RealLibrary()
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.WriteFile("README.md", "# Acme.Guard\n")
            .WriteFile("CHANGELOG.md", "# Changelog\n")
            .WriteFile(".editorconfig", "root = true\n")
            .WriteFile("Directory.Packages.props", LayoutRepos.PackagesProps)
            .WriteFile("SECURITY.md", "# Security\n\nReport vulnerabilities to security@example.invalid.\n")
            .WriteFile(".github/CODEOWNERS", "*            @acme/platform\n/src/        @alice @bob\n")
            .WriteFile(".github/pull_request_template.md", "## What\n\n## Why\n\n## How\n\n## Testing\n\n## Checklist\n")
            .WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr)
            .WriteFile("standards.json", """{ "layout": { "exclude": ["src/Vendored"] } }""")
            .WriteProject("src/Acme.Guard", "Acme.Guard")
            .WriteFile("src/Acme.Guard/Guard.cs", "namespace Acme.Guard;\n\n/// <summary>Guards.</summary>\npublic static class Guard\n{\n}\n")
            .WriteProject("test/Acme.Guard.UnitTests", "Acme.Guard.UnitTests", """
                  <ItemGroup>
                    <ProjectReference Include="../../src/Acme.Guard/Acme.Guard.csproj" />
                  </ItemGroup>
                """)
            .WriteFile("test/Acme.Guard.UnitTests/Marker.cs", "namespace Acme.Guard.UnitTests;\n\ninternal static class Marker\n{\n}\n")
            .WriteProject("test/Acme.Guard.TestHost", "Acme.Guard.TestHost", "  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>")
            .WriteFile("test/Acme.Guard.TestHost/Program.cs", "return 0;\n")
            .WriteProject("src/Vendored/Json", "Json")
            .WriteFile(AppHost, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """)
            .WriteFile("src/Acme.AppHost/Program.cs", "return 0;\n");
        return LayoutRepos.WriteSolution(repo, ["src/Acme.Guard/Acme.Guard.csproj", "test/Acme.Guard.UnitTests/Acme.Guard.UnitTests.csproj",
            "test/Acme.Guard.TestHost/Acme.Guard.TestHost.csproj", AppHost]);
    }
}
