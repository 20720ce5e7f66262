using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

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
    /// <summary>The section's keys.</summary>
    public static readonly IReadOnlyList<string> Keys = ["sbom", "signing"];

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
        ArgumentNullException.ThrowIfNull(findings);
        if (node is null)
        {
            return Default;
        }

        if (Object(path, node, "release", Keys, findings) is not { } release)
        {
            return Default;
        }

        var result = Default;
        if (Object(path, release.Get("sbom"), "release.sbom", ["format", "enabled"], findings) is { } sbom)
        {
            result = result with
            {
                SbomFormat = Word(path, sbom.Get("format"), "release.sbom.format", FormatWords, findings),
                SbomEnabled = sbom.Get("enabled") switch
                {
                    null => true,
                    JsonBooleanNode b => b.Value,
                    var other => Wrong(path, other, "'release.sbom.enabled' must be true or false", findings, true),
                },
            };
        }

        if (Object(path, release.Get("signing"), "release.signing", ["strongName", "packages"], findings) is { } signing)
        {
            result = result with
            {
                StrongName = ParseRequirement(Word(path, signing.Get("strongName"), "release.signing.strongName", RequirementWords, findings)) ?? SigningRequirement.IfAvailable,
                Packages = ParseRequirement(Word(path, signing.Get("packages"), "release.signing.packages", RequirementWords, findings)) ?? SigningRequirement.IfAvailable,
            };
        }

        return result;
    }

    private static JsonObjectNode? Object(string path, JsonValueNode? node, string name, IReadOnlyList<string> keys, List<Finding> findings)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObjectNode obj:
                foreach (var (property, message) in UnknownKeys.Find(obj, $"'{name}' of standards.json", keys))
                {
                    findings.Add(new Finding(PolicyRuleIds.PolicyShape, Severity.Error, message, path, property.Line, property.Column));
                }

                return obj;
            default:
                findings.Add(PolicyLoader.Shape(path, node, $"'{name}' must be an object with {string.Join(", ", keys)}, not {node.Kind}."));
                return null;
        }
    }

    private static string? Word(string path, JsonValueNode? node, string name, IReadOnlyList<string> allowed, List<Finding> findings)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonStringNode s when allowed.Contains(s.Value, StringComparer.OrdinalIgnoreCase):
                return s.Value;
            default:
                findings.Add(PolicyLoader.Shape(path, node, $"'{name}' must be one of: {string.Join(", ", allowed)}."));
                return null;
        }
    }

    private static bool Wrong(string path, JsonValueNode node, string message, List<Finding> findings, bool fallback)
    {
        findings.Add(PolicyLoader.Shape(path, node, message + "."));
        return fallback;
    }
}
