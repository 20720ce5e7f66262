using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Reads standards.json, checks the project's locked settings and name, and writes the analyzer config and
/// CodeMetricsConfig.txt that carry the policy to the compiler. All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class ApplyStandardsPolicy : ProjectPolicyTask
{
    /// <summary>Final Nullable value.</summary>
    public string? Nullable { get; set; }

    /// <summary>Final WarningsAsErrors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>True in CI and Release builds.</summary>
    public bool WarningsAsErrorsRequired { get; set; }

    /// <summary>Final NoWarn.</summary>
    public string? NoWarn { get; set; }

    /// <summary>Final WarningsNotAsErrors.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The analyzer config files the compiler reads (.editorconfig, .globalconfig); the repo's own are checked for locked rules turned down.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>The project's source files (for file-scoped exceptions).</summary>
    public ITaskItem[] CompileFiles { get; set; } = [];

    /// <summary>Where to write the analyzer config.</summary>
    [Required]
    public string GlobalConfigFile { get; set; } = string.Empty;

    /// <summary>Where to write CodeMetricsConfig.txt.</summary>
    [Required]
    public string CodeMetricsConfigFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var findings = new List<Finding>();
        var policy = LoadPolicy(today, findings);
        var project = CreateProjectContext();
        var effective = new EffectivePolicy(policy, project, today);

        var settings = new LockedSettings(
            ProjectFile,
            ProjectAndSettingFiles,
            Nullable ?? string.Empty,
            WarningsAsErrors ?? string.Empty,
            TreatWarningsAsErrors,
            WarningsAsErrorsRequired,
            NoWarn ?? string.Empty,
            WarningsNotAsErrors ?? string.Empty,
            RepoAnalyzerConfigFiles());
        findings.AddRange(LockedSettingsCheck.Run(settings, effective, ReadOrNull));
        findings.AddRange(ProjectNameCheck.Run(ProjectFile, effective));

        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: checked the build policy of {0} ({1}).",
            project.Name, policy.SourcePath is null ? "profile defaults, no standards.json" : policy.SourcePath);
        WriteIfChanged(GlobalConfigFile, AnalyzerConfigWriter.Write(effective, RepoRoot, CompileFiles.Select(f => f.GetMetadata("FullPath"))));
        WriteIfChanged(CodeMetricsConfigFile, AnalyzerConfigWriter.CodeMetricsConfig(effective));
        return TaskLogging.LogFindings(Log, findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    /// <summary>
    /// The .editorconfig/.globalconfig files that belong to the repo: below the repo root, outside obj/ and bin/
    /// (the SDK's own analysis-level configs and our generated one are not the user's to check).
    /// </summary>
    private List<string> RepoAnalyzerConfigFiles()
    {
        var root = Path.GetFullPath(RepoRoot);
        return [.. AnalyzerConfigFiles
            .Select(f => f.GetMetadata("FullPath"))
            .Where(f => !string.IsNullOrEmpty(f) && f.StartsWith(root, StringComparison.Ordinal))
            .Where(f => Glob.Normalize(Path.GetRelativePath(root, f)).Split('/') is var parts && !parts.Contains("obj") && !parts.Contains("bin"))
            .Distinct(StringComparer.Ordinal)];
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
