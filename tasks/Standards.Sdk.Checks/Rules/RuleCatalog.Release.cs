using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Release;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string ReleaseArea = "Release";

    /// <summary>Release rules (profile §6), STD60xx: versioning, SBOM, signing. Reported by the release tasks.</summary>
    private static IEnumerable<RuleDefinition> ReleaseRules()
    {
        const string versioning = "semantic-versions, version-file";
        const string sbom = "sbom";
        const string signing = "signing";
        yield return Release(ReleaseRuleIds.VersionFileSyntax, "version.json is not valid JSON", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.VersionFileInvalid, "version.json has an invalid value", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.ShallowClone, "Shallow clone: the version height cannot be computed", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.NoGitRepository, "No git history: version from version.json with the fallback height", Severity.Warning, versioning);
        yield return Release(ReleaseRuleIds.VersionBehindReleaseTag, "Version is not above the latest release tag", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.ReleaseTagMismatch, "Release tag does not match the computed version", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.GitFailed, "git failed while computing the version", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.VersionSetInProject, "Version set in a project file while version.json decides it", Severity.Warning, versioning);
        yield return Release(ReleaseRuleIds.HeightOutOfRange, "Version height does not fit a version component", Severity.Error, versioning);
        yield return Release(ReleaseRuleIds.SbomAssetsUnreadable, "SBOM: restore graph missing or unreadable", Severity.Error, sbom);
        yield return Release(ReleaseRuleIds.SbomHashMissing, "SBOM: package hash not found in the package folder", Severity.Warning, sbom);
        yield return Release(ReleaseRuleIds.SbomSetting, "SBOM: invalid setting", Severity.Error, sbom);
        yield return Release(ReleaseRuleIds.StrongNameMissing, "Shipped library not strong-name signed", Severity.Error, signing) with { Kinds = [ProjectKinds.Library] };
        yield return Release(ReleaseRuleIds.StrongNameKeyInvalid, "Strong-name key file missing or invalid", Severity.Error, signing);
        yield return Release(ReleaseRuleIds.SigningCertificateMissing, "Package signing required but no certificate configured", Severity.Error, signing);
        yield return Release(ReleaseRuleIds.SigningSkipped, "Package signing skipped", Severity.Info, signing);
        yield return Release(ReleaseRuleIds.SigningFailed, "Package signing failed", Severity.Error, signing);
        yield return Release(ReleaseRuleIds.VerificationFailed, "Signed package failed verification", Severity.Error, signing);
        yield return Release(ReleaseRuleIds.SigningConfigurationInvalid, "Signing certificate settings invalid", Severity.Error, signing);
    }

    private static RuleDefinition Release(string id, string title, Severity severity, string source) => new()
    {
        Id = id,
        Title = title,
        Area = ReleaseArea,
        Origin = RuleOrigin.StandardsTask,
        DefaultSeverity = severity,
        Source = source,
    };
}
