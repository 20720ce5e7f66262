using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>The netstandard2.0 X509CertificateLoader loads the same certificate .NET's does, and fails the same way.</summary>
public sealed class CertificatePolyfillTests : IDisposable
{
    private readonly string folder = PackedSdk.NewTempDirectory("pfx");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void LoadPkcs12FromFile_matches_dotnet()
    {
        var (pfx, _) = SigningMaterial.CreateCodeSigningCertificate(folder, "pw");
        using var real = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, "pw", X509KeyStorageFlags.DefaultKeySet);
        using var mine = Standards.Sdk.X509CertificateLoader.LoadPkcs12FromFile(pfx, "pw", X509KeyStorageFlags.DefaultKeySet);
        Assert.Equal(real.RawData, mine.RawData);
        Assert.True(mine.HasPrivateKey);
        Assert.ThrowsAny<CryptographicException>(() => System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(pfx, "wrong", X509KeyStorageFlags.DefaultKeySet));
        Assert.ThrowsAny<CryptographicException>(() => Standards.Sdk.X509CertificateLoader.LoadPkcs12FromFile(pfx, "wrong", X509KeyStorageFlags.DefaultKeySet));
    }
}
