using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>The release rules (profile §6): versioning, SBOM, signing.</summary>
/// <remarks>Each constant is its rule's one declaration ([Rule], [RuleParameter]); the catalog reads it from here.</remarks>
[RuleArea("Release")]
public static class ReleaseRuleIds
{
    /// <summary>version.json is not valid JSON.</summary>
    [Rule("version.json is not valid JSON", Severity.Error, "semantic-versions, version-file")]
    public const string VersionFileSyntax = "STD6001";

    /// <summary>version.json has a value Standards.Sdk (and Nerdbank.GitVersioning) cannot use.</summary>
    [Rule("version.json has an invalid value", Severity.Error, "semantic-versions, version-file")]
    public const string VersionFileInvalid = "STD6002";

    /// <summary>A shallow clone lacks the history the version height needs.</summary>
    [Rule("Shallow clone: the version height cannot be computed", Severity.Error, "semantic-versions, version-file")]
    public const string ShallowClone = "STD6003";

    /// <summary>No git repository (or no git, or no commit): the version uses the fallback height.</summary>
    [Rule("No git history: version from version.json with the fallback height", Severity.Warning, "semantic-versions, version-file")]
    public const string NoGitRepository = "STD6004";

    /// <summary>The computed version is lower than (or equal to) the latest release tag.</summary>
    [Rule("Version is not above the latest release tag", Severity.Error, "semantic-versions, version-file")]
    public const string VersionBehindReleaseTag = "STD6005";

    /// <summary>A release tag is being built whose name is not the computed version.</summary>
    [Rule("Release tag does not match the computed version", Severity.Error, "semantic-versions, version-file")]
    public const string ReleaseTagMismatch = "STD6006";

    /// <summary>A git command failed.</summary>
    [Rule("git failed while computing the version", Severity.Error, "semantic-versions, version-file")]
    public const string GitFailed = "STD6007";

    /// <summary>A project file sets Version although version.json decides it.</summary>
    [Rule("Version set in a project file while version.json decides it", Severity.Warning, "semantic-versions, version-file")]
    public const string VersionSetInProject = "STD6008";

    /// <summary>The version height does not fit a version component (at most 65534).</summary>
    [Rule("Version height does not fit a version component", Severity.Error, "semantic-versions, version-file")]
    public const string HeightOutOfRange = "STD6009";

    /// <summary>The restore graph (project.assets.json) the SBOM is made from is missing or unreadable.</summary>
    [Rule("SBOM: restore graph missing or unreadable", Severity.Error, "sbom")]
    public const string SbomAssetsUnreadable = "STD6020";

    /// <summary>A package's SHA-512 is not in the package folder.</summary>
    [Rule("SBOM: package hash not found in the package folder", Severity.Warning, "sbom")]
    public const string SbomHashMissing = "STD6021";

    /// <summary>An SBOM setting has a value that is not allowed.</summary>
    [Rule("SBOM: invalid setting", Severity.Error, "sbom")]
    public const string SbomSetting = "STD6022";

    /// <summary>A shipped library is not strong-name signed although the policy requires it.</summary>
    [Rule("Shipped library not strong-name signed", Severity.Error, "signing", Kinds = [ProjectKinds.Library])]
    public const string StrongNameMissing = "STD6040";

    /// <summary>The strong-name key file is missing or not a key.</summary>
    [Rule("Strong-name key file missing or invalid", Severity.Error, "signing")]
    public const string StrongNameKeyInvalid = "STD6041";

    /// <summary>Package signing is required in CI but no certificate is configured.</summary>
    [Rule("Package signing required but no certificate configured", Severity.Error, "signing")]
    public const string SigningCertificateMissing = "STD6042";

    /// <summary>Package signing was skipped (a local build, or no certificate where signing is optional).</summary>
    [Rule("Package signing skipped", Severity.Info, "signing")]
    public const string SigningSkipped = "STD6043";

    /// <summary>dotnet nuget sign failed.</summary>
    [Rule("Package signing failed", Severity.Error, "signing")]
    public const string SigningFailed = "STD6044";

    /// <summary>A signed package failed dotnet nuget verify.</summary>
    [Rule("Signed package failed verification", Severity.Error, "signing")]
    public const string VerificationFailed = "STD6045";

    /// <summary>The signing certificate settings are inconsistent (file not found, both a file and a fingerprint, ...).</summary>
    [Rule("Signing certificate settings invalid", Severity.Error, "signing")]
    public const string SigningConfigurationInvalid = "STD6046";

    /// <summary>A packable library has no real package description (empty, the .NET SDK's placeholder, or its package id).</summary>
    [Rule("Package description missing or a placeholder", Severity.Error, "package-metadata", Kinds = [ProjectKinds.Library])]
    public const string PackageDescriptionMissing = "STD6050";

    /// <summary>A packable library declares no licence (PackageLicenseExpression or PackageLicenseFile).</summary>
    [Rule("Package licence missing", Severity.Error, "package-metadata", Kinds = [ProjectKinds.Library])]
    public const string PackageLicenseMissing = "STD6051";

    /// <summary>A packable library has no readme in its package (PackageReadmeFile unset, or the file not packed).</summary>
    [Rule("Package readme missing", Severity.Error, "package-metadata", Kinds = [ProjectKinds.Library])]
    public const string PackageReadmeMissing = "STD6052";

    /// <summary>A packable library's package does not name its repository (RepositoryUrl).</summary>
    [Rule("Package repository URL missing", Severity.Error, "package-metadata", Kinds = [ProjectKinds.Library])]
    public const string PackageRepositoryMissing = "STD6053";

    /// <summary>A packable library's Authors is unset (the .NET SDK then writes the assembly name).</summary>
    [Rule("Package authors missing", Severity.Error, "package-metadata", Kinds = [ProjectKinds.Library])]
    public const string PackageAuthorsMissing = "STD6054";

    /// <summary>Package validation found a breaking change against the latest release while the major version is the same.</summary>
    [Rule("Breaking API change without a major version", Severity.Error, "api-compatibility, semantic-versions", Kinds = [ProjectKinds.Library])]
    public const string BreakingChangeWithoutMajor = "STD6060";

    /// <summary>The package of the latest release (the baseline of API compatibility) was not found.</summary>
    [Rule("API compatibility baseline package not found", Severity.Error, "api-compatibility", Kinds = [ProjectKinds.Library])]
    public const string ApiBaselineMissing = "STD6061";

    /// <summary>API compatibility was not checked against a release: no earlier release, or a new major version.</summary>
    [Rule("API compatibility not checked against a release", Severity.Info, "api-compatibility", Kinds = [ProjectKinds.Library])]
    public const string ApiCompatibilityNotChecked = "STD6062";

    /// <summary>Package validation found that the package's target frameworks expose incompatible APIs or assets.</summary>
    [Rule("API or assets differ between the package's target frameworks", Severity.Error, "api-compatibility", Kinds = [ProjectKinds.Library])]
    public const string ApiDiffersBetweenFrameworks = "STD6063";
}
