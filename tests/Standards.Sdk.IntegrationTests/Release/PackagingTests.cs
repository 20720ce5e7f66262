using System.IO.Compression;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// Packing a library with the packed SDK: the package metadata rules (STD6050-STD6054) with the file and line that
/// should set each property, and API compatibility with the latest release (STD6060-STD6062): a first release, a
/// compatible change, a breaking change without a major version, and the same break in a new major version.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class PackagingTests
{
    private const string GizmosProject = "src/Acme.Gizmos/Acme.Gizmos.csproj";

    [Fact]
    public void A_library_without_package_metadata_fails_the_pack_at_the_lines_that_should_set_it_and_packs_clean_once_set()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Acme.Gizmos", "Acme.Gizmos")
            .WriteFile("src/Acme.Gizmos/Gizmo.cs", "namespace Acme.Gizmos;\n\n/// <summary>A gizmo.</summary>\npublic static class Gizmo\n{\n    /// <summary>Its name.</summary>\n    public const string Name = \"gizmo\";\n}\n");

        var bare = Pack(repo, GizmosProject, "artifacts/bare");
        Assert.False(bare.Succeeded, bare.Output);
        var errors = bare.Errors.Where(e => e.Code.StartsWith("STD605", StringComparison.Ordinal)).DistinctBy(e => e.Code).ToList();
        Assert.Equal(["STD6050", "STD6051", "STD6052", "STD6053", "STD6054"], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Equal(("Acme.Gizmos.csproj", 1), (e.FileName, e.Line)));
        Assert.StartsWith("Package Acme.Gizmos: the description is the .NET SDK's placeholder \"Package Description\" (Description set nowhere in Acme.Gizmos.csproj or its Directory.Build.props).", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Package Acme.Gizmos: the authors are the assembly name Acme.Gizmos", errors[4].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bare.Errors, e => e.Code is "MSB4018" or "STD0000");
        Assert.False(File.Exists(repo.PathOf("artifacts/bare/Acme.Gizmos.1.0.0.nupkg")));

        // Set in Directory.Build.props, but Authors is the assembly name again: reported at its line there.
        repo.WriteFile("README.md", "# Gizmos\n")
            .WriteFile("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <Authors>Acme.Gizmos</Authors>
                    <Description>Gizmos for Acme's tests.</Description>
                    <PackageLicenseExpression>MIT</PackageLicenseExpression>
                    <RepositoryUrl>https://git.example/acme/gizmos</RepositoryUrl>
                    <PackageReadmeFile>README.md</PackageReadmeFile>
                  </PropertyGroup>
                  <ItemGroup>
                    <None Include="$(MSBuildThisFileDirectory)README.md" Pack="true" PackagePath="/" />
                  </ItemGroup>
                </Project>
                """);
        var authors = Pack(repo, GizmosProject, "artifacts/authors");
        Assert.False(authors.Succeeded, authors.Output);
        var error = Assert.Single(authors.Errors.Where(e => e.Code.StartsWith("STD605", StringComparison.Ordinal)).DistinctBy(e => e.Code));
        Assert.Equal(("STD6054", "Directory.Build.props", 3), (error.Code, error.FileName, error.Line));

        repo.WriteFile("Directory.Build.props", repo.ReadFile("Directory.Build.props").Replace("<Authors>Acme.Gizmos</Authors>", "<Authors>Acme Gizmos Team</Authors>", StringComparison.Ordinal));
        var clean = Pack(repo, GizmosProject, "artifacts/clean");
        Assert.True(clean.Succeeded, clean.Output);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Code.StartsWith("STD605", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(repo.PathOf("artifacts/clean/Acme.Gizmos.1.0.0.nupkg"));
        Assert.NotNull(zip.GetEntry("README.md"));
        using var nuspec = new StreamReader(zip.GetEntry("Acme.Gizmos.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.Contains("url=\"https://git.example/acme/gizmos\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breaking_change_needs_a_major_version_against_the_latest_release_in_the_local_feed()
    {
        using var repo = Library("""{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        var releases = repo.PathOf("artifacts/releases");
        Directory.CreateDirectory(releases);
        repo.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="standards-test" value="{repo.Sdk.Feed}" />
                <add key="releases" value="{releases}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="standards-test"><package pattern="Standards.*" /></packageSource>
                <packageSource key="releases"><package pattern="Acme.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        Commit(repo);
        repo.Git("tag", "v1.0.2");

        // The first release: nothing to compare with, and the pack says so.
        var first = Pack(repo, LibraryProject, "artifacts/releases");
        Assert.True(first.Succeeded, first.Output);
        Assert.True(File.Exists(Path.Combine(releases, "Acme.Widgets.1.0.2.nupkg")), first.Output);
        Assert.Contains(first.MessagesWithCode("STD6062"), m => m.Text.Contains("Acme.Widgets 1.0.2 is the first release", StringComparison.Ordinal));

        // A compatible change (a new member) against release 1.0.2, which the local feed has.
        repo.WriteFile("src/Acme.Widgets/Extra.cs", "namespace Acme.Widgets;\n\n/// <summary>More.</summary>\npublic static class Extra\n{\n    /// <summary>A number.</summary>\n    /// <returns>Seven.</returns>\n    public static int Seven() => 7;\n}\n");
        Commit(repo);
        var compatible = Pack(repo, LibraryProject, "artifacts/p2");
        Assert.True(compatible.Succeeded, compatible.Output);
        Assert.DoesNotContain(compatible.Diagnostics, d => d.Code is "STD6060" or "STD6061" or "STD6063");
        Assert.Empty(compatible.MessagesWithCode("STD6062"));
        Assert.True(compatible.Ran("RunPackageValidation"), compatible.Output);

        // A breaking change (a public member removed) in 1.0.4: STD6060 names the member and the release.
        repo.WriteFile("src/Acme.Widgets/Gadget.cs", repo.ReadFile("src/Acme.Widgets/Gadget.cs")
            .Replace("public static string ToJson()", "internal static string ToJson()", StringComparison.Ordinal));
        Commit(repo);
        var breaking = Pack(repo, LibraryProject, "artifacts/p3");
        Assert.False(breaking.Succeeded, breaking.Output);
        var error = Assert.Single(breaking.Errors.Where(e => e.Code.StartsWith("STD606", StringComparison.Ordinal)).DistinctBy(e => e.Message));
        Assert.Equal(("STD6060", "Acme.Widgets.csproj", 1), (error.Code, error.FileName, error.Line));
        Assert.StartsWith(
            "Acme.Widgets 1.0.4 breaks the API of release 1.0.2: CP0002 a member visible outside the assembly was removed or its signature changed: M:Acme.Widgets.Gadget.ToJson (lib/net10.0/Acme.Widgets.dll). Only a new major version may break its API",
            error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(breaking.Diagnostics, d => d.Code.StartsWith("CP", StringComparison.Ordinal));

        // The same break in a new major version: allowed, and the pack says it did not compare.
        repo.WriteFile("version.json", """{ "version": "2.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        Commit(repo);
        var major = Pack(repo, LibraryProject, "artifacts/p4");
        Assert.True(major.Succeeded, major.Output);
        Assert.DoesNotContain(major.Diagnostics, d => d.Code is "STD6060" or "STD6061");
        Assert.Contains(major.MessagesWithCode("STD6062"), m => m.Text.Contains("is a new major version after 1.0.2 (major 2 > 1)", StringComparison.Ordinal));
    }

    private static BuildResult Pack(TestRepo repo, string project, string output) =>
        repo.Dotnet(["pack", repo.PathOf(project), "-o", repo.PathOf(output), "-tl:off", "-v:n", ReleaseOnly], ci: false);
}
