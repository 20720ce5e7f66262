using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string DependenciesArea = "Dependencies";

    /// <summary>Dependency rules (profile §2), STD2xxx.</summary>
    private static IEnumerable<RuleDefinition> DependencyRules()
    {
        const string pin = "central-package-management";
        const string lockFile = "lock-files";
        const string lockedMode = "locked-restore";
        const string sdk = "sdk-pinned";
        const string licence = "licences";
        yield return Dependency(DependencyRuleIds.CentralPackageManagement, "Central package management not set up", Severity.Error, pin);
        yield return Dependency(DependencyRuleIds.VersionInProject, "Package version set in a project file", Severity.Error, pin);
        yield return Dependency(DependencyRuleIds.FloatingVersion, "Floating package version", Severity.Error, "floating-versions");
        yield return Dependency(DependencyRuleIds.LockFileMissing, "Lock file missing or not committed", Severity.Error, lockFile);
        yield return Dependency(DependencyRuleIds.LockFileOutOfDate, "Lock file out of date", Severity.Error, lockedMode);
        yield return Dependency(DependencyRuleIds.LockFileMalformed, "Lock file cannot be read", Severity.Error, lockFile);
        yield return Dependency(DependencyRuleIds.MalformedXml, "Project or package file is not valid XML", Severity.Error, pin);
        yield return Dependency(DependencyRuleIds.SdkNotPinned, ".NET SDK version not pinned in global.json", Severity.Error, sdk);
        yield return Dependency(DependencyRuleIds.SdkRollForward, "global.json without a roll-forward policy", Severity.Error, sdk);
        yield return Dependency(DependencyRuleIds.AuditWeakened, "Vulnerability audit turned off or weakened", Severity.Error, "vulnerability-audit") with { Locked = true };
        yield return Dependency(DependencyRuleIds.LicenseNotAllowed, "Package licence unknown or not allowed", Severity.Warning, licence) with
        {
            Parameters = [new RuleParameter("allow", string.Join(",", LicensePolicy.DefaultAllowed), null,
                "SPDX licence identifiers a dependency may use (dependencies.licenses.allow in standards.json wins).", IsList: true)],
        };
        yield return Dependency(DependencyRuleIds.LicenseDenied, "Package licence denied", Severity.Error, licence) with
        {
            Parameters = [new RuleParameter("deny", string.Join(",", LicensePolicy.DefaultDenied), null,
                "SPDX licence identifiers no dependency may use (dependencies.licenses.deny in standards.json wins).", IsList: true)],
        };
        yield return Dependency(DependencyRuleIds.GitUnavailable, "Commit status of lock files could not be checked", Severity.Warning, lockFile);
    }

    private static RuleDefinition Dependency(string id, string title, Severity severity, string source) => new()
    {
        Id = id,
        Title = title,
        Area = DependenciesArea,
        Origin = RuleOrigin.StandardsTask,
        DefaultSeverity = severity,
        Source = source,
    };
}
