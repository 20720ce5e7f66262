using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Policy;

/// <summary>When artefacts must be signed (standards.json <c>release.signing</c>).</summary>
public enum SigningRequirement
{
    /// <summary>Sign when the repo provides the means (a key file, a certificate); never fail for their absence.</summary>
    IfAvailable,

    /// <summary>Must be signed: a missing key or certificate fails (package signing: in CI builds).</summary>
    Required,

    /// <summary>Never sign.</summary>
    Off,
}

/// <summary>
/// The <c>release</c> section of standards.json (docs/release.md): the SBOM format and the signing policy. MSBuild
/// properties (StandardsSbomFormat, StandardsStrongNameSigning, StandardsPackageSigning) override it per build.
/// </summary>
public sealed record ReleaseSettings
{
    /// <summary>The defaults: SPDX SBOMs, strong-name signing when the repo has a key, package signing when a certificate is configured.</summary>
    public static ReleaseSettings Default { get; } = new();

    /// <summary><c>sbom.format</c>: spdx, cyclonedx or both; null for the default (spdx).</summary>
    public string? SbomFormat { get; init; }

    /// <summary><c>sbom.enabled</c> (default true).</summary>
    public bool SbomEnabled { get; init; } = true;

    /// <summary><c>signing.strongName</c>.</summary>
    public SigningRequirement StrongName { get; init; } = SigningRequirement.IfAvailable;

    /// <summary><c>signing.packages</c>.</summary>
    public SigningRequirement Packages { get; init; } = SigningRequirement.IfAvailable;

    /// <summary>The words accepted for a signing requirement.</summary>
    public static readonly IReadOnlyList<string> RequirementWords = ["ifAvailable", "required", "off"];

    /// <summary>The words accepted for the SBOM format.</summary>
    public static readonly IReadOnlyList<string> FormatWords = ["spdx", "cyclonedx", "both"];

    private static readonly JsonShape SbomShape = new(
        "'release.sbom' of standards.json",
        new JsonKey("format", JsonType.Text)
        {
            Allowed = FormatWords,
            IgnoreCase = true,
            Default = "spdx",
            Description = "SPDX 2.3 JSON, CycloneDX 1.6 JSON, or both (StandardsSbomFormat overrides it).",
        },
        new JsonKey("enabled", JsonType.Boolean) { Default = true, Description = "false: no SBOM on pack and publish (StandardsSbom overrides it)." });

    private static readonly JsonShape SigningShape = new(
        "'release.signing' of standards.json",
        new JsonKey("strongName", JsonType.Text)
        {
            Allowed = RequirementWords,
            IgnoreCase = true,
            Default = "ifAvailable",
            Description = "Strong-name signing of libraries: ifAvailable (when the repo has a key), required (a shipped library without a signature fails, STD6040), off.",
        },
        new JsonKey("packages", JsonType.Text)
        {
            Allowed = RequirementWords,
            IgnoreCase = true,
            Default = "ifAvailable",
            Description = "Package signing after pack: ifAvailable (when a certificate is configured), required (CI builds without a certificate fail, STD6042), off.",
        });

    /// <summary>The section's keys, read by this class and published in the schema.</summary>
    internal static readonly JsonShape Shape = new(
        "'release' of standards.json",
        new JsonKey("sbom", JsonType.KeyedObject) { Hint = "Write { \"format\": \"spdx\", \"enabled\": true }.", Fields = SbomShape, Description = "The SBOM written on pack and publish (see docs/release.md)." },
        new JsonKey("signing", JsonType.KeyedObject) { Hint = "Write { \"strongName\": \"ifAvailable\", \"packages\": \"ifAvailable\" }.", Fields = SigningShape, Description = "The signing policy: strong names and packages (see docs/release.md)." });

    /// <summary>Parses a signing requirement word (case-insensitive); null when it is not one.</summary>
    public static SigningRequirement? ParseRequirement(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "ifavailable" => SigningRequirement.IfAvailable,
        "required" => SigningRequirement.Required,
        "off" or "false" or "none" => SigningRequirement.Off,
        _ => null,
    };

    /// <summary>Reads the section; problems go to <paramref name="findings"/> as STD0002 with the line.</summary>
    public static ReleaseSettings Read(string path, JsonValueNode? node, List<Finding> findings)
    {
        if (PolicySection.Read(node, Shape, path, findings, unknownHint: null) is not { Source: not null } release)
        {
            return Default;
        }

        var result = Default;
        if (PolicySection.Read(release.GetObject("sbom"), SbomShape, path, findings, unknownHint: null) is { } sbom)
        {
            result = result with { SbomFormat = sbom.GetString("format"), SbomEnabled = sbom.GetBoolean("enabled") ?? true };
        }

        if (PolicySection.Read(release.GetObject("signing"), SigningShape, path, findings, unknownHint: null) is { } signing)
        {
            result = result with
            {
                StrongName = ParseRequirement(signing.GetString("strongName")) ?? SigningRequirement.IfAvailable,
                Packages = ParseRequirement(signing.GetString("packages")) ?? SigningRequirement.IfAvailable,
            };
        }

        return result;
    }
}
