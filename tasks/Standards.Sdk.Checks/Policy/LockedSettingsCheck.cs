using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Policy;

/// <summary>The final values of the build settings the policy locks, as MSBuild evaluated them.</summary>
/// <param name="ProjectFile">Absolute path of the project file.</param>
/// <param name="SettingFiles">Files that may set properties (project file first, then Directory.Build.props/targets), used to find the line.</param>
/// <param name="Nullable">The final <c>Nullable</c> value.</param>
/// <param name="WarningsAsErrors">The final <c>WarningsAsErrors</c> list.</param>
/// <param name="TreatWarningsAsErrors">The final <c>TreatWarningsAsErrors</c>.</param>
/// <param name="WarningsAsErrorsRequired">True in CI and Release builds, where the policy requires warnings as errors.</param>
/// <param name="NoWarn">The final <c>NoWarn</c> list.</param>
/// <param name="WarningsNotAsErrors">The final <c>WarningsNotAsErrors</c> list.</param>
/// <param name="AnalyzerConfigFiles">The repo's own .editorconfig/.globalconfig files the compiler reads for this project.</param>
public sealed record LockedSettings(
    string ProjectFile,
    IReadOnlyList<string> SettingFiles,
    string Nullable,
    string WarningsAsErrors,
    bool TreatWarningsAsErrors,
    bool WarningsAsErrorsRequired,
    string NoWarn,
    string WarningsNotAsErrors,
    IReadOnlyList<string>? AnalyzerConfigFiles = null);

/// <summary>
/// A project may not weaken a locked setting — nullable off, warnings-as-errors off in CI, a locked rule
/// silenced — unless standards.json has an unexpired exception for it (profile §1, last row).
/// </summary>
public static partial class LockedSettingsCheck
{
    /// <summary>Reads a file's text; tests pass a fake. Returns null when the file cannot be read.</summary>
    public delegate string? FileReader(string path);

    /// <summary>Runs the check.</summary>
    public static IReadOnlyList<Finding> Run(LockedSettings settings, EffectivePolicy policy, FileReader readFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        string ExceptionHint(string rule) =>
            $"or add an exception to standards.json: {{ \"rule\": \"{rule}\", \"scope\": \"{policy.Project.Name}\", \"owner\": \"...\", \"reason\": \"...\", \"expires\": \"YYYY-MM-DD\" }}.";

        var nullableOn = string.Equals(settings.Nullable.Trim(), "enable", StringComparison.OrdinalIgnoreCase);
        var notAsErrors = SplitList(settings.WarningsNotAsErrors).Contains("nullable", StringComparer.OrdinalIgnoreCase);
        var nullableAsErrors = !notAsErrors && SplitList(settings.WarningsAsErrors).Contains("nullable", StringComparer.OrdinalIgnoreCase);
        if ((!nullableOn || !nullableAsErrors) && Allowed(policy, "STD0101"))
        {
            var property = !nullableOn ? "Nullable" : notAsErrors ? "WarningsNotAsErrors" : "StandardsNullableWarningsAsErrors";
            var (file, line) = Locate(settings, readFile, property);
            var what = nullableOn ? $"{property} stops nullable warnings from being errors" : $"Nullable is '{settings.Nullable}'";
            findings.Add(new Finding("STD0101", SeverityOf(policy, "STD0101"),
                $"{what}; the policy locks nullable reference types on with nullable warnings as errors. Remove the override " + ExceptionHint("STD0101"),
                file, line));
        }

        if (settings.WarningsAsErrorsRequired && !settings.TreatWarningsAsErrors && Allowed(policy, "STD0102"))
        {
            var (file, line) = Locate(settings, readFile, "TreatWarningsAsErrors");
            findings.Add(new Finding("STD0102", SeverityOf(policy, "STD0102"),
                "TreatWarningsAsErrors is off in a CI or Release build; the policy makes warnings errors there. Remove the override " + ExceptionHint("STD0102"),
                file, line));
        }

        var silenced = SplitList(settings.NoWarn).Select(id => (Id: id, Property: "NoWarn"))
            .Concat(SplitList(settings.WarningsNotAsErrors).Select(id => (Id: id, Property: "WarningsNotAsErrors")));
        foreach (var (id, property) in silenced.DistinctBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
        {
            var rule = RuleCatalog.Find(id);
            if (rule is null || !rule.Locked || policy.SeverityOf(rule) == Severity.None || !Allowed(policy, rule.Id) || !Allowed(policy, "STD0103"))
            {
                continue;
            }

            var (file, line) = Locate(settings, readFile, property, rule.Id);
            findings.Add(new Finding("STD0103", SeverityOf(policy, "STD0103"),
                $"{property} silences locked rule {rule.Id} ({rule.Title}). Fix the code instead, " + ExceptionHint(rule.Id),
                file, line));
        }

        findings.AddRange(SilencedInAnalyzerConfig(settings, policy, readFile, ExceptionHint));
        return findings;
    }

    /// <summary>
    /// A locked rule turned down in an .editorconfig or .globalconfig (<c>dotnet_diagnostic.RS0030.severity = none</c>)
    /// weakens the lock as surely as NoWarn does; reported at the line that does it.
    /// </summary>
    private static IEnumerable<Finding> SilencedInAnalyzerConfig(LockedSettings settings, EffectivePolicy policy, FileReader readFile, Func<string, string> exceptionHint)
    {
        if (!Allowed(policy, "STD0103"))
        {
            yield break;
        }

        foreach (var file in settings.AnalyzerConfigFiles ?? [])
        {
            var lines = readFile(file)?.Split('\n') ?? [];
            for (var i = 0; i < lines.Length; i++)
            {
                var match = SeverityEntry().Match(lines[i]);
                var rule = match.Success ? RuleCatalog.Find(match.Groups["id"].Value) : null;
                if (rule is null || !rule.Locked || policy.SeverityOf(rule) == Severity.None || !Allowed(policy, rule.Id))
                {
                    continue;
                }

                yield return new Finding("STD0103", SeverityOf(policy, "STD0103"),
                    $"{Path.GetFileName(file)} turns locked rule {rule.Id} ({rule.Title}) down to '{match.Groups["severity"].Value}'. Fix the code instead, " + exceptionHint(rule.Id),
                    file, i + 1);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*dotnet_diagnostic\.(?<id>[A-Za-z]+[0-9]+)\.severity\s*=\s*(?<severity>none|silent|suggestion|default)\s*(?:[#;].*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SeverityEntry();

    /// <summary>
    /// True when the lock is in force for this project: no active exception allows weakening it, and the repo
    /// has not turned the lock itself off in standards.json ("STD0101": "none").
    /// </summary>
    private static bool Allowed(EffectivePolicy policy, string ruleId) =>
        policy.ProjectException(ruleId) is null && SeverityOf(policy, ruleId) != Severity.None;

    private static Severity SeverityOf(EffectivePolicy policy, string ruleId) => policy.SeverityOf(RuleCatalog.Find(ruleId)!);

    private static string[] SplitList(string value) =>
        value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Finds the line that sets a property (optionally containing a value) in the project or its imports.</summary>
    private static (string File, int Line) Locate(LockedSettings settings, FileReader readFile, string property, string? containing = null) =>
        PropertyLines.Find(settings.SettingFiles, path => readFile(path), property, containing, settings.ProjectFile, 1);
}
