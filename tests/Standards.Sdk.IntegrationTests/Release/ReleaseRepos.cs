using System.IO.Compression;
using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>The repos of the release tests: a multi-targeted library and a service, each a git repo with version.json.</summary>
internal static class ReleaseRepos
{
    /// <summary>These tests are about release; repo-wide checks have their own tests, locked restore needs committed lock files.</summary>
    public const string ReleaseOnly = "-p:StandardsRepositoryChecks=false;RestoreLockedMode=false";

    /// <summary>
    /// For a build, pack or publish after a repo's first, which restored it: when nothing the test changed since is a
    /// restore input (standards.json, version.json, a key file, source, a property no restore reads: the restore
    /// would be a no-op; ReleaseOnly pins RestoreLockedMode, so CI on or off is none either), the restore proves
    /// nothing and costs seconds of CPU per command.
    /// </summary>
    public const string NoRestore = "--no-restore";

    public const string LibraryProject = "src/Acme.Widgets/Acme.Widgets.csproj";
    public const string ServiceProject = "cmd/Acme.Orders.Api/Acme.Orders.Api.csproj";

    public const string PackagesProps = """
        <Project>
          <ItemGroup>
            <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageVersion Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.14" />
            <PackageVersion Include="Polly.Core" Version="8.9.1" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>The package metadata every packable library of these repos shares (STD6050-STD6054 are clean).</summary>
    public const string PackageMetadataProps = """
        <Project>
          <PropertyGroup>
            <Description>Widgets for the Acme release tests.</Description>
            <Authors>Acme Widgets Team</Authors>
            <PackageLicenseExpression>MIT</PackageLicenseExpression>
            <RepositoryUrl>https://git.example/acme/widgets</RepositoryUrl>
            <PackageReadmeFile>README.md</PackageReadmeFile>
          </PropertyGroup>
          <ItemGroup>
            <None Include="$(MSBuildThisFileDirectory)README.md" Pack="true" PackagePath="/" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>A library with two packages, committed; version.json as given. Multi-targeted (net10.0; netstandard2.0) on request.</summary>
    public static TestRepo Library(string versionJson, string projectExtra = "", bool multiTarget = false)
    {
        var frameworks = multiTarget ? "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>" : "<TargetFramework>net10.0</TargetFramework>";
        var repo = TestRepo.Create();
        repo.WriteFile("Directory.Packages.props", PackagesProps)
            .WriteFile(".gitignore", "bin/\nobj/\nartifacts/\n")
            .WriteFile("version.json", versionJson)
            .WriteFile("Directory.Build.props", PackageMetadataProps)
            .WriteFile("README.md", "# Acme widgets\n")
            .WriteProject("src/Acme.Widgets", "Acme.Widgets", $"""
                  <PropertyGroup>
                    {frameworks}
                    <Company>Acme Corp</Company>
                    <Authors>Acme Widgets Team</Authors>
                    <PackageLicenseExpression>MIT</PackageLicenseExpression>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Newtonsoft.Json" />
                    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" />
                  </ItemGroup>
                {projectExtra}
                """)
            .WriteFile("src/Acme.Widgets/Gadget.cs", """
                namespace Acme.Widgets;

                /// <summary>A gadget.</summary>
                public static class Gadget
                {
                    /// <summary>The gadget as JSON.</summary>
                    /// <returns>The JSON text.</returns>
                    public static string ToJson() => Newtonsoft.Json.JsonConvert.SerializeObject(new { Name = "gadget" });

                    internal static int Secret => 42;
                }
                """);
        Commit(repo);
        return repo;
    }

    /// <summary>A service (cmd/Acme.Orders.Api) with one package, committed.</summary>
    public static TestRepo Service()
    {
        var repo = TestRepo.Create();
        repo.WriteFile("Directory.Packages.props", PackagesProps)
            .WriteFile(".gitignore", "bin/\nobj/\nartifacts/\n")
            .WriteFile("version.json", """{ "version": "2.1", "publicReleaseRefSpec": ["^refs/heads/main$"] }""")
            .WriteProject("cmd/Acme.Orders.Api", "Acme.Orders.Api", """
                  <PropertyGroup>
                    <Company>Acme Corp</Company>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Polly.Core" />
                  </ItemGroup>
                """)
            .WriteFile("cmd/Acme.Orders.Api/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/health", () => Results.Ok(Polly.ResiliencePipeline.Empty.GetType().Name));
                await app.RunAsync().ConfigureAwait(false);
                """);
        Commit(repo);
        return repo;
    }

    public static void Commit(TestRepo repo, string message = "change")
    {
        if (!Directory.Exists(repo.PathOf(".git")))
        {
            repo.Git("init", "-q");
        }

        repo.Git("add", "-A");
        repo.Git("commit", "-q", "--allow-empty", "-m", message);
    }

    public static string Head(TestRepo repo) => repo.Git("rev-parse", "HEAD").Output.Trim();

    /// <summary>(id, version) of every package <c>dotnet list package --include-transitive</c> reports, for some frameworks.</summary>
    public static SortedSet<string> ListedPackages(TestRepo repo, string project, params string[] frameworks)
    {
        var listed = repo.Dotnet(["list", repo.PathOf(project), "package", "--include-transitive", "--format", "json"], ci: false);
        Assert.True(listed.Succeeded, listed.Output);
        using var json = JsonDocument.Parse(listed.Output[listed.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var result = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var framework in json.RootElement.GetProperty("projects")[0].GetProperty("frameworks").EnumerateArray())
        {
            if (frameworks.Length > 0 && !frameworks.Contains(framework.GetProperty("framework").GetString()))
            {
                continue;
            }

            foreach (var kind in new[] { "topLevelPackages", "transitivePackages" })
            {
                if (framework.TryGetProperty(kind, out var packages))
                {
                    foreach (var package in packages.EnumerateArray())
                    {
                        result.Add($"{package.GetProperty("id").GetString()}/{package.GetProperty("resolvedVersion").GetString()}");
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The official schemas in tests/schemas.</summary>
    /// <summary>The SPDX and CycloneDX documents packed into <paramref name="package"/> under _manifest/.</summary>
    public static (string Spdx, string CycloneDx) ReadSboms(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        string Read(string name)
        {
            var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in {package}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }

        return (Read("_manifest/spdx_2.3/manifest.spdx.json"), Read("_manifest/cyclonedx_1.6/bom.cdx.json"));
    }

    public static JsonSchemaValidator SpdxSchema() =>
        JsonSchemaValidator.FromFiles(RepoPaths.Schema("spdx-2.3.schema.json"));

    public static JsonSchemaValidator CycloneDxSchema() =>
        JsonSchemaValidator.FromFiles(
            RepoPaths.Schema("cyclonedx-bom-1.6.schema.json"),
            RepoPaths.Schema("cyclonedx-spdx.schema.json"),
            RepoPaths.Schema("cyclonedx-jsf-0.82.schema.json"));
}
