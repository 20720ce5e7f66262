using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>
/// Signing in real builds: strong names from the repo's key file (full and public signing, InternalsVisibleTo
/// still working), the required-policy check, and package signing with a self-signed code-signing certificate
/// made with openssl: sign, verify, a tampered package failing verification, and a CI build without a
/// certificate failing under the policy.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class SigningTests
{
    private const string TestsProject = "tests/Acme.Widgets.Tests/Acme.Widgets.Tests.csproj";

    [Fact]
    public void Repo_key_signs_every_assembly_and_test_projects_still_see_internals()
    {
        using var repo = Library("""{ "version": "1.0" }""", """
              <ItemGroup>
                <InternalsVisibleTo Include="Acme.Widgets.Tests" />
              </ItemGroup>
            """);
        SigningMaterial.WriteStrongNameKey(repo.PathOf("key.snk"), publicOnly: false);
        repo.WriteProject("tests/Acme.Widgets.Tests", "Acme.Widgets.Tests", """
              <ItemGroup>
                <ProjectReference Include="../../src/Acme.Widgets/Acme.Widgets.csproj" />
              </ItemGroup>
            """)
            .WriteFile("tests/Acme.Widgets.Tests/Uses.cs", """
                namespace Acme.Widgets.Tests;

                public static class Uses
                {
                    public static int Secret() => Acme.Widgets.Gadget.Secret;
                }
                """);

        var library = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.True(library.Succeeded, library.Output);
        var build = repo.Build(TestsProject, ci: false, ReleaseOnly);
        Assert.True(build.Succeeded, build.Output);
        Assert.True(IsStrongNamed(repo.PathOf("src/Acme.Widgets/bin/Debug/net10.0/Acme.Widgets.dll")));
        Assert.True(IsStrongNamed(repo.PathOf("tests/Acme.Widgets.Tests/bin/Debug/net10.0/Acme.Widgets.Tests.dll")));
        Assert.Contains("full signing", library.Output, StringComparison.Ordinal);

        // Only the public half in the repo: public signing.
        SigningMaterial.WriteStrongNameKey(repo.PathOf("key.snk"), publicOnly: true);
        var publicSigned = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore, "--no-incremental");
        Assert.True(publicSigned.Succeeded, publicSigned.Output);
        Assert.Contains("public signing", publicSigned.Output, StringComparison.Ordinal);
        Assert.True(IsStrongNamed(repo.PathOf("src/Acme.Widgets/bin/Debug/net10.0/Acme.Widgets.dll")));
    }

    [Fact]
    public void Required_strong_name_without_a_key_is_STD6040_and_a_broken_key_is_STD6041()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        repo.WriteFile("standards.json", """{ "release": { "signing": { "strongName": "ifAvailable" } } }""");
        Assert.True(repo.Build(LibraryProject, ci: false, ReleaseOnly).Succeeded);
        Assert.True(repo.Build(LibraryProject, ci: false, ReleaseOnly).Skipped("StandardsCheckStrongName"));

        // Those two builds restored, as a user's do; the builds after them change standards.json, the key file or
        // StandardsToday, no restore input, and skip the restore (NoRestore).

        // Content decides: the requirement raised in a standards.json dated a month back still re-runs the check.
        repo.WriteFile("standards.json", """{ "release": { "signing": { "strongName": "required" } } }""");
        File.SetLastWriteTimeUtc(repo.PathOf("standards.json"), DateTime.UtcNow.AddDays(-30));
        var unsigned = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore);
        Assert.False(unsigned.Succeeded);
        var error = Assert.Single(unsigned.Errors.Where(e => e.Code == "STD6040").DistinctBy(e => e.Code));
        Assert.Contains("sn -k key.snk", error.Message, StringComparison.Ordinal);

        // A failed check is reported again on the next build, and passes once the key is there.
        Assert.Contains(repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore).Errors, e => e.Code == "STD6040");

        // An exception entry waives it until it expires (today's date is an input of the check); then the build fails
        // on the expired entry (STD0005).
        repo.WriteFile("standards.json", """
            {
              "release": { "signing": { "strongName": "required" } },
              "exceptions": [ { "rule": "STD6040", "scope": "Acme.Widgets", "owner": "@team-widgets", "reason": "Key ceremony with #7", "expires": "2026-12-31" } ]
            }
            """);
        var excepted = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore, "-p:StandardsToday=2026-12-01");
        Assert.True(excepted.Succeeded, excepted.Output);
        var lapsed = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore, "-p:StandardsToday=2027-01-01");
        Assert.False(lapsed.Succeeded, lapsed.Output);
        Assert.Contains(lapsed.Errors, e => e.Code == "STD0005" && e.Message.Contains("'STD6040'", StringComparison.Ordinal));
        repo.WriteFile("standards.json", """{ "release": { "signing": { "strongName": "required" } } }""");
        SigningMaterial.WriteStrongNameKey(repo.PathOf("key.snk"), publicOnly: false);
        var signed = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore);
        Assert.True(signed.Succeeded, signed.Output);
        Assert.True(repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore).Skipped("StandardsCheckStrongName"));

        repo.WriteFile("key.snk", "not a key");
        var broken = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Errors, e => e.Code == "STD6041" && e.FileName == "key.snk");
    }

    [Fact]
    public void Packages_are_signed_and_verified_in_CI_and_a_tampered_package_fails_verification()
    {
        using var repo = Library("""{ "version": "1.0", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        repo.WriteFile("standards.json", """{ "release": { "signing": { "packages": "required" } } }""");
        var (pfx, fingerprint) = SigningMaterial.CreateCodeSigningCertificate(repo.PathOf("artifacts/cert"), "test-signing-pass");
        var signingEnvironment = new Dictionary<string, string?>
        {
            ["STANDARDS_SIGNING_CERTIFICATE_FILE"] = pfx,
            ["STANDARDS_SIGNING_CERTIFICATE_PASSWORD"] = "test-signing-pass",
            ["STANDARDS_SIGNING_ALLOW_UNTRUSTED_ROOT"] = "true",
        };
        var output = repo.PathOf("artifacts/packages");

        var pack = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", output, "-tl:off", "-v:n", ReleaseOnly], ci: true, signingEnvironment);
        Assert.True(pack.Succeeded, pack.Output);
        Assert.Contains("signed and verified Acme.Widgets.1.0.1.nupkg", pack.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-signing-pass", pack.Output, StringComparison.Ordinal);
        var package = Path.Combine(output, "Acme.Widgets.1.0.1.nupkg");
        // obj/Release/<tfm>/standards/signing/packages/ (obj/Release/standards/... for a multi-targeted project).
        var config = Directory.GetFiles(repo.PathOf("src/Acme.Widgets/obj/Release"), "verify.nuget.config", SearchOption.AllDirectories).Single();
        Assert.Contains(fingerprint, File.ReadAllText(config), StringComparison.OrdinalIgnoreCase);

        // The signature holds: dotnet nuget verify with the generated trust configuration passes.
        var verify = repo.Dotnet(["nuget", "verify", "--all", package, "--configfile", config], ci: false);
        Assert.True(verify.Succeeded, verify.Output);

        // Packing again does not sign the same package twice.
        var again = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", output, "-tl:off", "-v:n", ReleaseOnly, NoRestore], ci: true, signingEnvironment);
        Assert.True(again.Succeeded, again.Output);
        Assert.Contains("already signed", again.Output, StringComparison.Ordinal);

        // One byte of the package changed after signing: verification fails (NU3008, integrity).
        var tampered = Path.Combine(output, "tampered.nupkg");
        File.Copy(package, tampered);
        FlipByteInsideFirstEntry(tampered, ".dll");
        var rejected = repo.Dotnet(["nuget", "verify", "--all", tampered, "--configfile", config], ci: false);
        Assert.False(rejected.Succeeded, rejected.Output);
        Assert.Contains("NU3008", rejected.Output, StringComparison.Ordinal);

        // A state folder that cannot be written (a file in its place): STD0008, and nothing is signed unverified.
        Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
        File.WriteAllText(Path.GetDirectoryName(config)!, "a file where the folder should be");
        var blocked = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", output, "-tl:off", "-v:n", ReleaseOnly, NoRestore], ci: true, signingEnvironment);
        Assert.False(blocked.Succeeded, blocked.Output);
        Assert.Contains("no package was signed", Assert.Single(blocked.WithCode("STD0008")).Message, StringComparison.Ordinal);
        Assert.Empty(blocked.WithCode("STD0000"));
    }

    [Fact]
    public void Signing_policy_without_a_certificate_fails_in_CI_and_is_skipped_locally()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        repo.WriteFile("standards.json", """{ "release": { "signing": { "packages": "required" } } }""");

        var ci = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/ci"), "-tl:off", ReleaseOnly], ci: true);
        Assert.False(ci.Succeeded);
        var error = Assert.Single(ci.Errors, e => e.Code == "STD6042");
        Assert.Contains("STANDARDS_SIGNING_CERTIFICATE_FILE", error.Message, StringComparison.Ordinal);

        var local = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/local"), "-tl:off", "-v:n", ReleaseOnly, NoRestore], ci: false);
        Assert.True(local.Succeeded, local.Output);
        Assert.Contains("STD6043", local.Output, StringComparison.Ordinal);
        Assert.Contains("Package signing skipped", local.Output, StringComparison.Ordinal);

        // standards.json turns STD6043 off, and an exception entry waives STD6042 in CI until it expires.
        repo.WriteFile("standards.json", """
            {
              "release": { "signing": { "packages": "required" } },
              "rules": { "STD6043": "none" },
              "exceptions": [ { "rule": "STD6042", "scope": "Acme.Widgets", "owner": "@team-widgets", "reason": "Certificate arrives with #9", "expires": "2026-12-31" } ]
            }
            """);
        var quiet = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/local"), "-tl:off", "-v:n", ReleaseOnly, NoRestore, "-p:StandardsToday=2026-12-01"], ci: false);
        Assert.True(quiet.Succeeded, quiet.Output);
        Assert.DoesNotContain("STD6043", quiet.Output, StringComparison.Ordinal);
        var waived = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/ci"), "-tl:off", ReleaseOnly, NoRestore, "-p:StandardsToday=2026-12-01"], ci: true);
        Assert.True(waived.Succeeded, waived.Output);
        var expired = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/ci"), "-tl:off", ReleaseOnly, NoRestore, "-p:StandardsToday=2027-01-01"], ci: true);
        Assert.False(expired.Succeeded, expired.Output);
        Assert.Contains(expired.Errors, e => e.Code == "STD0005" && e.Message.Contains("'STD6042'", StringComparison.Ordinal));
    }

    private static bool IsStrongNamed(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var key = reader.GetAssemblyDefinition().PublicKey;
        return !key.IsNil && reader.GetBlobBytes(key).Length > 0 && pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.StrongNameSigned);
    }

    /// <summary>Changes one byte of an entry's compressed data in place, keeping the zip readable.</summary>
    private static void FlipByteInsideFirstEntry(string package, string extension)
    {
        var bytes = File.ReadAllBytes(package);
        // Local file headers start with PK\x03\x04; find the one for the entry by name.
        var name = System.Text.Encoding.UTF8.GetBytes(extension);
        for (var offset = 0; offset < bytes.Length - 30; offset++)
        {
            if (bytes[offset] == 0x50 && bytes[offset + 1] == 0x4B && bytes[offset + 2] == 0x03 && bytes[offset + 3] == 0x04)
            {
                var nameLength = BitConverter.ToUInt16(bytes, offset + 26);
                var extraLength = BitConverter.ToUInt16(bytes, offset + 28);
                var entryName = bytes.AsSpan(offset + 30, nameLength);
                if (entryName.EndsWith(name))
                {
                    bytes[offset + 30 + nameLength + extraLength + 10] ^= 0xFF;
                    File.WriteAllBytes(package, bytes);
                    return;
                }
            }
        }

        throw new InvalidOperationException($"No {extension} entry in {package}.");
    }
}
