using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Release.Sbom;

namespace Standards.Sdk.Checks.Tests.Json;

/// <summary>
/// Files another tool writes are read as that tool writes them. NuGet writes a package source configured twice (the
/// same feed at user level and in the repo's nuget.config, or under two keys) twice into project.assets.json; that
/// file must read, while a duplicate key in a file people write stays an error.
/// </summary>
public sealed class ToolWrittenFilesTests
{
    /// <summary>
    /// project.assets.json as NuGet writes it when one feed is configured twice: its URL is a key of
    /// project.restore.sources twice (the rest cut down to one package).
    /// </summary>
    private const string AssetsWithASourceTwice = """
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "Alpha/1.0.0": {
                "type": "package",
                "compile": { "lib/net10.0/Alpha.dll": {} },
                "runtime": { "lib/net10.0/Alpha.dll": {} }
              }
            }
          },
          "libraries": {
            "Alpha/1.0.0": {
              "sha512": "AAAA",
              "type": "package",
              "path": "alpha/1.0.0",
              "files": [ ".nupkg.metadata", "alpha.1.0.0.nupkg.sha512", "alpha.nuspec", "lib/net10.0/Alpha.dll" ]
            }
          },
          "projectFileDependencyGroups": { "net10.0": [ "Alpha >= 1.0.0" ] },
          "packageFolders": { "/home/dev/.nuget/packages/": {} },
          "project": {
            "version": "1.0.0",
            "restore": {
              "projectUniqueName": "/repo/src/App/App.csproj",
              "projectName": "App",
              "projectPath": "/repo/src/App/App.csproj",
              "packagesPath": "/home/dev/.nuget/packages/",
              "outputPath": "/repo/src/App/obj/",
              "projectStyle": "PackageReference",
              "configFilePaths": [ "/repo/nuget.config", "/home/dev/.nuget/NuGet/NuGet.Config" ],
              "originalTargetFrameworks": [ "net10.0" ],
              "sources": {
                "https://api.nuget.org/v3/index.json": {},
                "https://api.nuget.org/v3/index.json": {}
              },
              "frameworks": { "net10.0": { "targetAlias": "net10.0", "projectReferences": {} } }
            },
            "frameworks": {
              "net10.0": {
                "targetAlias": "net10.0",
                "dependencies": { "Alpha": { "target": "Package", "version": "[1.0.0, )" } }
              }
            }
          }
        }
        """;

    private static string? Nuspec(string path) =>
        path.Replace('\\', '/').EndsWith("alpha/1.0.0/alpha.nuspec", StringComparison.Ordinal)
            ? "<package><metadata><id>Alpha</id><version>1.0.0</version><authors>A</authors><license type=\"expression\">MIT</license></metadata></package>"
            : null;

    [Fact]
    public void The_licence_check_reads_an_assets_file_that_lists_a_source_twice()
    {
        var findings = LicenseCheck.Run("/repo/src/App/App.csproj", AssetsWithASourceTwice, Nuspec, LicensePolicy.Default, _ => Severity.Error, null, "obj/project.assets.json");

        Assert.Empty(findings);
    }

    [Fact]
    public void The_licence_check_still_judges_the_packages_of_that_file()
    {
        var findings = LicenseCheck.Run("/repo/src/App/App.csproj", AssetsWithASourceTwice, p => Nuspec(p)?.Replace(">MIT<", ">GPL-3.0-only<", StringComparison.Ordinal),
            LicensePolicy.Default, _ => Severity.Error, null, "obj/project.assets.json");

        Assert.Equal("STD2012", Assert.Single(findings).Code);
    }

    [Fact]
    public void The_SBOM_reads_an_assets_file_that_lists_a_source_twice()
    {
        var findings = new List<Finding>();

        var graph = RestoreGraph.Read("obj/project.assets.json", AssetsWithASourceTwice, findings);

        Assert.Empty(findings);
        Assert.NotNull(graph);
    }

    [Fact]
    public void A_key_NuGet_writes_twice_reads_as_its_last_value()
    {
        const string text = "{\n  \"version\": 3,\n  \"libraries\": { \"path\": \"first\", \"path\": \"last\" }\n}";

        var root = (JsonObjectNode)JsonFormats.ProjectAssets.Parse(text).Root!;

        Assert.Equal("last", ((JsonStringNode)((JsonObjectNode)root.Get("libraries")!).Get("path")!).Value);
    }

    [Fact]
    public void A_lock_file_with_a_key_written_twice_reads()
    {
        const string text = """
            {
              "version": 1,
              "dependencies": {
                "net10.0": {
                  "Alpha": { "type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0", "contentHash": "AAAA" },
                  "Alpha": { "type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0", "contentHash": "AAAA" }
                }
              }
            }
            """;

        var (file, problems) = PackagesLockFile.Parse("src/App/packages.lock.json", text, "dotnet restore");

        Assert.Empty(problems);
        Assert.NotNull(file);
    }

    [Fact]
    public void Only_files_another_tool_writes_accept_a_duplicate_key()
    {
        Assert.Equal(
            ["*-report*.json (BenchmarkDotNet)", "packages.lock.json", "project.assets.json"],
            JsonFormats.ToolWritten.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(JsonFormats.ToolWritten, f => Assert.False(f.Options.RejectDuplicateKeys));
        Assert.All(JsonFormats.All.Except(JsonFormats.ToolWritten).Where(f => f != JsonFormats.Policy), f => Assert.True(f.Options.RejectDuplicateKeys, f.Name));
    }

    [Fact]
    public void A_baseline_people_write_still_refuses_a_duplicate_key()
    {
        const string text = "{\n  \"version\": 1,\n  \"findings\": [],\n  \"findings\": []\n}";

        var problem = Assert.Single(BaselineFile.Parse("standards-baseline.json", text).Problems);

        Assert.Equal(("STD3901", 4), (problem.Code, problem.Line));
    }
}
