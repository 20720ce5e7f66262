using System.Buffers.Binary;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Signing;

/// <summary>What a strong-name key file holds.</summary>
public enum StrongNameKeyKind
{
    /// <summary>Not a key file (or unreadable).</summary>
    Invalid,

    /// <summary>A key pair (<c>sn -k</c>): full signing.</summary>
    KeyPair,

    /// <summary>A public key only (<c>sn -p</c>): public signing (the repo keeps the private key elsewhere).</summary>
    PublicKey,
}

/// <summary>A key file, inspected: its kind and the full public key (hex) for InternalsVisibleTo.</summary>
/// <param name="Kind">Key pair, public key, or invalid.</param>
/// <param name="PublicKeyHex">The public key blob as hex (what <c>InternalsVisibleTo ... PublicKey=</c> needs), or null.</param>
public sealed record StrongNameKey(StrongNameKeyKind Kind, string? PublicKeyHex);

/// <summary>
/// The strong-name policy (profile §6, 002 L1725-1739): with a key file in the repo (<c>key.snk</c> at or above
/// the project, or StandardsStrongNameKeyFile) every assembly is signed with it, publicly when the file holds
/// only the public key; under <c>"strongName": "required"</c> a shipped library without a signature fails
/// (STD6040). Key files are the CAPI blobs <c>sn</c> writes: PRIVATEKEYBLOB ("RSA2") for a pair, the 12-byte
/// signature header plus PUBLICKEYBLOB ("RSA1") for a public key.
/// </summary>
public static class StrongName
{
    private const uint RsaSign = 0x00002400;
    private const uint Sha1 = 0x00008004;

    /// <summary>Inspects a key file's bytes.</summary>
    public static StrongNameKey Inspect(byte[]? bytes)
    {
        if (bytes is null || bytes.Length < 20)
        {
            return new StrongNameKey(StrongNameKeyKind.Invalid, null);
        }

        // PRIVATEKEYBLOB: bType 7, version 2, reserved, aiKeyAlg, then RSAPUBKEY { "RSA2", bitlen, pubexp }, modulus, ...
        if (bytes[0] == 0x07 && bytes[1] == 0x02 && Magic(bytes, 8, "RSA2"))
        {
            var bits = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
            var modulusLength = bits / 8;
            if (bits <= 0 || bits % 8 != 0 || bytes.Length < 20 + modulusLength)
            {
                return new StrongNameKey(StrongNameKeyKind.Invalid, null);
            }

            var publicBlob = new byte[12 + 20 + modulusLength];
            BinaryPrimitives.WriteUInt32LittleEndian(publicBlob.AsSpan(0), RsaSign);
            BinaryPrimitives.WriteUInt32LittleEndian(publicBlob.AsSpan(4), Sha1);
            BinaryPrimitives.WriteInt32LittleEndian(publicBlob.AsSpan(8), 20 + modulusLength);
            publicBlob[12] = 0x06;
            publicBlob[13] = 0x02;
            BinaryPrimitives.WriteUInt32LittleEndian(publicBlob.AsSpan(16), RsaSign);
            "RSA1"u8.CopyTo(publicBlob.AsSpan(20));
            bytes.AsSpan(12, 8 + modulusLength).CopyTo(publicBlob.AsSpan(24));
            return new StrongNameKey(StrongNameKeyKind.KeyPair, Convert.ToHexString(publicBlob).ToLowerInvariant());
        }

        // Public key file: SigAlgId, HashAlgId, cbPublicKey, then PUBLICKEYBLOB: bType 6, version 2, ..., "RSA1".
        if (bytes.Length >= 32 && bytes[12] == 0x06 && bytes[13] == 0x02 && Magic(bytes, 20, "RSA1")
            && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) == bytes.Length - 12)
        {
            return new StrongNameKey(StrongNameKeyKind.PublicKey, Convert.ToHexString(bytes).ToLowerInvariant());
        }

