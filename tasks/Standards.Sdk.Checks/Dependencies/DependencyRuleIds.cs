namespace Standards.Sdk.Checks.Dependencies;

/// <summary>The dependency rules (profile §2). Titles and defaults live in RuleCatalog.Dependencies.cs.</summary>
public static class DependencyRuleIds
{
    /// <summary>Central package management is not set up.</summary>
    public const string CentralPackageManagement = "STD2001";

    /// <summary>A project sets a package version itself.</summary>
    public const string VersionInProject = "STD2002";

    /// <summary>A floating version or open range.</summary>
    public const string FloatingVersion = "STD2003";

    /// <summary>A project has no committed packages.lock.json.</summary>
    public const string LockFileMissing = "STD2004";

    /// <summary>A lock file no longer matches the references.</summary>
    public const string LockFileOutOfDate = "STD2005";

    /// <summary>A lock file that cannot be read.</summary>
    public const string LockFileMalformed = "STD2006";

    /// <summary>A project file or Directory.Packages.props that is not valid XML.</summary>
    public const string MalformedXml = "STD2007";

    /// <summary>The .NET SDK version is not pinned in global.json.</summary>
    public const string SdkNotPinned = "STD2008";

    /// <summary>global.json pins the SDK without a roll-forward policy.</summary>
    public const string SdkRollForward = "STD2009";

    /// <summary>The vulnerability audit is turned off or weakened.</summary>
    public const string AuditWeakened = "STD2010";

    /// <summary>A package licence that is unknown or not on the allow-list.</summary>
    public const string LicenseNotAllowed = "STD2011";

    /// <summary>A package licence on the deny-list.</summary>
    public const string LicenseDenied = "STD2012";

    /// <summary>git could not say which lock files are committed, so STD2004 checked only that they exist.</summary>
    public const string GitUnavailable = "STD2013";

    /// <summary>The fix for every lock-file problem, run from the repo root.</summary>
    public const string RestoreCommand = "dotnet restore --force-evaluate";
}
