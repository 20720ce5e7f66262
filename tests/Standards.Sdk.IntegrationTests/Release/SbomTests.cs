using System.IO.Compression;
using System.Text.Json;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// SBOMs on a real pack of a multi-targeted library and a real publish of a service: present where they belong,
/// valid against the official SPDX 2.3 and CycloneDX 1.6 schemas (tests/schemas), listing exactly what
/// `dotnet list package --include-transitive` lists, with the package folder's SHA-512, byte-identical on rebuild.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class SbomTests
{
    [Fact]
    public void Pack_of_a_multi_targeted_library_puts_valid_deterministic_SPDX_and_CycloneDX_inside_the_package()
    {
        using var repo = Library("""{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""", """
              <PropertyGroup>
                <StandardsSbomFormat>both</StandardsSbomFormat>
              </PropertyGroup>
            """, multiTarget: true);
        var output = repo.PathOf("artifacts/packages");

        var pack = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", output, "-tl:off", ReleaseOnly], ci: true);
        Assert.True(pack.Succeeded, pack.Output);
        var package = Path.Combine(output, "Acme.Widgets.1.0.1.nupkg");
        var (spdxText, cdxText) = ReadSboms(package);

        // Valid against the official schemas.
        using var spdx = JsonDocument.Parse(spdxText);
        using var cdx = JsonDocument.Parse(cdxText);
        Assert.Empty(SpdxSchema().Validate(spdx.RootElement));
        Assert.Empty(CycloneDxSchema().Validate(cdx.RootElement));

        var packages = spdx.RootElement.GetProperty("packages").EnumerateArray().ToList();
        AssertDescribesTheLibrary(repo, spdx.RootElement, packages);
        var listed = AssertListsExactlyTheRestoredPackages(repo, packages);
        AssertDependencies(spdx.RootElement);
        var cdxComponents = cdx.RootElement.GetProperty("components").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}/{c.GetProperty("version").GetString()}")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(listed, new SortedSet<string>(cdxComponents, StringComparer.OrdinalIgnoreCase));

        AssertRepackIsByteIdentical(repo, output, package, spdxText, cdxText);
    }

    /// <summary>The described package, and NTIA minimum elements on every component.</summary>
    private static void AssertDescribesTheLibrary(TestRepo repo, JsonElement root, List<JsonElement> packages)
    {
        var subject = packages.Single(p => p.GetProperty("SPDXID").GetString() == "SPDXRef-RootPackage");
        Assert.Equal("Acme.Widgets", subject.GetProperty("name").GetString());
        Assert.Equal("1.0.1", subject.GetProperty("versionInfo").GetString());
        Assert.Equal("Organization: Acme Corp", subject.GetProperty("supplier").GetString());
        Assert.Equal("MIT", subject.GetProperty("licenseDeclared").GetString());
        Assert.Equal("pkg:nuget/Acme.Widgets@1.0.1", Purl(subject));
        Assert.Contains(root.GetProperty("creationInfo").GetProperty("creators").EnumerateArray(), c => c.GetString()!.StartsWith("Tool: Standards.Sdk-", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("creationInfo").GetProperty("creators").EnumerateArray(), c => c.GetString() == "Organization: Acme Corp");
        var commitTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(repo.Git("log", "-1", "--format=%ct").Output.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(commitTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("creationInfo").GetProperty("created").GetString());
        foreach (var p in packages)
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(p.GetProperty("versionInfo").GetString()));
            Assert.StartsWith("Organization: ", p.GetProperty("supplier").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("pkg:nuget/", Purl(p), StringComparison.Ordinal);
        }
    }

    /// <summary>Exactly the packages dotnet list package reports, each with the package folder's SHA-512; what it lists.</summary>
    private static SortedSet<string> AssertListsExactlyTheRestoredPackages(TestRepo repo, List<JsonElement> packages)
    {
        var listed = ListedPackages(repo, LibraryProject);
        var dependencies = packages.Where(p => p.GetProperty("SPDXID").GetString() != "SPDXRef-RootPackage").ToList();
        var described = dependencies
            .Select(p => $"{p.GetProperty("name").GetString()}/{p.GetProperty("versionInfo").GetString()}")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(listed, new SortedSet<string>(described, StringComparer.OrdinalIgnoreCase));
        Assert.Contains("System.Memory", string.Join(' ', listed), StringComparison.Ordinal); // a netstandard2.0-only transitive package
        foreach (var p in dependencies)
        {
            var id = p.GetProperty("name").GetString()!.ToLowerInvariant();
            var version = p.GetProperty("versionInfo").GetString()!.ToLowerInvariant();
            var sha512File = Path.Combine(repo.Sdk.PackagesFolder, id, version, $"{id}.{version}.nupkg.sha512");
            var expected = Convert.ToHexStringLower(Convert.FromBase64String(File.ReadAllText(sha512File).Trim()));
            var checksum = p.GetProperty("checksums").EnumerateArray().Single();
            Assert.Equal("SHA512", checksum.GetProperty("algorithm").GetString());
            Assert.Equal(expected, checksum.GetProperty("checksumValue").GetString());
        }

        return listed;
    }

    /// <summary>Dependencies: the library depends on its references; transitive edges are there too.</summary>
    private static void AssertDependencies(JsonElement root)
    {
        var relationships = root.GetProperty("relationships").EnumerateArray()
            .Select(r => $"{r.GetProperty("spdxElementId").GetString()} {r.GetProperty("relationshipType").GetString()} {r.GetProperty("relatedSpdxElement").GetString()}")
            .ToList();
        Assert.Contains("SPDXRef-DOCUMENT DESCRIBES SPDXRef-RootPackage", relationships);
        Assert.Contains("SPDXRef-RootPackage DEPENDS_ON SPDXRef-Package-Newtonsoft.Json-13.0.3", relationships);
        Assert.Contains(relationships, r => r.StartsWith("SPDXRef-Package-Microsoft.Extensions.Logging.Abstractions-10.0.14 DEPENDS_ON ", StringComparison.Ordinal));
        Assert.Contains(relationships, r => r.EndsWith(" DEV_DEPENDENCY_OF SPDXRef-RootPackage", StringComparison.Ordinal)); // the pinned analyzers
    }

    /// <summary>Byte-identical when rebuilt from scratch.</summary>
    private static void AssertRepackIsByteIdentical(TestRepo repo, string output, string package, string spdxText, string cdxText)
    {
        Directory.Delete(repo.PathOf("src/Acme.Widgets/obj"), recursive: true);
        Directory.Delete(repo.PathOf("src/Acme.Widgets/bin"), recursive: true);
        var repack = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", output, "-tl:off", ReleaseOnly], ci: true);
        Assert.True(repack.Succeeded, repack.Output);
        var (spdxAgain, cdxAgain) = ReadSboms(package);
        Assert.Equal(spdxText, spdxAgain);
        Assert.Equal(cdxText, cdxAgain);
    }

    [Fact]
    public void Publish_of_a_service_writes_the_SBOM_beside_the_output_and_standards_json_picks_the_format()
    {
        using var repo = Service();
        var publishDir = repo.PathOf("artifacts/publish");

        var publish = repo.Dotnet(["publish", repo.PathOf(ServiceProject), "-o", publishDir, "-tl:off", ReleaseOnly], ci: true);
        Assert.True(publish.Succeeded, publish.Output);
        var spdxFile = Path.Combine(publishDir, "_manifest", "spdx_2.3", "manifest.spdx.json");
        Assert.True(File.Exists(spdxFile), publish.Output);
        Assert.True(File.Exists(Path.Combine(publishDir, "Acme.Orders.Api.dll")));
        using var spdx = JsonDocument.Parse(File.ReadAllText(spdxFile));
        Assert.Empty(SpdxSchema().Validate(spdx.RootElement));
        var packages = spdx.RootElement.GetProperty("packages").EnumerateArray().ToList();
        var subject = packages.Single(p => p.GetProperty("SPDXID").GetString() == "SPDXRef-RootPackage");
        Assert.Equal("APPLICATION", subject.GetProperty("primaryPackagePurpose").GetString());
        Assert.Equal("2.1.1", subject.GetProperty("versionInfo").GetString());
        Assert.Equal("pkg:generic/Acme.Orders.Api@2.1.1", Purl(subject));
        var described = packages.Where(p => p.GetProperty("SPDXID").GetString() != "SPDXRef-RootPackage").Select(p => $"{p.GetProperty("name").GetString()}/{p.GetProperty("versionInfo").GetString()}");
        Assert.Equal(ListedPackages(repo, ServiceProject), new SortedSet<string>(described, StringComparer.OrdinalIgnoreCase));

        // standards.json chooses CycloneDX; the publish then carries that instead.
        repo.WriteFile("standards.json", """{ "release": { "sbom": { "format": "cyclonedx" } } }""");
        var again = repo.Dotnet(["publish", repo.PathOf(ServiceProject), "-o", repo.PathOf("artifacts/publish2"), "-tl:off", ReleaseOnly, NoRestore], ci: true);
        Assert.True(again.Succeeded, again.Output);
        var cdxFile = repo.PathOf("artifacts/publish2/_manifest/cyclonedx_1.6/bom.cdx.json");
        using var cdx = JsonDocument.Parse(File.ReadAllText(cdxFile));
        Assert.Empty(CycloneDxSchema().Validate(cdx.RootElement));
        Assert.False(File.Exists(repo.PathOf("artifacts/publish2/_manifest/spdx_2.3/manifest.spdx.json")));
        Assert.Equal("application", cdx.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("type").GetString());
    }

    [Fact]
    public void Invalid_format_is_STD6022_and_StandardsSbom_false_packs_without_one()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        var bad = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/p1"), "-tl:off", "-p:StandardsSbomFormat=swid", ReleaseOnly], ci: false);
        Assert.False(bad.Succeeded);
        var error = Assert.Single(bad.Errors, e => e.Code == "STD6022");
        Assert.Contains("'swid'", error.Message, StringComparison.Ordinal);

        var off = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/p2"), "-tl:off", "-p:StandardsSbom=false", ReleaseOnly, NoRestore], ci: false);
        Assert.True(off.Succeeded, off.Output);
        using var zip = ZipFile.OpenRead(Directory.GetFiles(repo.PathOf("artifacts/p2"), "*.nupkg").Single());
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("_manifest/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_SBOM_is_skipped_on_an_unchanged_pack_and_made_again_when_a_setting_it_records_changes()
    {
        const string Sbom = "StandardsGenerateSbom";
        using var repo = Library("""{ "version": "1.0" }""");
        BuildResult Pack(params string[] extra) =>
            repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/p"), "-tl:off", ReleaseOnly, .. extra], ci: false);

        // The first two packs restore, as a user's do, so a restore that disturbed the skip would show; the packs
        // after them change a property or standards.json, neither a restore input, and do not restore again.
        var first = Pack();
        Assert.True(first.Ran(Sbom), first.Output);
        var noOp = Pack();
        Assert.True(noOp.Skipped(Sbom), noOp.Output);

        // A value in the SBOM's inputs cache (Company, the SBOM's supplier), not a file: only the cache can tell.
        var changed = Pack(NoRestore, "-p:Company=Contoso Widgets");
        Assert.True(changed.Ran(Sbom), changed.Output);
        Assert.True(Pack(NoRestore, "-p:Company=Contoso Widgets").Skipped(Sbom));

        // standards.json by content: the format changed in a file dated a month back still makes the SBOM again.
        repo.WriteFile("standards.json", """{ "release": { "sbom": { "format": "spdx" } } }""");
        Assert.True(Pack(NoRestore, "-p:Company=Contoso Widgets").Ran(Sbom));
        repo.WriteFile("standards.json", """{ "release": { "sbom": { "format": "cyclonedx" } } }""");
        File.SetLastWriteTimeUtc(repo.PathOf("standards.json"), DateTime.UtcNow.AddDays(-30));
        var older = Pack(NoRestore, "-p:Company=Contoso Widgets");
        Assert.True(older.Ran(Sbom), older.Output);

        // A file where the SBOM's folder should be: STD0008, and no package goes out without its SBOM.
        var list = Directory.GetFiles(repo.PathOf("src/Acme.Widgets/obj/Release"), "sbom.files", SearchOption.AllDirectories).Single(f => f.Contains("pack", StringComparison.Ordinal));
        var manifest = Path.Combine(Path.GetDirectoryName(list)!, "_manifest");
        Directory.Delete(manifest, recursive: true);
        File.WriteAllText(manifest, "a file where the folder should be");
        var blocked = Pack(NoRestore, "-p:Company=Fabrikam");
        Assert.False(blocked.Succeeded, blocked.Output);
        Assert.Contains("the SBOM of Acme.Widgets", Assert.Single(blocked.WithCode("STD0008")).Message, StringComparison.Ordinal);
        Assert.Empty(blocked.WithCode("STD0000"));
    }

    private static string? Purl(JsonElement package) =>
        package.GetProperty("externalRefs").EnumerateArray().Single(r => r.GetProperty("referenceType").GetString() == "purl").GetProperty("referenceLocator").GetString();
}
