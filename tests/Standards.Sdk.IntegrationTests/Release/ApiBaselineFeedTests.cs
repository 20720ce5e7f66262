using System.Globalization;
using System.Text.RegularExpressions;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// API compatibility on a fresh CI runner: the release package is in no local folder, only on an HTTP feed of
/// nuget.config (a static NuGet v3 feed, service index and flat container, served on loopback by python3's
/// http.server, bounded by timeout(1) so it stops by itself even if the test host dies), and the global packages folder
/// is empty (the packages of the build come from a fallback folder) as is NuGet's HTTP cache. The build downloads the package the NuGet way and compares:
/// a compatible change is clean, a breaking one fails with STD6060; a release on no feed fails with STD6061.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed partial class ApiBaselineFeedTests
{
    [Fact]
    public void The_release_package_is_downloaded_from_an_http_feed_and_a_breaking_change_is_found()
    {
        using var repo = Library("""{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        Commit(repo, "release");
        repo.Git("tag", "v1.0.2");
        var released = Pack(repo, "artifacts/released", repo.Sdk.PackagesFolder);
        Assert.True(released.Succeeded, released.Output);

        var site = repo.PathOf("artifacts/site");
        var flat = Path.Combine(site, "flat", "acme.widgets");
        Directory.CreateDirectory(Path.Combine(flat, "1.0.2"));
        File.Copy(repo.PathOf("artifacts/released/Acme.Widgets.1.0.2.nupkg"), Path.Combine(flat, "1.0.2", "acme.widgets.1.0.2.nupkg"));
        File.WriteAllText(Path.Combine(flat, "index.json"), """{ "versions": [ "1.0.2" ] }""");
        using var server = ProcessRunner.Start("timeout", ["1800", "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site], site);
        var feed = $"http://127.0.0.1:{Port(server)}";
        File.WriteAllText(Path.Combine(site, "index.json"),
            $$"""{ "version": "3.0.0", "resources": [ { "@id": "{{feed}}/flat/", "@type": "PackageBaseAddress/3.0.0" } ] }""");
        WriteNuGetConfig(repo, feed + "/index.json");
        Commit(repo);

        // A compatible change (a new member): the package comes from the HTTP feed into an empty packages folder.
        var packages = repo.PathOf("artifacts/nuget-packages");
        repo.WriteFile("src/Acme.Widgets/Extra.cs", "namespace Acme.Widgets;\n\n/// <summary>More.</summary>\npublic static class Extra\n{\n    /// <summary>A number.</summary>\n    /// <returns>Seven.</returns>\n    public static int Seven() => 7;\n}\n");
        Commit(repo);
        var compatible = Pack(repo, "artifacts/p2", packages);
        Assert.True(compatible.Succeeded, compatible.Output);
        Assert.True(File.Exists(Path.Combine(packages, "acme.widgets", "1.0.2", "acme.widgets.1.0.2.nupkg")), compatible.Output);
        Assert.DoesNotContain(compatible.Diagnostics, d => d.Code is "STD6060" or "STD6061" or "STD6063");
        Assert.Empty(compatible.MessagesWithCode("STD6062"));
        Assert.True(compatible.Ran("RunPackageValidation"), compatible.Output);
        Assert.Contains("GET " + "/flat/acme.widgets/1.0.2/acme.widgets.1.0.2.nupkg", server.OutputSoFar, StringComparison.Ordinal);

        // A breaking change (a public member removed): STD6060 against the downloaded release.
        repo.WriteFile("src/Acme.Widgets/Gadget.cs", repo.ReadFile("src/Acme.Widgets/Gadget.cs")
            .Replace("public static string ToJson()", "internal static string ToJson()", StringComparison.Ordinal));
        Commit(repo);
        Directory.Delete(packages, recursive: true);
        var breaking = Pack(repo, "artifacts/p3", packages);
        Assert.False(breaking.Succeeded, breaking.Output);
        var error = Assert.Single(breaking.Errors.Where(e => e.Code.StartsWith("STD606", StringComparison.Ordinal)).DistinctBy(e => e.Message));
        Assert.Equal(("STD6060", "Acme.Widgets.csproj", 1), (error.Code, error.FileName, error.Line));
        Assert.Matches(BreakingMessage(), error.Message);

        // A release the feed does not have: STD6061, never a pass.
        File.Delete(Path.Combine(flat, "1.0.2", "acme.widgets.1.0.2.nupkg"));
        File.WriteAllText(Path.Combine(flat, "index.json"), """{ "versions": [ ] }""");
        Directory.Delete(packages, recursive: true);
        var missing = Pack(repo, "artifacts/p4", packages);
        Assert.False(missing.Succeeded, missing.Output);
        var notFound = Assert.Single(missing.Errors.Where(e => e.Code.StartsWith("STD606", StringComparison.Ordinal)).DistinctBy(e => e.Message));
        Assert.Equal("STD6061", notFound.Code);
        Assert.Contains("nor on the feeds of nuget.config", notFound.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Packs with <paramref name="packages"/> as the global packages folder (the run's shared one is a fallback folder
    /// for the other packages) and an HTTP cache of its own, so every pack asks the feed again.
    /// </summary>
    private static BuildResult Pack(TestRepo repo, string output, string packages) =>
        repo.Dotnet(
            ["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf(output), "-tl:off", "-v:n", ReleaseOnly, $"-p:RestoreAdditionalProjectFallbackFolders={repo.Sdk.PackagesFolder}"],
            ci: false,
            environment: new Dictionary<string, string?>
            {
                ["NUGET_PACKAGES"] = packages,
                ["NUGET_HTTP_CACHE_PATH"] = repo.PathOf(output + "-http-cache"),
            });

    private static void WriteNuGetConfig(TestRepo repo, string feed) =>
        repo.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="standards-test" value="{repo.Sdk.Feed}" />
                <add key="releases" value="{feed}" allowInsecureConnections="true" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="standards-test"><package pattern="Standards.*" /></packageSource>
                <packageSource key="releases"><package pattern="Acme.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    /// <summary>The port http.server chose (it prints "Serving HTTP on 127.0.0.1 port N").</summary>
    private static int Port(RunningProcess server)
    {
        for (var i = 0; i < 300; i++)
        {
            if (ServingLine().Match(server.OutputSoFar) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException("python3 -m http.server did not start:\n" + server.OutputSoFar);
    }

    [GeneratedRegex(@"^Acme\.Widgets 1\.0\.\d+ breaks the API of release 1\.0\.2: CP0002 a member visible outside the assembly was removed or its signature changed: M:Acme\.Widgets\.Gadget\.ToJson \(lib/net10\.0/Acme\.Widgets\.dll\)\. Only a new major version may break its API")]
    private static partial Regex BreakingMessage();

    [GeneratedRegex(@"Serving HTTP on \S+ port (\d+)")]
    private static partial Regex ServingLine();
}