        return new StrongNameKey(StrongNameKeyKind.Invalid, null);
    }

    /// <summary>
    /// Whether an assembly is strong-named: its CLI header has the strong-name-signed flag and a strong-name
    /// signature directory (full and public signing both set them; an unsigned assembly has neither). Null when
    /// the file is not a .NET assembly. Read from the PE headers directly (ECMA-335 II.25), so nothing beyond the
    /// base library is needed on either runtime.
    /// </summary>
    public static bool? IsSigned(Stream assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        try
        {
            using var reader = new BinaryReader(assembly, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt16() != 0x5A4D)
            {
                return null;
            }

            assembly.Position = 0x3C;
            var peHeader = reader.ReadInt32();
            assembly.Position = peHeader;
            if (reader.ReadUInt32() != 0x00004550)
            {
                return null;
            }

            assembly.Position = peHeader + 6;
            int sections = reader.ReadUInt16();
            assembly.Position = peHeader + 20;
            int optionalHeaderSize = reader.ReadUInt16();
            var optionalHeader = peHeader + 24;
            assembly.Position = optionalHeader;
            var magic = reader.ReadUInt16();
            // The CLI header is data directory 14; the directories start at 96 (PE32) or 112 (PE32+).
            assembly.Position = optionalHeader + (magic == 0x20B ? 112 : 96) + (14 * 8);
            var cliRva = reader.ReadUInt32();
            if (cliRva == 0 || optionalHeaderSize == 0)
            {
                return null;
            }

            var cliOffset = FileOffset(reader, assembly, optionalHeader + optionalHeaderSize, sections, cliRva);
            if (cliOffset is null)
            {
                return null;
            }

            // CLI header: cb, runtime version, metadata (8), flags, entry point, resources (8), strong-name signature (8).
            assembly.Position = cliOffset.Value + 16;
            var flags = reader.ReadUInt32();
            assembly.Position = cliOffset.Value + 32;
            _ = reader.ReadUInt32();
            var signatureSize = reader.ReadUInt32();
            const uint strongNameSigned = 0x8;
            return (flags & strongNameSigned) != 0 && signatureSize > 0;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static long? FileOffset(BinaryReader reader, Stream stream, long sectionTable, int sections, uint rva)
    {
        for (var i = 0; i < sections; i++)
        {
            stream.Position = sectionTable + (i * 40) + 8;
            var virtualSize = reader.ReadUInt32();
            var virtualAddress = reader.ReadUInt32();
            _ = reader.ReadUInt32();
            var rawPointer = reader.ReadUInt32();
            if (rva >= virtualAddress && rva < virtualAddress + Math.Max(virtualSize, 1))
            {
                return rawPointer + (rva - virtualAddress);
            }
        }

        return null;
    }

    /// <summary>STD6040 when a shipped library must be signed and is not.</summary>
    public static Finding? CheckShipped(SigningRequirement requirement, string assemblyPath, bool? isSigned, string projectFile, string? keyFile)
    {
        if (requirement != SigningRequirement.Required || isSigned != false)
        {
            return null;
        }

        var how = keyFile is null
            ? "The repo has no strong-name key: create one with 'sn -k key.snk' (or 'sn -p' for the public half only, which gives public signing) and commit key.snk at the repo root"
            : $"A key exists ({keyFile}) but signing is turned off for this project (StandardsStrongNameSigning=off, or PublicSign/SignAssembly changed after Standards.Sdk set them); remove that setting";
        return new Finding(ReleaseRuleIds.StrongNameMissing, Diagnostics.Severity.Error,
            $"{Path.GetFileName(assemblyPath)} is a shipped library and the release policy requires strong-name signing, but it is not signed. {how}, or set \"release\": {{ \"signing\": {{ \"strongName\": \"ifAvailable\" }} }} in standards.json.",
            projectFile, 0);
    }

    private static bool Magic(byte[] bytes, int offset, string magic) =>
        bytes.Length >= offset + 4 && bytes[offset] == magic[0] && bytes[offset + 1] == magic[1] && bytes[offset + 2] == magic[2] && bytes[offset + 3] == magic[3];
}
