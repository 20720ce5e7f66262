using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Signing;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Decides how the project's assembly is strong-named (<see cref="StrongName"/>): with the repo's key file when
/// there is one (public signing when it holds only the public key), as the project says when it signs itself, not
/// at all when signing is off. Returns the properties the compiler and the InternalsVisibleTo attributes read.
/// </summary>
public sealed class ApplyStrongNamePolicy : ProjectPolicyTask
{
    /// <summary>StandardsStrongNameSigning: ifAvailable, required or off; empty for standards.json's choice.</summary>
    public string? Requirement { get; set; }

    /// <summary>The repo key file (key.snk above the project, or StandardsStrongNameKeyFile), or empty.</summary>
    public string? KeyFile { get; set; }

    /// <summary>True when StandardsStrongNameKeyFile was set explicitly (a missing file is then an error).</summary>
    public bool KeyFileExplicit { get; set; }

    /// <summary>The project's SignAssembly (true when the project signs with its own key).</summary>
    public string? ProjectSignAssembly { get; set; }

    /// <summary>The project's own AssemblyOriginatorKeyFile.</summary>
    public string? ProjectKeyFile { get; set; }

    /// <summary>true when the assembly is signed.</summary>
    [Output]
    public string SignAssembly { get; set; } = string.Empty;

    /// <summary>The key file the compiler uses.</summary>
    [Output]
    public string AssemblyOriginatorKeyFile { get; set; } = string.Empty;

    /// <summary>true for public signing (public key only).</summary>
    [Output]
    public string PublicSign { get; set; } = string.Empty;

    /// <summary>The public key (hex), for InternalsVisibleTo.</summary>
    [Output]
    public string PublicKey { get; set; } = string.Empty;

    /// <summary>The requirement in force (ifAvailable, required, off), for the signature check.</summary>
    [Output]
    public string EffectiveRequirement { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var policy = LoadPolicy(ResolveToday(), findings: null);
        var findings = new List<Finding>();
        var requirement = ReleaseSettings.ParseRequirement(Requirement) ?? policy.Release.StrongName;
        EffectiveRequirement = requirement switch { SigningRequirement.Required => "required", SigningRequirement.Off => "off", _ => "ifAvailable" };
        // SignAssembly=false is the .NET SDK's default (set before the project is read), so it is no opt-out; the
        // opt-out is StandardsStrongNameSigning=off (or "strongName": "off" in standards.json).
        if (requirement == SigningRequirement.Off)
        {
            return true;
        }

        var ownKey = string.Equals(ProjectSignAssembly, "true", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(ProjectKeyFile);
        var key = ownKey ? ProjectKeyFile! : KeyFile;
        if (string.IsNullOrEmpty(key))
        {
            return true;
        }

        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!, key));
        if (!File.Exists(path))
        {
            if (KeyFileExplicit || ownKey)
            {
                findings.Add(new Finding(ReleaseRuleIds.StrongNameKeyInvalid, Severity.Error,
                    $"The strong-name key file {path} does not exist. Commit it (sn -k key.snk), or fix StandardsStrongNameKeyFile / AssemblyOriginatorKeyFile.", ProjectFile));
            }

            return LogAndRecord(findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
        }

        var inspected = StrongName.Inspect(ReadBytes(path));
        if (inspected.Kind == StrongNameKeyKind.Invalid)
        {
            findings.Add(new Finding(ReleaseRuleIds.StrongNameKeyInvalid, Severity.Error,
                $"{path} is not a strong-name key file (a key pair from 'sn -k' or a public key from 'sn -p'). Replace it, or remove it to build unsigned.", path, 1));
            return LogAndRecord(findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
        }

        SignAssembly = "true";
        AssemblyOriginatorKeyFile = path;
        PublicSign = inspected.Kind == StrongNameKeyKind.PublicKey ? "true" : "false";
        PublicKey = inspected.PublicKeyHex ?? string.Empty;
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: {0} is strong-named with {1} ({2}).",
            Path.GetFileNameWithoutExtension(ProjectFile), path, inspected.Kind == StrongNameKeyKind.PublicKey ? "public signing: the file holds the public key only" : "full signing");
        return true;
    }

    private static byte[]? ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
