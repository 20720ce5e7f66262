using System.IO.Compression;
using System.Text.Json;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// The CycloneDX SBOM a pack puts into each package, compared with what the CycloneDX project's own .NET tool
/// (dotnet-CycloneDX 6.3.1, installed from the feed by the test) writes for the same restored project: on
/// multi-targeted libraries, the same components, purls, SHA-512 hashes and scopes (required, or excluded for what
/// is only used at build time, decided per target framework). The differences the tool and we do not share are
/// listed in docs/release.md and asserted here as exactly those.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class SbomOracleTests
{
    private const string CycloneDxToolVersion = "6.3.1";

    private static readonly string[] Projects = ["Acme.Logging", "Acme.Widgets", "Acme.Resilience"];

    [Fact]
    public void The_packed_CycloneDX_SBOM_agrees_with_dotnet_CycloneDX_on_multi_targeted_libraries()
    {
        using var repo = MultiTargetedLibraries();
        var output = repo.PathOf("artifacts/packages");
        var pack = repo.Dotnet(["pack", repo.PathOf("Acme.slnx"), "-o", output, "-tl:off", ReleaseOnly, "-p:StandardsSbomFormat=cyclonedx"], ci: true);
        Assert.True(pack.Succeeded, pack.Output);
        var tool = InstallCycloneDxTool(repo);

        var differences = new List<string>();
        foreach (var project in Projects)
        {
            var ours = Components(ReadPackedBom(Directory.GetFiles(output, project + ".*.nupkg").Single()));
            var theirs = Components(RunTool(repo, tool, project));
            Assert.NotEmpty(theirs);
            differences.AddRange(Compare(project, ours, theirs));
        }

        Assert.Equal(DocumentedDifferences, differences);
    }

    /// <summary>What docs/release.md ("Compared with dotnet-CycloneDX") lists; nothing else may differ.</summary>
    private static readonly List<string> DocumentedDifferences = [];

    private static IEnumerable<string> Compare(string project, Dictionary<string, Component> ours, Dictionary<string, Component> theirs)
    {
        foreach (var key in ours.Keys.Union(theirs.Keys).Order(StringComparer.OrdinalIgnoreCase))
        {
            var (mine, other) = (ours.GetValueOrDefault(key), theirs.GetValueOrDefault(key));
            if (mine is null || other is null)
            {
                yield return $"{project}: {key} only in {(mine is null ? "dotnet-CycloneDX" : "ours")} ({(mine ?? other)!.Scope})";
            }
            else if (mine != other)
            {
                yield return $"{project}: {key} ours {mine}, dotnet-CycloneDX {other}";
            }
        }
    }

    private sealed record Component(string Scope, string? Purl, string? Sha512);

    private static Dictionary<string, Component> Components(string bom)
    {
        using var json = JsonDocument.Parse(bom);
        var result = new Dictionary<string, Component>(StringComparer.OrdinalIgnoreCase);
        if (!json.RootElement.TryGetProperty("components", out var components))
        {
            return result;
        }

        foreach (var c in components.EnumerateArray())
        {
            var sha512 = c.TryGetProperty("hashes", out var hashes)
                ? hashes.EnumerateArray().Where(h => h.GetProperty("alg").GetString() == "SHA-512").Select(h => h.GetProperty("content").GetString()!.ToLowerInvariant()).SingleOrDefault()
                : null;
            // CycloneDX 1.6: a component without a scope is required.
            var scope = c.TryGetProperty("scope", out var s) ? s.GetString()! : "required";
            result[$"{c.GetProperty("name").GetString()}/{c.GetProperty("version").GetString()}"] =
                new Component(scope, c.TryGetProperty("purl", out var purl) ? purl.GetString() : null, sha512);
        }

        return result;
    }

    private static string InstallCycloneDxTool(TestRepo repo)
    {
        var toolPath = repo.PathOf("artifacts/tools");
        var install = repo.Dotnet(["tool", "install", "CycloneDX", "--version", CycloneDxToolVersion, "--tool-path", toolPath], ci: false);
        Assert.True(install.Succeeded, install.Output);
        return Path.Combine(toolPath, "dotnet-CycloneDX");
    }

    // The tool reads the project's restored assets (obj/project.assets.json, all frameworks) and the packages folder.
    private static string RunTool(TestRepo repo, string tool, string project)
    {
        var folder = repo.PathOf($"artifacts/cyclonedx/{project}");
        var run = ProcessRunner.Run(tool, [repo.PathOf($"src/{project}/{project}.csproj"), "-o", folder, "-F", "Json", "--disable-package-restore"], repo.Root, repo.Sdk.BuildEnvironment);
        Assert.True(run.ExitCode == 0, run.Output);
        return File.ReadAllText(Path.Combine(folder, "bom.json"));
    }

    private static string ReadPackedBom(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry("_manifest/cyclonedx_1.6/bom.cdx.json") ?? throw new InvalidOperationException($"no CycloneDX SBOM in {package}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Three packable libraries: net10.0;net8.0 (Microsoft.Extensions.Logging.Abstractions, whose net8.0 asset brings
    /// System.Diagnostics.DiagnosticSource), net10.0;netstandard2.0 (netstandard2.0-only transitive packages) and
    /// net8.0;net10.0 (Polly.Core; its netstandard2.0 graph is a package downgrade, NU1605, in any SDK).
    /// </summary>
    private static TestRepo MultiTargetedLibraries()
    {
        var repo = TestRepo.Create();
        repo.WriteFile("Directory.Packages.props", PackagesProps)
            .WriteFile(".gitignore", "bin/\nobj/\nartifacts/\n")
            .WriteFile("version.json", """{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""")
            .WriteFile("Directory.Build.props", PackageMetadataProps)
            .WriteFile("README.md", "# Acme libraries\n")
            .WriteFile("Acme.slnx", "<Solution>\n" + string.Concat(Projects.Select(p => $"  <Project Path=\"src/{p}/{p}.csproj\" />\n")) + "</Solution>\n");
        Library(repo, "Acme.Logging", "net10.0;net8.0", "Microsoft.Extensions.Logging.Abstractions");
        Library(repo, "Acme.Widgets", "net10.0;netstandard2.0", "Newtonsoft.Json", "Microsoft.Extensions.Logging.Abstractions");
        Library(repo, "Acme.Resilience", "net8.0;net10.0", "Polly.Core");
        Commit(repo);
        return repo;
    }

    private static void Library(TestRepo repo, string name, string frameworks, params string[] packages)
    {
        repo.WriteProject($"src/{name}", name, $"""
              <PropertyGroup>
                <TargetFrameworks>{frameworks}</TargetFrameworks>
                <Company>Acme Corp</Company>
              </PropertyGroup>
              <ItemGroup>
            {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p}\" />\n"))}  </ItemGroup>
            """)
            .WriteFile($"src/{name}/Marker.cs", $$"""
                namespace {{name}};

                /// <summary>Marks the assembly.</summary>
                public static class Marker
                {
                    /// <summary>The assembly's name.</summary>
                    public static string Name => "{{name}}";
                }
                """);
    }
}
