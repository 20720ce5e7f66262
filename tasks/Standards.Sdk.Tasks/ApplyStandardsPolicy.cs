using System.Globalization;
using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Reads standards.json, checks the project's locked settings and name, and writes the analyzer config and
/// CodeMetricsConfig.txt that carry the policy to the compiler. All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class ApplyStandardsPolicy : StandardsTask
{
    /// <summary>standards.json found above the project, or empty for the defaults.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>Repo root (folder of global.json, else the project folder).</summary>
    [Required]
    public string RepoRoot { get; set; } = string.Empty;

    /// <summary>The project file.</summary>
    [Required]
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The project kind (already validated by the targets, re-checked here).</summary>
    [Required]
    public string ProjectKind { get; set; } = string.Empty;

    /// <summary>Files that may set the locked properties, searched for the line to report.</summary>
    public ITaskItem[] SettingFiles { get; set; } = [];

    /// <summary>Final Nullable value.</summary>
    public string? Nullable { get; set; }

    /// <summary>Final WarningsAsErrors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>Final TreatWarningsAsErrors.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>True in CI and Release builds.</summary>
    public bool WarningsAsErrorsRequired { get; set; }

    /// <summary>Final NoWarn.</summary>
    public string? NoWarn { get; set; }

    /// <summary>Final WarningsNotAsErrors.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The project's source files (for file-scoped exceptions).</summary>
    public ITaskItem[] CompileFiles { get; set; } = [];

    /// <summary>Overrides today's date (YYYY-MM-DD) for exception expiry; used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>Where to write the analyzer config.</summary>
    [Required]
    public string GlobalConfigFile { get; set; } = string.Empty;

    /// <summary>Where to write CodeMetricsConfig.txt.</summary>
    [Required]
    public string CodeMetricsConfigFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = DateOnly.TryParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : DateOnly.FromDateTime(System.DateTime.Today);
        var findings = new List<Finding>();
        var policy = LoadPolicy(today, findings);
        var kind = ProjectKinds.IsKnown(ProjectKind) ? ProjectKind.ToLowerInvariant() : ProjectKinds.Library;
        var projectDir = Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? RepoRoot;
        var relativeDir = Glob.Normalize(Path.GetRelativePath(RepoRoot, projectDir));
        var project = new ProjectContext(Path.GetFileNameWithoutExtension(ProjectFile), kind, relativeDir == "." ? string.Empty : relativeDir);
        var effective = new EffectivePolicy(policy, project, today);

        var settings = new LockedSettings(
            ProjectFile,
            [ProjectFile, .. SettingFiles.Select(f => f.ItemSpec)],
            Nullable ?? string.Empty,
            WarningsAsErrors ?? string.Empty,
            TreatWarningsAsErrors,
            WarningsAsErrorsRequired,
            NoWarn ?? string.Empty,
            WarningsNotAsErrors ?? string.Empty);
        findings.AddRange(LockedSettingsCheck.Run(settings, effective, ReadOrNull));
        findings.AddRange(ProjectNameCheck.Run(ProjectFile, effective));

        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: checked the build policy of {0} ({1}).",
            project.Name, policy.SourcePath is null ? "profile defaults, no standards.json" : policy.SourcePath);
        WriteIfChanged(GlobalConfigFile, AnalyzerConfigWriter.Write(effective, RepoRoot, CompileFiles.Select(f => f.GetMetadata("FullPath"))));
        WriteIfChanged(CodeMetricsConfigFile, AnalyzerConfigWriter.CodeMetricsConfig(effective));
        return TaskLogging.LogFindings(Log, findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private StandardsPolicy LoadPolicy(DateOnly today, List<Finding> findings)
    {
        if (string.IsNullOrEmpty(PolicyFile) || !File.Exists(PolicyFile))
        {
            return StandardsPolicy.Default;
        }

        var text = ReadOrNull(PolicyFile);
        if (text is null)
        {
            findings.Add(new Finding("STD0001", Severity.Error, $"{PolicyFile} could not be read; check its permissions.", PolicyFile));
            return StandardsPolicy.Default;
        }

        var result = PolicyLoader.Load(PolicyFile, text, today);
        findings.AddRange(result.Findings);
        return result.Policy;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes only when the content changes, so the compiler's inputs keep their timestamps.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (ReadOrNull(path) == content)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content);
    }
}
