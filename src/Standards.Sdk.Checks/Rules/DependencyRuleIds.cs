using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>The dependency rules (profile §2).</summary>
/// <remarks>Each constant is its rule's one declaration ([Rule], [RuleParameter]); the catalog reads it from here.</remarks>
[RuleArea("Dependencies")]
public static class DependencyRuleIds
{
    /// <summary>Central package management is not set up.</summary>
    [Rule("Central package management not set up", Severity.Error, "central-package-management")]
    public const string CentralPackageManagement = "STD2001";

    /// <summary>A project sets a package version itself.</summary>
    [Rule("Package version set in a project file", Severity.Error, "central-package-management")]
    public const string VersionInProject = "STD2002";

    /// <summary>A floating version or open range.</summary>
    [Rule("Floating package version", Severity.Error, "floating-versions")]
    public const string FloatingVersion = "STD2003";

    /// <summary>A project has no committed packages.lock.json.</summary>
    [Rule("Lock file missing or not committed", Severity.Error, "lock-files")]
    public const string LockFileMissing = "STD2004";

    /// <summary>A lock file no longer matches the references.</summary>
    [Rule("Lock file out of date", Severity.Error, "locked-restore")]
    public const string LockFileOutOfDate = "STD2005";

    /// <summary>A lock file that cannot be read.</summary>
    [Rule("Lock file cannot be read", Severity.Error, "lock-files")]
    public const string LockFileMalformed = "STD2006";

    /// <summary>A project file or Directory.Packages.props that is not valid XML.</summary>
    [Rule("Project or package file is not valid XML", Severity.Error, "central-package-management")]
    public const string MalformedXml = "STD2007";

    /// <summary>The .NET SDK version is not pinned in global.json.</summary>
    [Rule(".NET SDK version not pinned in global.json", Severity.Error, "sdk-pinned")]
    public const string SdkNotPinned = "STD2008";

    /// <summary>global.json pins the SDK without a roll-forward policy.</summary>
    [Rule("global.json without a roll-forward policy", Severity.Error, "sdk-pinned")]
    public const string SdkRollForward = "STD2009";

    /// <summary>The vulnerability audit is turned off or weakened.</summary>
    [Rule("Vulnerability audit turned off or weakened", Severity.Error, "vulnerability-audit", Locked = true)]
    public const string AuditWeakened = "STD2010";

    /// <summary>
    /// The profile's allow-list (docs/standards-profile.md#licences), comma-separated: STD2011's default. Declared with
    /// the rule so that the rules depend on no feature; the licence check reads it from here.
    /// </summary>
    public const string DefaultAllowedLicenses = "MIT,Apache-2.0,BSD-2-Clause,BSD-3-Clause,ISC,MS-PL,0BSD,Unlicense";

    /// <summary>Strong copyleft and source-available licences, denied unless a repo says otherwise: STD2012's default.</summary>
    public const string DefaultDeniedLicenses =
        "AGPL-1.0,AGPL-3.0,AGPL-3.0-only,AGPL-3.0-or-later,"
        + "GPL-2.0,GPL-2.0-only,GPL-2.0-or-later,GPL-3.0,GPL-3.0-only,GPL-3.0-or-later,"
        + "SSPL-1.0";

    /// <summary>A package licence that is unknown or not on the allow-list.</summary>
    [Rule("Package licence unknown or not allowed", Severity.Warning, "licences")]
    [RuleParameter("allow", DefaultAllowedLicenses, "SPDX licence identifiers a dependency may use (dependencies.licenses.allow in standards.json wins).", IsList = true)]
    public const string LicenseNotAllowed = "STD2011";

    /// <summary>A package licence on the deny-list.</summary>
    [Rule("Package licence denied", Severity.Error, "licences")]
    [RuleParameter("deny", DefaultDeniedLicenses, "SPDX licence identifiers no dependency may use (dependencies.licenses.deny in standards.json wins).", IsList = true)]
    public const string LicenseDenied = "STD2012";

    /// <summary>git could not say which lock files are committed, so STD2004 checked only that they exist.</summary>
    [Rule("Commit status of lock files could not be checked", Severity.Warning, "lock-files")]
    public const string GitUnavailable = "STD2013";

    /// <summary>The fix for every lock-file problem, run from the repo root.</summary>
    public const string RestoreCommand = "dotnet restore --force-evaluate";
}
