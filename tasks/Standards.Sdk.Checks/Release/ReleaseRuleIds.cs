namespace Standards.Sdk.Checks.Release;

/// <summary>The release rules (profile §6): versioning, SBOM, signing. Titles and defaults live in RuleCatalog.Release.cs.</summary>
public static class ReleaseRuleIds
{
    /// <summary>version.json is not valid JSON.</summary>
    public const string VersionFileSyntax = "STD6001";

    /// <summary>version.json has a value Standards.Sdk (and Nerdbank.GitVersioning) cannot use.</summary>
    public const string VersionFileInvalid = "STD6002";

    /// <summary>A shallow clone lacks the history the version height needs.</summary>
    public const string ShallowClone = "STD6003";

    /// <summary>No git repository (or no git, or no commit): the version uses the fallback height.</summary>
    public const string NoGitRepository = "STD6004";

    /// <summary>The computed version is lower than (or equal to) the latest release tag.</summary>
    public const string VersionBehindReleaseTag = "STD6005";

    /// <summary>A release tag is being built whose name is not the computed version.</summary>
    public const string ReleaseTagMismatch = "STD6006";

    /// <summary>A git command failed.</summary>
    public const string GitFailed = "STD6007";

    /// <summary>A project file sets Version although version.json decides it.</summary>
    public const string VersionSetInProject = "STD6008";

    /// <summary>The version height does not fit a version component (at most 65534).</summary>
    public const string HeightOutOfRange = "STD6009";

    /// <summary>The restore graph (project.assets.json) the SBOM is made from is missing or unreadable.</summary>
    public const string SbomAssetsUnreadable = "STD6020";

    /// <summary>A package's SHA-512 is not in the package folder.</summary>
    public const string SbomHashMissing = "STD6021";

    /// <summary>An SBOM setting has a value that is not allowed.</summary>
    public const string SbomSetting = "STD6022";

    /// <summary>A shipped library is not strong-name signed although the policy requires it.</summary>
    public const string StrongNameMissing = "STD6040";

    /// <summary>The strong-name key file is missing or not a key.</summary>
    public const string StrongNameKeyInvalid = "STD6041";

    /// <summary>Package signing is required in CI but no certificate is configured.</summary>
    public const string SigningCertificateMissing = "STD6042";

    /// <summary>Package signing was skipped (a local build, or no certificate where signing is optional).</summary>
    public const string SigningSkipped = "STD6043";

    /// <summary>dotnet nuget sign failed.</summary>
    public const string SigningFailed = "STD6044";

    /// <summary>A signed package failed dotnet nuget verify.</summary>
    public const string VerificationFailed = "STD6045";

    /// <summary>The signing certificate settings are inconsistent (file not found, both a file and a fingerprint, ...).</summary>
    public const string SigningConfigurationInvalid = "STD6046";
}
