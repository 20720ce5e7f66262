using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
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

    /// <summary>Where to write CodeMetricsConfig.txt.</summary>
    [Required]
    public string CodeMetricsConfigFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var problems = new List<Finding>();
        var policy = LoadPolicy(today, problems);
        var project = CreateProjectContext();
        var effective = new EffectivePolicy(policy, project, today);
        var reporter = FindingReporter.ForProject(effective);
        reporter.AddRange(problems);
        var unreadable = new List<UnreadablePath>();
        var compileFiles = CompileFiles.Select(f => f.GetMetadata("FullPath")).Where(f => f.Length > 0).ToList();
        reporter.AddRange(LockedSettingsCheck.Run(CreateLockedSettings(compileFiles), effective, path => ReadRecording(path, unreadable)));
        reporter.AddRange(ProjectNameCheck.Run(ProjectFile, effective, ReadBaselineFile(BaselineFile), Glob.Normalize(Path.GetRelativePath(RepoRoot, Path.GetFullPath(ProjectFile)))));
        ReportUnreadable(reporter, unreadable);
        LogSummary(project, policy, effective);
        WriteAnalyzerConfigs(effective, compileFiles, reporter);
        return TaskLogging.LogFindings(Log, reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
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

    private void LogSummary(ProjectContext project, StandardsPolicy policy, EffectivePolicy effective)
    {
        Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: checked the build policy of {0} ({1}).",
            project.Name, policy.SourcePath is null ? "profile defaults, no standards.json" : policy.SourcePath);
        if (policy.ExternalRules.Count > 0)
        {
            // Accepted as written: Standards.Sdk does not know these ids, so the summary says which ones they are.
            Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: standards.json sets {0} diagnostic(s) Standards.Sdk does not manage, applied as written through the generated analyzer config: {1}.",
                policy.ExternalRules.Count,
                string.Join(", ", policy.ExternalRules.Values.OrderBy(r => r.RuleId, StringComparer.OrdinalIgnoreCase)
                    .Select(r => $"{r.RuleId}={(effective.ExternalSeverity(r) is { } severity ? SeverityNames.ToRoslyn(severity) : "its default")}")));
        }
    }

    /// <summary>The analyzer config (and the survey config when asked) and CodeMetricsConfig.txt, each written only when changed.</summary>
    private void WriteAnalyzerConfigs(EffectivePolicy effective, List<string> compileFiles, FindingReporter reporter)
    {
        var (config, unwritable) = AnalyzerConfigWriter.WriteConfig(effective, RepoRoot, compileFiles);
        ReportUnwritable(reporter, unwritable);
        var notWritten = new List<string>();
        StateWriter.TryWriteIfChanged(GlobalConfigFile, config, notWritten);
        if (SurveyConfigFile is { Length: > 0 } surveyConfig)
        {
            StateWriter.TryWriteIfChanged(surveyConfig, AnalyzerConfigWriter.SurveyConfig(config), notWritten);
        }

        StateWriter.TryWriteIfChanged(CodeMetricsConfigFile, AnalyzerConfigWriter.CodeMetricsConfig(effective), notWritten);
        if (notWritten.Count > 0)
        {
            reporter.Add(NotWritten(notWritten, "the analyzer config that carries the policy to the compiler", IntermediateFolderFix, GlobalConfigFile));
        }
    }


    /// <summary>STD0104 for source files a file-scoped exception covers but the analyzer config cannot name.</summary>
    private static void ReportUnwritable(FindingReporter reporter, IReadOnlyList<(string File, string Rule)> unwritable)
    {
        foreach (var g in unwritable.GroupBy(u => u.File))
        {
            reporter.Report(PolicyRuleIds.FileExceptionNotApplicable,
                $"The exception for {string.Join(", ", g.Select(u => u.Rule))} in standards.json covers this file, but its name has a line break, which no analyzer config section can name, so the rule still applies here. Rename the file, or fix the code.",
                g.Key);
        }
    }

    /// <summary>
    /// Every analyzer config the compiler reads, wherever it is (a .globalconfig above the repo root counts as much
    /// as one inside it), except the one this task writes.
    /// </summary>
    private List<string> CompilerAnalyzerConfigFiles()
    {
        var ours = Path.GetFullPath(GlobalConfigFile);
        return [.. AnalyzerConfigFiles
            .Select(f => f.GetMetadata("FullPath"))
            .Where(f => !string.IsNullOrEmpty(f) && !string.Equals(f, ours, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }
}
