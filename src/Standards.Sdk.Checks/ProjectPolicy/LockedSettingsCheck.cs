using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.ProjectPolicy;

/// <summary>The final values of the build settings the policy locks, as MSBuild evaluated them.</summary>
/// <param name="ProjectFile">Absolute path of the project file.</param>
/// <param name="SettingFiles">The files evaluation reads that may set properties, in evaluation order (Directory.Build.props, the project, Directory.Build.targets); their imports are followed to find the line.</param>
/// <param name="Nullable">The final <c>Nullable</c> value.</param>
/// <param name="WarningsAsErrors">The final <c>WarningsAsErrors</c> list.</param>
/// <param name="TreatWarningsAsErrors">The final <c>TreatWarningsAsErrors</c>.</param>
/// <param name="WarningsAsErrorsRequired">True in CI and Release builds, where the policy requires warnings as errors.</param>
/// <param name="NoWarn">The final <c>NoWarn</c> list.</param>
/// <param name="WarningsNotAsErrors">The final <c>WarningsNotAsErrors</c> list.</param>
/// <param name="AnalyzerConfigFiles">Every .editorconfig and global analyzer config the compiler reads for this project (from anywhere), except the one Standards.Sdk generates.</param>
public sealed record LockedSettings(
    string ProjectFile,
    IReadOnlyList<string> SettingFiles,
    string Nullable,
    string WarningsAsErrors,
    bool TreatWarningsAsErrors,
    bool WarningsAsErrorsRequired,
    string NoWarn,
    string WarningsNotAsErrors,
    IReadOnlyList<string>? AnalyzerConfigFiles = null) : IPropertySources
{
    /// <summary>The project's source files (absolute), to know which analyzer config sections apply.</summary>
    public IReadOnlyList<string> CompileFiles { get; init; } = [];

    /// <summary>The repo root, for file-scoped exceptions.</summary>
    public string? RepoRoot { get; init; }

    /// <summary>
    /// Other final property values that can take a locked rule away: RunAnalyzers, RunAnalyzersDuringBuild,
    /// Features, CodeAnalysisRuleSet, StandardsBannedApis, StandardsNullableWarningsAsErrors.
    /// </summary>
    public IReadOnlyDictionary<string, string> Switches { get; init; } = new Dictionary<string, string>();

    /// <summary>File names of the analyzer assemblies the compiler gets, or null when not known (not checked).</summary>
    public IReadOnlyList<string>? AnalyzerAssemblies { get; init; }

    /// <summary>The additional files the compiler gets (full paths), or null when not known (not checked).</summary>
    public IReadOnlyList<string>? AdditionalFiles { get; init; }

    /// <summary>Standards.Sdk's banned-symbol lists this project must get (full paths).</summary>
    public IReadOnlyList<string> BannedApiLists { get; init; } = [];

    /// <summary>Names of the build's global properties (set with -p:), which beat every file.</summary>
    public IReadOnlySet<string>? GlobalProperties { get; init; }

    /// <summary>Reads an environment variable (MSBuild turns them into properties); null: none.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>A switch's value, or empty.</summary>
    public string Switch(string name) => Switches.TryGetValue(name, out var value) ? value.Trim() : string.Empty;
}

