using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>Where the policy check writes the files that carry the policy to the compiler.</summary>
/// <param name="GlobalConfigFile">The generated analyzer config.</param>
/// <param name="SurveyConfigFile">The global config a survey build adds (the policy's errors as warnings); none when null or empty.</param>
/// <param name="CodeMetricsConfigFile">CodeMetricsConfig.txt.</param>
/// <param name="NotWritableFix">How to fix a folder these cannot be written to (STD0008).</param>
/// <param name="LockedConfigFile">The global config of the locked rules' severities (above the repo's own global configs); none when null or empty.</param>
public sealed record ProjectPolicyOutputs(string GlobalConfigFile, string? SurveyConfigFile, string CodeMetricsConfigFile, string NotWritableFix, string? LockedConfigFile = null);

/// <summary>What the policy check of one project reads.</summary>
/// <param name="Settings">The project's final settings the locked-settings check reads.</param>
/// <param name="RepoRoot">The repo root, as file-scoped exceptions are relative to it.</param>
/// <param name="RepoRelativeProject">The project file relative to the repo root ('/'), as the adoption baseline names it.</param>
/// <param name="Baseline">The repo's adoption baseline; null when there is none.</param>
/// <param name="Outputs">Where the analyzer configs go.</param>
public sealed record ProjectPolicyInput(LockedSettings Settings, string RepoRoot, string RepoRelativeProject, BaselineFile? Baseline, ProjectPolicyOutputs Outputs);

/// <summary>
/// The build policy of one project, without MSBuild: checks its locked settings (<see cref="LockedSettingsCheck"/>) and
/// name (<see cref="ProjectNameCheck"/>), and writes the analyzer config, the survey config and CodeMetricsConfig.txt
/// that carry the policy to the compiler, each only when its content changed. Findings go to the reporter; the lines
/// the build log shows are returned.
/// </summary>
public static class ProjectPolicyCheck
{
    /// <summary>Runs the check; a file the settings name that exists but cannot be read is STD0007.</summary>
    public static IReadOnlyList<string> Run(ProjectPolicyInput input, EffectivePolicy effective, FindingReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(effective);
        ArgumentNullException.ThrowIfNull(reporter);
        var unreadable = new List<UnreadablePath>();
        reporter.AddRange(LockedSettingsCheck.Run(input.Settings, effective, path => FileReading.ReadRecording(path, unreadable)));
        reporter.AddRange(ProjectNameCheck.Run(input.Settings.ProjectFile, effective, input.Baseline, input.RepoRelativeProject));
        ReportUnreadable(reporter, unreadable);
        WriteAnalyzerConfigs(input, effective, reporter, GlobalLevels(input.Settings, path => FileReading.ReadRecording(path, [])));
        return Summary(effective);
    }

    /// <summary>The STD0007 findings for files a per-project check could not read.</summary>
    public static void ReportUnreadable(FindingReporter reporter, IEnumerable<UnreadablePath> unreadable)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(unreadable);
        foreach (var u in unreadable)
        {
            reporter.Report(PolicyRuleIds.InputUnreadable,
                $"{u.Path} exists but could not be read ({u.Reason}), so Standards.Sdk could not check what it sets for this project. Make it readable by the build, or repair or remove the link.",
                u.Path);
        }
    }

    /// <summary>What the build log says: which policy was checked, and the diagnostics it sets that Standards.Sdk does not manage.</summary>
    private static List<string> Summary(EffectivePolicy effective)
    {
        var policy = effective.Policy;
        var lines = new List<string>
        {
            $"Standards.Sdk: checked the build policy of {effective.Project.Name} ({(policy.SourcePath is null ? "profile defaults, no standards.json" : policy.SourcePath)}).",
        };
        if (policy.ExternalRules.Count > 0)
        {
            // Accepted as written: Standards.Sdk does not know these ids, so the summary says which ones they are.
            lines.Add($"Standards.Sdk: standards.json sets {policy.ExternalRules.Count} diagnostic(s) Standards.Sdk does not manage, applied as written through the generated analyzer config: "
                + string.Join(", ", policy.ExternalRules.Values.OrderBy(r => r.RuleId, StringComparer.OrdinalIgnoreCase)
                    .Select(r => $"{r.RuleId}={(effective.ExternalSeverity(r) is { } severity ? SeverityNames.ToRoslyn(severity) : "its default")}"))
                + ".");
        }

        return lines;
    }

    /// <summary>The analyzer config (and the survey config when asked) and CodeMetricsConfig.txt, each written only when changed.</summary>
    private static void WriteAnalyzerConfigs(ProjectPolicyInput input, EffectivePolicy effective, FindingReporter reporter, IReadOnlyList<int> taken)
    {
        var outputs = input.Outputs;
        var (config, unwritable) = AnalyzerConfigWriter.WriteConfig(effective, input.RepoRoot, input.Settings.CompileFiles, AnalyzerConfigWriter.LevelFor(taken));
        ReportUnwritable(reporter, unwritable);
        var notWritten = new List<string>();
        StateWriter.TryWriteIfChanged(outputs.GlobalConfigFile, config, notWritten);
        if (outputs.LockedConfigFile is { Length: > 0 } lockedConfig)
        {
            // Honoured, as everywhere, only as a command-line switch (a file that sets it is STD0102).
            var settings = input.Settings;
            var survey = settings.Switch(LockedSettingsCheck.SurveyBuildProperty).Equals("true", StringComparison.OrdinalIgnoreCase)
                && settings.GlobalProperties?.Contains(LockedSettingsCheck.SurveyBuildProperty) != false;
            StateWriter.TryWriteIfChanged(lockedConfig, AnalyzerConfigWriter.LockedConfig(effective, AnalyzerConfigWriter.LockedLevelFor(taken), survey), notWritten);
        }

        if (outputs.SurveyConfigFile is { Length: > 0 } surveyConfig)
        {
            StateWriter.TryWriteIfChanged(surveyConfig, AnalyzerConfigWriter.SurveyConfig(config), notWritten);
        }

        StateWriter.TryWriteIfChanged(outputs.CodeMetricsConfigFile, AnalyzerConfigWriter.CodeMetricsConfig(effective), notWritten);
        if (notWritten.Count > 0)
        {
            reporter.Add(StateWriter.NotWritten(notWritten, "the analyzer config that carries the policy to the compiler", outputs.NotWritableFix, outputs.GlobalConfigFile));
        }
    }

    /// <summary>
    /// The global_level of every other global config the compiler reads (the repo's, the analyzers' analysis-level
    /// ones), so that the configs Standards.Sdk writes take levels none of them has; one that cannot be read was
    /// already reported by the locked-settings check.
    /// </summary>
    private static List<int> GlobalLevels(LockedSettings settings, Func<string, string?> read) =>
        [.. (settings.AnalyzerConfigFiles ?? [])
            .Distinct(StringComparer.Ordinal)
            .Select(p => (Path: p, Text: read(p)))
            .Where(c => c.Text is not null)
            .Select(c => AnalyzerConfigDocument.Parse(c.Path, c.Text!))
            .Where(d => d.IsGlobal)
            .Select(d => d.GlobalLevel)];

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
}
