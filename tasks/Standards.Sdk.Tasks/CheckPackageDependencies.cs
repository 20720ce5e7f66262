using System.Globalization;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The per-project dependency rules, after restore: the vulnerability audit is not weakened (STD2010) and every
/// resolved package has an allowed licence (STD2011, STD2012). All logic lives in Standards.Sdk.Checks.
/// Problems in standards.json itself are reported by StandardsApplyPolicy and the repository checks, not here.
/// </summary>
public sealed class CheckPackageDependencies : StandardsTask
{
    /// <summary>standards.json found above the project, or empty for the defaults.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Repo root (folder of global.json, else the project folder).</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>The project file.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The project kind.</summary>
    [Required]
    public string ProjectKind { get; set; } = string.Empty;

    /// <summary>project.assets.json (may not exist yet).</summary>
    public string? ProjectAssetsFile { get; set; }

    /// <summary>Files that may set the audit properties, searched for the line to report.</summary>
    public ITaskItem[] SettingFiles { get; set; } = [];

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

    /// <summary>Final TreatWarningsAsErrors: our warnings are logged as errors too.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD) for exception expiry; used by tests.</summary>
    public string? Today { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = DateOnly.TryParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : DateOnly.FromDateTime(System.DateTime.Today);
        var policy = LoadPolicy(today);
        var kind = ProjectKinds.IsKnown(ProjectKind) ? ProjectKind.ToLowerInvariant() : ProjectKinds.Library;
        var projectDir = Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? RepoRoot;
        var relativeDir = Glob.Normalize(Path.GetRelativePath(RepoRoot, projectDir));
        var project = new ProjectContext(Path.GetFileNameWithoutExtension(ProjectFile), kind, relativeDir == "." ? string.Empty : relativeDir);
        var effective = new EffectivePolicy(policy, project, today);
        Severity SeverityOf(string id) => RuleCatalog.Find(id) is { } rule ? effective.SeverityOf(rule) : Severity.Error;

        var findings = new List<Finding>();
        var audit = new AuditSettings(
            ProjectFile,
            [ProjectFile, .. SettingFiles.Select(f => f.ItemSpec)],
            NuGetAudit ?? string.Empty,
            NuGetAuditMode ?? string.Empty,
            NuGetAuditLevel ?? string.Empty,
            NuGetAuditErrorLevel ?? string.Empty,
            WarningsAsErrors ?? string.Empty,
            NoWarn ?? string.Empty,
            WarningsNotAsErrors ?? string.Empty);
        findings.AddRange(AuditSettingsCheck.Run(audit, SeverityOf(DependencyRuleIds.AuditWeakened), ReadOrNull));

        var (licenses, _) = LicensePolicy.From(policy);
        var assets = string.IsNullOrEmpty(ProjectAssetsFile) ? null : ReadOrNull(ProjectAssetsFile);
        findings.AddRange(LicenseCheck.Run(ProjectFile, assets, ReadOrNull, licenses, SeverityOf, ReadOrNull(ProjectFile)));
        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
            "Standards.Sdk: checked the audit settings and package licences of {0}.", project.Name);
        return TaskLogging.LogFindings(Log, findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private StandardsPolicy LoadPolicy(DateOnly today)
    {
        if (string.IsNullOrEmpty(PolicyFile) || ReadOrNull(PolicyFile) is not { } text)
        {
            return StandardsPolicy.Default;
        }

        return PolicyLoader.Load(PolicyFile, text, today).Policy;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
