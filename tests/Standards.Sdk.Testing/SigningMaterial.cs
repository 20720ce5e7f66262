using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Standards.Sdk.Testing;

/// <summary>
/// Keys and certificates made by tests: strong-name key files in the CAPI blob format <c>sn</c> writes, and a
/// self-signed code-signing certificate made with openssl (as a CI secret would hold it: a PFX with a password).
/// </summary>
public static class SigningMaterial
{
    /// <summary>Writes a strong-name key file: the key pair (<c>sn -k</c>) or only its public half (<c>sn -p</c>).</summary>
    public static void WriteStrongNameKey(string path, bool publicOnly)
    {
        using var rsa = RSA.Create(1024);
        WriteStrongNameKey(path, rsa.ExportParameters(includePrivateParameters: true), publicOnly);
    }

    /// <summary>Writes both halves of one key: the pair and the public key (as <c>sn -k</c> then <c>sn -p</c> would).</summary>
    public static void WriteStrongNameKeyPairAndPublicKey(string pairPath, string publicPath)
    {
        using var rsa = RSA.Create(1024);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        WriteStrongNameKey(pairPath, parameters, publicOnly: false);
        WriteStrongNameKey(publicPath, parameters, publicOnly: true);
    }

    private static void WriteStrongNameKey(string path, RSAParameters p, bool publicOnly)
    {
        var bits = p.Modulus!.Length * 8;
        byte[] LittleEndian(byte[] bigEndian) => [.. bigEndian.Reverse()];
        using var blob = new MemoryStream();
        void Write(uint value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
            blob.Write(buffer);
        }

        var exponent = new byte[4];
        p.Exponent!.Reverse().ToArray().CopyTo(exponent, 0);
        if (publicOnly)
        {
            Write(0x00002400); // CALG_RSA_SIGN
            Write(0x00008004); // CALG_SHA1
            Write((uint)(20 + p.Modulus.Length));
            blob.Write([0x06, 0x02, 0x00, 0x00]);
            Write(0x00002400);
            blob.Write("RSA1"u8);
            Write((uint)bits);
            blob.Write(exponent);
            blob.Write(LittleEndian(p.Modulus));
        }
        else
        {
            blob.Write([0x07, 0x02, 0x00, 0x00]);
            Write(0x00002400);
            blob.Write("RSA2"u8);
            Write((uint)bits);
            blob.Write(exponent);
            blob.Write(LittleEndian(p.Modulus));
            blob.Write(LittleEndian(p.P!));
            blob.Write(LittleEndian(p.Q!));
            blob.Write(LittleEndian(p.DP!));
            blob.Write(LittleEndian(p.DQ!));
            blob.Write(LittleEndian(p.InverseQ!));
            blob.Write(LittleEndian(p.D!));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, blob.ToArray());
    }

    /// <summary>Creates a self-signed code-signing certificate with openssl; returns the PFX path and its SHA-256 fingerprint.</summary>
    public static (string Pfx, string Fingerprint) CreateCodeSigningCertificate(string folder, string password)
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "codesign.cnf");
        File.WriteAllText(config, """
            [req]
            distinguished_name = dn
            x509_extensions = ext
            prompt = no
            [dn]
            CN = Standards.Sdk Test Code Signing
            [ext]
            basicConstraints = critical,CA:FALSE
            keyUsage = critical,digitalSignature
            extendedKeyUsage = critical,codeSigning
            subjectKeyIdentifier = hash
            """);
        var key = Path.Combine(folder, "key.pem");
        var cert = Path.Combine(folder, "cert.pem");
        var pfx = Path.Combine(folder, "signing.pfx");
        ProcessRunner.Run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-sha256", "-days", "30", "-nodes", "-keyout", key, "-out", cert, "-config", config], folder)
            .EnsureSuccess("openssl req");
        ProcessRunner.Run("openssl", ["pkcs12", "-export", "-out", pfx, "-inkey", key, "-in", cert, "-passout", "pass:" + password], folder)
            .EnsureSuccess("openssl pkcs12");
        var fingerprint = ProcessRunner.Run("openssl", ["x509", "-in", cert, "-noout", "-fingerprint", "-sha256"], folder)
            .EnsureSuccess("openssl x509").Output;
        return (pfx, fingerprint[(fingerprint.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Replace(":", string.Empty, StringComparison.Ordinal));
    }
}