/// <summary>
/// A project may not weaken a locked setting unless standards.json has an unexpired exception for it (profile §1,
/// last row): nullable off or its warnings no longer errors (STD0101), warnings-as-errors off in CI (STD0102), a
/// locked rule silenced (STD0103). Every way the build can tell the compiler to drop a locked rule is checked
/// here, each reported at the line that does it: <c>NoWarn</c> and <c>WarningsNotAsErrors</c> (rule ids, the
/// <c>nullable</c> keyword and the nullable warnings CS8600...), analyzer config severities from any
/// .editorconfig or global config the compiler reads (by the compiler's precedence), a code-analysis rule set,
/// <c>RunAnalyzers</c>/<c>RunAnalyzersDuringBuild</c>, the <c>run-nullable-analysis</c> feature, the analyzer
/// assemblies and banned-API lists taken out of the compilation. What the source itself does (<c>#pragma</c>,
/// <c>#nullable</c>, <c>[SuppressMessage]</c>) is reported by the LockedRuleSuppressionAnalyzer.
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
        ArgumentNullException.ThrowIfNull(readFile);
        var context = new LockContext(settings, policy, readFile);
        Nullable(context);
        WarningsAsErrors(context);
        SurveyOutsideCommandLine(context);
        SilencedByProperties(context);
        AnalyzersTakenAway(context);
        SilencedInAnalyzerConfigs(context);
        SilencedInRuleSet(context);
        return context.Reporter.Findings;
    }

    /// <summary>The locked rule ids in force for this project, with the severity the policy gives each.</summary>
    public static IReadOnlyDictionary<string, Severity> LockedRulesInForce(EffectivePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (!Allowed(policy, PolicyRuleIds.LockedRuleSilenced))
        {
            return result;
        }

        foreach (var rule in RuleCatalog.All.Where(r => r.Locked && r.IsAnalyzerRule))
        {
            var severity = policy.SeverityOf(rule);
            if (severity != Severity.None && Allowed(policy, rule.Id))
            {
                result[rule.Id] = severity;
            }
        }

        return result;
    }

    /// <summary>
    /// A regular expression matching every id a project may not silence whatever the policy says (the locked
    /// analyzer rules, the nullable warnings and keyword, STD0101 and STD0103): Standards.Policy.targets uses it to
    /// catch a target that adds one to NoWarn after the policy check ran. A unit test keeps the copy there in step.
    /// </summary>
    public static string LockedIdPattern()
    {
        var ids = RuleCatalog.All.Where(r => r.Locked && r.IsAnalyzerRule).Select(r => r.Id)
            .Concat(NullableWarnings.Ids)
            .Concat(NullableWarnings.Ids.Select(id => id[2..]))
            .Append(NullableWarnings.Keyword)
            .Append(PolicyRuleIds.NullableLocked)
            .Append(PolicyRuleIds.LockedRuleSilenced);
        return $"(?i)^({string.Join('|', ids)})$";
    }

    /// <summary>True when nullable stays locked for this project (STD0101 on, no exception for the project).</summary>
    public static bool NullableLocked(EffectivePolicy policy) => Allowed(policy, PolicyRuleIds.NullableLocked);

    private static void Nullable(LockContext context)
    {
        if (!NullableLocked(context.Policy))
        {
            return;
        }

        NullableOff(context);
        NullableWarningsSilenced(context);
        NullableAnalysisDropped(context);
    }

    /// <summary>Nullable not enabled, or its warnings not errors.</summary>
    private static void NullableOff(LockContext context)
    {
        var settings = context.Settings;
        var nullableOn = string.Equals(settings.Nullable.Trim(), "enable", StringComparison.OrdinalIgnoreCase);
        var notAsErrors = SplitList(settings.WarningsNotAsErrors).Contains(NullableWarnings.Keyword, StringComparer.OrdinalIgnoreCase);
        var nullableAsErrors = !notAsErrors && SplitList(settings.WarningsAsErrors).Contains(NullableWarnings.Keyword, StringComparer.OrdinalIgnoreCase);
        if (!nullableOn || !nullableAsErrors)
        {
            var property = !nullableOn ? "Nullable" : notAsErrors ? "WarningsNotAsErrors" : "StandardsNullableWarningsAsErrors";
            var where = context.Locate(property, notAsErrors && nullableOn ? NullableWarnings.Keyword : null);
            var what = nullableOn ? $"{property} stops nullable warnings from being errors" : $"Nullable is '{settings.Nullable}'";
            context.Add(PolicyRuleIds.NullableLocked, $"{what}{where.Suffix}; the policy locks nullable reference types on with nullable warnings as errors. Remove the override " + context.ExceptionHint(PolicyRuleIds.NullableLocked), where);
        }
    }

    /// <summary>Nullable warnings in NoWarn or WarningsNotAsErrors.</summary>
    private static void NullableWarningsSilenced(LockContext context)
    {
        var settings = context.Settings;
        var silenced = SplitList(settings.NoWarn).Select(id => (Id: id, Property: "NoWarn", Verb: "silences"))
            .Concat(SplitList(settings.WarningsNotAsErrors).Where(id => !id.Equals(NullableWarnings.Keyword, StringComparison.OrdinalIgnoreCase))
                .Select(id => (Id: id, Property: "WarningsNotAsErrors", Verb: "keeps from being an error")))
            .Where(s => NullableWarnings.Covers(s.Id))
            .DistinctBy(s => (NullableWarnings.CompilerId(s.Id).ToUpperInvariant(), s.Property));
        foreach (var (id, property, verb) in silenced)
        {
            var where = context.Locate(property, id);
            var what = id.Equals(NullableWarnings.Keyword, StringComparison.OrdinalIgnoreCase) ? "every nullable warning" : $"nullable warning {NullableWarnings.CompilerId(id).ToUpperInvariant()}";
            context.Add(PolicyRuleIds.NullableLocked,
                $"{property} {verb} {what}{where.Suffix}; the policy makes nullable warnings errors. Fix the code (or annotate it), " + context.ExceptionHint(PolicyRuleIds.NullableLocked), where);
        }
    }

    /// <summary>WarningLevel 0 or nullable analysis switched off: no nullable warning is reported at all.</summary>
    private static void NullableAnalysisDropped(LockContext context)
    {
        if (int.TryParse(context.Settings.Switch("WarningLevel"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var level) && level <= 0)
        {
            var where = context.Locate("WarningLevel");
            context.Add(PolicyRuleIds.NullableLocked,
                $"WarningLevel is {level}{where.Suffix}: the compiler drops every warning, the nullable warnings included, before they can be errors. Remove it, " + context.ExceptionHint(PolicyRuleIds.NullableLocked), where);
        }

        var features = context.Settings.Switch("Features");
        if (features.Contains("run-nullable-analysis=never", StringComparison.OrdinalIgnoreCase)
            || features.Contains("run-nullable-analysis=false", StringComparison.OrdinalIgnoreCase))
        {
            var where = context.Locate("Features", "run-nullable-analysis=never");
            context.Add(PolicyRuleIds.NullableLocked,
                $"Features has run-nullable-analysis=never{where.Suffix}: the compiler skips nullable analysis, so no nullable warning is reported at all. Remove it, " + context.ExceptionHint(PolicyRuleIds.NullableLocked), where);
        }
    }

    private static void WarningsAsErrors(LockContext context)
    {
        var settings = context.Settings;
        if (settings.WarningsAsErrorsRequired && !settings.TreatWarningsAsErrors && Allowed(context.Policy, PolicyRuleIds.WarningsAsErrorsLocked))
        {
            var where = context.Locate("TreatWarningsAsErrors");
            context.Add(PolicyRuleIds.WarningsAsErrorsLocked,
                $"TreatWarningsAsErrors is off in a CI or Release build{where.Suffix}; the policy makes warnings errors there. Remove the override " + context.ExceptionHint(PolicyRuleIds.WarningsAsErrorsLocked),
                where);
        }
    }

    /// <summary>
    /// A survey build (StandardsSurveyBuild=true) compiles with warnings not errors, for the tool's one-off survey
    /// (docs/adopting.md). It is honoured only as a command-line switch: set in a file or the environment it would
    /// turn warnings-as-errors off for every build, so it is STD0102 like any other way to do that.
    /// </summary>
    private static void SurveyOutsideCommandLine(LockContext context)
    {
        var settings = context.Settings;
        if (!string.Equals(settings.Switch(SurveyBuildProperty), "true", StringComparison.OrdinalIgnoreCase)
            || settings.GlobalProperties is null || settings.GlobalProperties.Contains(SurveyBuildProperty)
            || !Allowed(context.Policy, PolicyRuleIds.WarningsAsErrorsLocked))
        {
            return;
        }

        var where = context.Locate(SurveyBuildProperty);
        context.Add(PolicyRuleIds.WarningsAsErrorsLocked,
            $"{SurveyBuildProperty} is true{where.Suffix}: a survey build compiles with warnings not errors, and only `dotnet standards adopt` and `dotnet standards survey` may ask for one, on the command line. Remove it.",
            where);
    }

    /// <summary>The property that asks for a survey build.</summary>
    public const string SurveyBuildProperty = "StandardsSurveyBuild";

    private static void SilencedByProperties(LockContext context)
    {
        var silenced = SplitList(context.Settings.NoWarn).Select(id => (Id: id, Property: "NoWarn"))
            .Concat(SplitList(context.Settings.WarningsNotAsErrors).Select(id => (Id: id, Property: "WarningsNotAsErrors")));
        foreach (var (id, property) in silenced.DistinctBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
        {
            if (context.Locked.ContainsKey(id) && RuleCatalog.Find(id) is { } rule)
            {
                var where = context.Locate(property, rule.Id);
                context.Add(PolicyRuleIds.LockedRuleSilenced,
                    $"{property} silences locked rule {rule.Id} ({rule.Title}){where.Suffix}. Fix the code instead, " + context.ExceptionHint(rule.Id), where);
            }
        }
    }

    /// <summary>
    /// True when the lock is in force for this project: no active exception allows weakening it, and the repo
    /// has not turned the lock itself off in standards.json ("STD0101": "none").
    /// </summary>
    internal static bool Allowed(EffectivePolicy policy, string ruleId) =>
        policy.ProjectException(ruleId) is null && SeverityOf(policy, ruleId) != Severity.None;

    internal static Severity SeverityOf(EffectivePolicy policy, string ruleId) => policy.SeverityOf(RuleCatalog.Get(ruleId));

    internal static string[] SplitList(string value) =>
        value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>What the parts of the check share: the settings, the policy, where properties are set, and the findings.</summary>
    private sealed class LockContext
    {
        private readonly Lazy<MsBuildPropertyLocator> locator;

        public LockContext(LockedSettings settings, EffectivePolicy policy, FileReader readFile)
        {
            Settings = settings;
            Policy = policy;
            Reporter = FindingReporter.ForProject(policy);
            ReadFile = readFile;
            Locked = LockedRulesInForce(policy);
            locator = MsBuildPropertyLocator.For(settings, path => readFile(path));
        }

        public LockedSettings Settings { get; }

        public EffectivePolicy Policy { get; }

        public FileReader ReadFile { get; }

        public IReadOnlyDictionary<string, Severity> Locked { get; }

        public FindingReporter Reporter { get; }

        public MsBuildPropertyLocator Locator => locator.Value;

        public PropertyLocation Locate(string property, string? containing = null) => Locator.Locate(property, containing);

        public string ExceptionHint(string rule) =>
            $"or add an exception to standards.json: {{ \"rule\": \"{rule}\", \"scope\": \"{Policy.Project.Name}\", \"owner\": \"...\", \"reason\": \"...\", \"expires\": \"YYYY-MM-DD\" }}.";

        public void Add(string code, string message, PropertyLocation where) => Add(code, message, where.File, where.Line);

        public void Add(string code, string message, string file, int line) =>
            Reporter.Report(code, message, file, line);
    }
}
