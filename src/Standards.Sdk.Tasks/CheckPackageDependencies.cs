using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The per-project dependency rules, after restore: the vulnerability audit is not weakened (STD2010) and every
/// resolved package has an allowed licence (STD2011, STD2012). All logic lives in Standards.Sdk.Checks.
/// Problems in standards.json itself are reported by StandardsApplyPolicy and the repository checks, not here.
/// </summary>
public sealed class CheckPackageDependencies : ProjectPolicyTask
{
    /// <summary>project.assets.json (may not exist yet).</summary>
    public string? ProjectAssetsFile { get; set; }

    /// <summary>Final NuGetAudit.</summary>
    public string? NuGetAudit { get; set; }

    /// <summary>Final NuGetAuditMode.</summary>
    public string? NuGetAuditMode { get; set; }

    /// <summary>Final NuGetAuditLevel.</summary>
    public string? NuGetAuditLevel { get; set; }

    /// <summary>Final StandardsNuGetAuditErrorLevel.</summary>
    public string? NuGetAuditErrorLevel { get; set; }

    /// <summary>Final WarningsAsErrors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>Final NoWarn.</summary>
    public string? NoWarn { get; set; }

    /// <summary>Final WarningsNotAsErrors.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The evaluated target frameworks (TargetFrameworks, else TargetFramework).</summary>
    public string? TargetFrameworks { get; set; }

    /// <summary>The project's lock file (NuGetLockFilePath, else packages.lock.json next to the project), when the project restores with one.</summary>
    public string? LockFile { get; set; }

    /// <summary>The repo's adoption baseline (its licence entries for this project apply here).</summary>
    public string? BaselineFile { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var project = CreateProjectContext();
        var reporter = FindingReporter.ForProject(policy, project, today);
        var unreadable = new List<UnreadablePath>();
        string? Read(string path) => ReadRecording(path, unreadable);
        var audit = new AuditSettings(
            ProjectFile,
            ProjectAndSettingFiles,
            NuGetAudit ?? string.Empty,
            NuGetAuditMode ?? string.Empty,
            NuGetAuditLevel ?? string.Empty,
            NuGetAuditErrorLevel ?? string.Empty,
            WarningsAsErrors ?? string.Empty,
            NoWarn ?? string.Empty,
            WarningsNotAsErrors ?? string.Empty)
        {
            GlobalProperties = GlobalPropertyNames,
            Environment = System.Environment.GetEnvironmentVariable,
        };
        reporter.AddRange(AuditSettingsCheck.Run(audit, reporter.SeverityOf(DependencyRuleIds.AuditWeakened), Read));

        if (!string.IsNullOrEmpty(LockFile))
        {
            var locator = MsBuildPropertyLocator.For(audit, Read);
            reporter.AddRange(LockFileFrameworksCheck.Run(Path.GetFullPath(LockFile), Read(LockFile), TargetFrameworks ?? string.Empty,
                reporter.SeverityOf(DependencyRuleIds.LockFileOutOfDate), property => locator.Value.Locate(property)));
        }

        var (licenses, _) = LicensePolicy.From(policy);
        var assets = string.IsNullOrEmpty(ProjectAssetsFile) ? null : Read(ProjectAssetsFile);
        var licenceFindings = LicenseCheck.Run(ProjectFile, assets, Read, licenses, reporter.SeverityOf, Read(ProjectFile), ProjectAssetsFile);
        reporter.AddRange(ProjectFindingsBaseline.Apply(licenceFindings, ReadBaselineFile(BaselineFile), Glob.Normalize(Path.GetRelativePath(RepoRoot, Path.GetFullPath(ProjectFile))),
            BaselineFile ?? string.Empty, reporter.SeverityOf(BaselineRuleIds.EntryNoLongerNeeded),
            [.. ProjectFindingsBaseline.LicenceCodes.Where(reporter.IsOn)]));
        ReportUnreadable(reporter, unreadable);
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
            "Standards.Sdk: checked the audit settings and package licences of {0}.", project.Name);
        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

}
