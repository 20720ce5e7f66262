using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Signing;
using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>Strong-name keys, package-signing settings and decisions, the release section of standards.json, CI outputs.</summary>
public sealed class SigningAndSettingsTests : IDisposable
{
    private readonly string folder = PackedSdk.NewTempDirectory("signing");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Key_pair_and_its_public_half_give_the_same_public_key()
    {
        var pair = Path.Combine(folder, "key.snk");
        var publicKey = Path.Combine(folder, "key.pub.snk");
        SigningMaterial.WriteStrongNameKeyPairAndPublicKey(pair, publicKey);

        var fromPair = StrongName.Inspect(File.ReadAllBytes(pair));
        var fromPublic = StrongName.Inspect(File.ReadAllBytes(publicKey));

        Assert.Equal(StrongNameKeyKind.KeyPair, fromPair.Kind);
        Assert.Equal(StrongNameKeyKind.PublicKey, fromPublic.Kind);
        Assert.Equal(fromPublic.PublicKeyHex, fromPair.PublicKeyHex);
        Assert.StartsWith("0024000004800000940000000602000000240000525341310004000001000100", fromPair.PublicKeyHex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key at all, just text")]
    [InlineData("\u0007\u0002\0\0\0\u0024\0\0RSA2\u00ff\u00ff\u00ff\u007f")]
    public void Anything_else_is_not_a_key(string text) =>
        Assert.Equal(StrongNameKeyKind.Invalid, StrongName.Inspect(System.Text.Encoding.Latin1.GetBytes(text)).Kind);

    [Fact]
    public void Strong_name_check_fires_only_when_required_and_unsigned()
    {
        Assert.Null(StrongName.CheckShipped(SigningRequirement.IfAvailable, "a.dll", isSigned: false, "a.csproj", null));
        Assert.Null(StrongName.CheckShipped(SigningRequirement.Required, "a.dll", isSigned: true, "a.csproj", null));
        Assert.Null(StrongName.CheckShipped(SigningRequirement.Required, "a.dll", isSigned: null, "a.csproj", null));
        var finding = StrongName.CheckShipped(SigningRequirement.Required, "/x/a.dll", isSigned: false, "a.csproj", null)!;
        Assert.Equal(ReleaseRuleIds.StrongNameMissing, finding.Code);
        Assert.Contains("a.dll", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_settings_come_from_the_environment_and_inconsistencies_are_STD6046()
    {
        var pfx = Path.Combine(folder, "c.pfx");
        File.WriteAllText(pfx, "x");
        string? None(string _) => null;
        var findings = new List<Finding>();
        Assert.Null(PackageSigning.ReadCertificate(None, "p.csproj", findings));
        Assert.Empty(findings);

        var fromFile = PackageSigning.ReadCertificate(Env((PackageSigning.CertificateFileVariable, pfx), (PackageSigning.CertificatePasswordVariable, "pw"), (PackageSigning.TimestampVariable, "http://ts.example")), "p.csproj", findings)!;
        Assert.Equal(pfx, fromFile.File);
        Assert.Equal("http://ts.example", fromFile.TimestampUrl);
        Assert.False(fromFile.AllowUntrustedRoot);
        Assert.Equal(["nuget", "sign", "pkg.nupkg", "--overwrite", "--certificate-path", pfx, "--certificate-password", "pw", "--timestamper", "http://ts.example"], PackageSigning.SignArguments("pkg.nupkg", fromFile));

        var fingerprint = new string('A', 64);
        var fromStore = PackageSigning.ReadCertificate(Env((PackageSigning.CertificateFingerprintVariable, fingerprint), (PackageSigning.StoreLocationVariable, "LocalMachine")), "p.csproj", findings)!;
        Assert.Equal(["nuget", "sign", "pkg.nupkg", "--overwrite", "--certificate-fingerprint", fingerprint, "--certificate-store-name", "My", "--certificate-store-location", "LocalMachine"], PackageSigning.SignArguments("pkg.nupkg", fromStore));
        Assert.Empty(findings);

        Assert.Null(PackageSigning.ReadCertificate(Env((PackageSigning.CertificateFileVariable, pfx), (PackageSigning.CertificateFingerprintVariable, fingerprint)), "p.csproj", findings));
        Assert.Null(PackageSigning.ReadCertificate(Env((PackageSigning.CertificateFileVariable, Path.Combine(folder, "missing.pfx"))), "p.csproj", findings));
        Assert.Null(PackageSigning.ReadCertificate(Env((PackageSigning.CertificateFingerprintVariable, "ABC")), "p.csproj", findings));
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(ReleaseRuleIds.SigningConfigurationInvalid, f.Code));
    }

    [Theory]
    [InlineData(SigningRequirement.Required, true, false, false, ReleaseRuleIds.SigningCertificateMissing)]
    [InlineData(SigningRequirement.Required, false, false, false, ReleaseRuleIds.SigningSkipped)]
    [InlineData(SigningRequirement.Required, true, true, true, null)]
    [InlineData(SigningRequirement.IfAvailable, true, false, false, null)]
    [InlineData(SigningRequirement.IfAvailable, false, true, true, null)]
    [InlineData(SigningRequirement.Off, true, true, false, null)]
    public void Signing_decision(SigningRequirement requirement, bool ci, bool hasCertificate, bool sign, string? code)
    {
        var decision = PackageSigning.Decide(requirement, ci, hasCertificate ? new SigningCertificate { File = "c.pfx" } : null, "p.csproj");
        Assert.Equal(sign, decision.Sign);
        Assert.Equal(code, decision.Finding?.Code);
    }

    [Fact]
    public void Fingerprint_of_a_pfx_matches_openssl_and_a_wrong_password_says_so()
    {
        var (pfx, fingerprint) = SigningMaterial.CreateCodeSigningCertificate(folder, "pw");
        Assert.Equal(fingerprint, PackageSigning.Fingerprint(new SigningCertificate { File = pfx, Password = "pw" }, out _), ignoreCase: true);
        Assert.Null(PackageSigning.Fingerprint(new SigningCertificate { File = pfx, Password = "wrong" }, out var error));
        Assert.Contains(PackageSigning.CertificatePasswordVariable, error, StringComparison.Ordinal);
        var config = PackageSigning.TrustConfiguration(fingerprint, allowUntrustedRoot: true);
        Assert.Contains($"fingerprint=\"{fingerprint}\"", config, StringComparison.Ordinal);
        Assert.Contains("allowUntrustedRoot=\"true\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_section_of_standards_json_is_read_and_checked()
    {
        var ok = PolicyLoader.Load("standards.json", """{ "release": { "sbom": { "format": "both", "enabled": true }, "signing": { "strongName": "required", "packages": "off" } } }""", new DateOnly(2026, 1, 1));
        Assert.Empty(ok.Findings);
        Assert.Equal("both", ok.Policy.Release.SbomFormat);
        Assert.Equal(SigningRequirement.Required, ok.Policy.Release.StrongName);
        Assert.Equal(SigningRequirement.Off, ok.Policy.Release.Packages);

        var bad = PolicyLoader.Load("standards.json", "{\n  \"release\": {\n    \"sbom\": { \"format\": \"swid\" },\n    \"signing\": { \"packages\": \"always\", \"keys\": 1 }\n  }\n}", new DateOnly(2026, 1, 1));
        Assert.Equal(3, bad.Findings.Count);
        Assert.All(bad.Findings, f => Assert.Equal("STD0002", f.Code));
        Assert.Equal([3, 4, 4], bad.Findings.Select(f => f.Line).Order());
        Assert.Equal(SigningRequirement.IfAvailable, bad.Policy.Release.Packages);
    }

    [Fact]
    public void Each_CI_system_gets_its_own_form_of_the_version()
    {
        var options = new VersionOptions { Version = VersionSpec.TryParse("1.0"), CloudBuildNumberEnabled = true };
        var version = VersionCalculator.Compute(options, 3, new string('b', 40), null, publicRelease: false);
        string? Variables(string name) => name switch { "GITHUB_ENV" => "/env", "GITHUB_STEP_SUMMARY" => "/summary", _ => null };

        var azure = CloudBuildOutput.Lines("azure", true, version, Variables, null);
        Assert.Contains(new CloudBuildLine(null, "##vso[build.updatebuildnumber]1.0.3+bbbbbbbbbb"), azure);
        Assert.Contains(new CloudBuildLine(null, "##vso[task.setvariable variable=GitBuildVersionSimple;]1.0.3"), azure);

        var github = CloudBuildOutput.Lines("github", true, version, Variables, null);
        Assert.Contains(new CloudBuildLine("/env", "GitNuGetPackageVersion=1.0.3-gbbbbbbbbbb"), github);
        Assert.Contains(github, l => l.File == "/summary" && l.Line.Contains("1.0.3+bbbbbbbbbb", StringComparison.Ordinal));

        var gitlab = CloudBuildOutput.Lines("gitlab", true, version, Variables, "/repo/artifacts/standards/version.env");
        Assert.Contains(new CloudBuildLine("/repo/artifacts/standards/version.env", "CloudBuildNumber=1.0.3+bbbbbbbbbb"), gitlab);

        Assert.Empty(CloudBuildOutput.Lines(null, true, version, Variables, null));
        Assert.Empty(CloudBuildOutput.Lines("azure", false,
            VersionCalculator.Compute(options with { CloudBuildNumberEnabled = false }, 3, null, null, false), Variables, null));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
