using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.ProjectPolicy;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Reads standards.json, checks the project's locked settings and name, and writes the analyzer config and
/// CodeMetricsConfig.txt that carry the policy to the compiler. The check is <see cref="ProjectPolicyCheck"/>; this
/// task reads its parameters, runs it and logs.
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

    /// <summary>Every analyzer config file the compiler reads (.editorconfig, .globalconfig, from anywhere); each is checked for locked rules turned down.</summary>
    public ITaskItem[] AnalyzerConfigFiles { get; set; } = [];

    /// <summary>Final RunAnalyzers.</summary>
    public string? RunAnalyzers { get; set; }

    /// <summary>Final RunAnalyzersDuringBuild.</summary>
    public string? RunAnalyzersDuringBuild { get; set; }

    /// <summary>Final Features (compiler feature flags).</summary>
    public string? Features { get; set; }

    /// <summary>Final WarningLevel.</summary>
    public string? WarningLevel { get; set; }

    /// <summary>Final CodeAnalysisRuleSet.</summary>
    public string? CodeAnalysisRuleSet { get; set; }

    /// <summary>Final StandardsSurveyBuild (honoured only on the command line).</summary>
    public string? StandardsSurveyBuild { get; set; }

    /// <summary>Final StandardsBannedApis.</summary>
    public string? StandardsBannedApis { get; set; }

    /// <summary>The analyzer assemblies the compiler gets (@(Analyzer)); MSBuild leaves an empty list unset.</summary>
    public ITaskItem[] Analyzers { get; set; } = [];

    /// <summary>The additional files the compiler gets (@(AdditionalFiles)); MSBuild leaves an empty list unset.</summary>
    public ITaskItem[] AdditionalFiles { get; set; } = [];

    /// <summary>Standards.Sdk's banned-symbol lists this project must get.</summary>
    public ITaskItem[] BannedApiLists { get; set; } = [];

    /// <summary>The project's source files (for file-scoped exceptions).</summary>
    public ITaskItem[] CompileFiles { get; set; } = [];

    /// <summary>The repo's adoption baseline (standards-baseline.json); an STD1007 entry for this project accepts its finding.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Where to write the analyzer config.</summary>
    [Required]
    public string GlobalConfigFile { get; set; } = string.Empty;

    /// <summary>Where to write the global config a survey build adds (the policy's errors as warnings); none when empty.</summary>
    public string? SurveyConfigFile { get; set; }

    /// <summary>The locked config: the locked rules' severities above the repo's own global configs (Standards.locked.globalconfig).</summary>
    public string? LockedConfigFile { get; set; }

    /// <summary>Where to write CodeMetricsConfig.txt.</summary>
    [Required]
    public string CodeMetricsConfigFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var problems = new List<Finding>();
        var policy = LoadPolicy(today, problems);
        var effective = new EffectivePolicy(policy, CreateProjectContext(), today);
        var reporter = FindingReporter.ForProject(effective);
        reporter.AddRange(problems);
        var compileFiles = CompileFiles.Select(f => f.GetMetadata("FullPath")).Where(f => f.Length > 0).ToList();
        var input = new ProjectPolicyInput(CreateLockedSettings(compileFiles), RepoRoot, Glob.Normalize(Path.GetRelativePath(RepoRoot, Path.GetFullPath(ProjectFile))),
            ReadBaselineFile(BaselineFile), new ProjectPolicyOutputs(GlobalConfigFile, SurveyConfigFile, CodeMetricsConfigFile, IntermediateFolderFix, LockedConfigFile));
        foreach (var line in ProjectPolicyCheck.Run(input, effective, reporter))
        {
            Log.LogMessage(MessageImportance.Normal, "{0}", line);
        }

        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    /// <summary>The settings the locked-settings check reads, from the task's parameters.</summary>
    private LockedSettings CreateLockedSettings(List<string> compileFiles) =>
        new(
            ProjectFile,
            ProjectAndSettingFiles,
            Nullable ?? string.Empty,
            WarningsAsErrors ?? string.Empty,
            TreatWarningsAsErrors,
            WarningsAsErrorsRequired,
            NoWarn ?? string.Empty,
            WarningsNotAsErrors ?? string.Empty,
            CompilerAnalyzerConfigFiles())
        {
            CompileFiles = compileFiles,
            RepoRoot = Path.GetFullPath(RepoRoot),
            Switches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["RunAnalyzers"] = RunAnalyzers ?? string.Empty,
                ["RunAnalyzersDuringBuild"] = RunAnalyzersDuringBuild ?? string.Empty,
                ["Features"] = Features ?? string.Empty,
                ["WarningLevel"] = WarningLevel ?? string.Empty,
                ["CodeAnalysisRuleSet"] = CodeAnalysisRuleSet ?? string.Empty,
                ["StandardsBannedApis"] = StandardsBannedApis ?? string.Empty,
                [LockedSettingsCheck.SurveyBuildProperty] = StandardsSurveyBuild ?? string.Empty,
            },
            AnalyzerAssemblies = [.. Analyzers.Select(a => a.GetMetadata("FullPath"))],
            AdditionalFiles = [.. AdditionalFiles.Select(a => a.GetMetadata("FullPath"))],
            BannedApiLists = [.. BannedApiLists.Select(a => a.GetMetadata("FullPath"))],
            GlobalProperties = GlobalPropertyNames,
            Environment = System.Environment.GetEnvironmentVariable,
        };

    /// <summary>
    /// Every analyzer config the compiler reads, wherever it is (a .globalconfig above the repo root counts as much
    /// as one inside it), except the ones this task writes.
    /// </summary>
    private List<string> CompilerAnalyzerConfigFiles()
    {
        var ours = Path.GetFullPath(GlobalConfigFile);
        var locked = string.IsNullOrEmpty(LockedConfigFile) ? ours : Path.GetFullPath(LockedConfigFile);
        return [.. AnalyzerConfigFiles
            .Select(f => f.GetMetadata("FullPath"))
            .Where(f => !string.IsNullOrEmpty(f) && !string.Equals(f, ours, StringComparison.Ordinal) && !string.Equals(f, locked, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }
}
