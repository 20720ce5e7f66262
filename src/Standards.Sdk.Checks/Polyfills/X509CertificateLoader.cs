#nullable enable
// Hand-written: Polyfill 11.4.5 has no X509CertificateLoader.
using System.Security.Cryptography.X509Certificates;

namespace Standards.Sdk;

/// <summary>
/// .NET 9's <c>X509CertificateLoader.LoadPkcs12FromFile</c> (package signing reads the certificate's fingerprint
/// from the PFX): on netstandard2.0 the <see cref="X509Certificate2"/> constructor it replaced.
/// </summary>
internal static class X509CertificateLoader
{
    /// <summary>Loads the certificate (with its key) from a PKCS#12 file; throws CryptographicException for a wrong password.</summary>
    public static X509Certificate2 LoadPkcs12FromFile(string path, string? password, X509KeyStorageFlags keyStorageFlags = X509KeyStorageFlags.DefaultKeySet) =>
        new(path, password, keyStorageFlags);
}
