using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Base of the per-project tasks that apply standards.json to one project: the inputs they share (policy file,
/// repo root, project, kind, the files that may set properties, today's date) and the few lines that turn them
/// into an <see cref="EffectivePolicy"/>.
/// </summary>
public abstract class ProjectPolicyTask : StandardsTask
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

    /// <summary>Files that may set the checked properties (Directory.Build.props/targets), searched for the line to report.</summary>
    public ITaskItem[] SettingFiles { get; set; } = [];

    /// <summary>Final TreatWarningsAsErrors: our warnings are logged as errors too.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Overrides today's date (YYYY-MM-DD) for exception expiry; used by tests.</summary>
    public string? Today { get; set; }

    /// <summary>
    /// The files that set properties, in the order evaluation reads them: the .props among
    /// <see cref="SettingFiles"/> (Directory.Build.props, Directory.Packages.props, hooks), the project, then the
    /// others (Directory.Build.targets). The last definition in this order is the one that counts.
    /// </summary>
    protected IReadOnlyList<string> ProjectAndSettingFiles
    {
        get
        {
            var settings = SettingFiles.Select(f => f.ItemSpec).Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
            return [.. settings.Where(IsProps), ProjectFile, .. settings.Where(f => !IsProps(f))];

            static bool IsProps(string file) => file.EndsWith(".props", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// Where a property of this project gets its final value (the line a finding about it points at): the setting
    /// files and their imports, global properties and the environment, as the checks locate them.
    /// </summary>
    protected PropertyLocation LocateProperty(string property) =>
        new MsBuildPropertyLocator(ProjectFile, ProjectAndSettingFiles, ReadOrNull, GlobalPropertyNames, Environment.GetEnvironmentVariable).Locate(property);

    /// <summary>Names of the build's global properties (-p:), which beat every file; empty when the engine cannot say.</summary>
    protected IReadOnlySet<string> GlobalPropertyNames =>
        BuildEngine is IBuildEngine6 engine
            ? new HashSet<string>(engine.GetGlobalProperties().Keys, StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date exceptions are judged against: <see cref="Today"/> when set, else the machine's date.</summary>
    protected DateOnly ResolveToday() => ResolveToday(Today);

    /// <summary>Reads <see cref="PolicyFile"/>; see <see cref="StandardsTask.LoadPolicy(string?, DateOnly, List{Finding}?)"/>.</summary>
    protected StandardsPolicy LoadPolicy(DateOnly today, List<Finding>? findings) => LoadPolicy(PolicyFile, today, findings);

    /// <summary>
    /// Logs a check's findings. Those of the rules in <paramref name="configurable"/> go through standards.json: the
    /// severity its "rules" section sets, and its exception entries, which waive a finding until they expire (the
    /// check's target must then have today's date among its inputs). The others keep the severity the check gave them:
    /// their rule pages say they are not configurable.
    /// </summary>
    protected bool LogFindings(StandardsPolicy policy, DateOnly today, IEnumerable<Finding> findings, params string[] configurable)
    {
        var reporter = FindingReporter.ForProject(policy, CreateProjectContext(), today);
        var fixedSeverity = new List<Finding>();
        foreach (var finding in findings)
        {
            if (configurable.Contains(finding.Code, StringComparer.Ordinal))
            {
                reporter.Add(WithPolicySeverity(finding, reporter));
            }
            else
            {
                fixedSeverity.Add(finding);
            }
        }

        return LogAndRecord([.. fixedSeverity, .. reporter.Findings], policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    /// <summary>
    /// The finding at the severity standards.json gives its rule here (None under a project-wide exception). A finding
    /// the check lowered to Info (an acknowledged fallback) stays Info; a rule that is Info by default (STD6043) can be
    /// turned off.
    /// </summary>
    protected static Finding WithPolicySeverity(Finding finding, FindingReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(reporter);
        var rule = RuleCatalog.Get(finding.Code);
        if (finding.Severity == Severity.Info && rule.DefaultSeverity != Severity.Info)
        {
            return finding;
        }

        var configured = reporter.SeverityOf(rule.Id);
        return configured == rule.DefaultSeverity ? finding : finding with { Severity = configured };
    }

    /// <summary>
    /// The adoption baseline at <paramref name="path"/>, read leniently: the repository checks report a damaged file
    /// (STD3901); here an entry that cannot be read accepts nothing, so a damaged file makes the build fail, never pass.
    /// Null when there is no file.
    /// </summary>
    protected static Checks.Baseline.BaselineFile? ReadBaselineFile(string? path)
    {
        if (path is not { Length: > 0 } || !File.Exists(path))
        {
            return null;
        }

        // Not read (a FIFO, over the size limit): no entry accepts anything; the repository checks report it (STD0007).
        var text = FileReading.ReadSettings(path, out _);
        return text is null ? null : Checks.Baseline.BaselineFile.Parse(Path.GetFileName(path), text).Baseline;
    }

    /// <summary>The project as the checks see it: name, kind and folder relative to the repo root.</summary>
    protected ProjectContext CreateProjectContext()
    {
        var kind = ProjectKinds.IsKnown(ProjectKind) ? ProjectKind.ToLowerInvariant() : ProjectKinds.Library;
        var projectDir = Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? RepoRoot;
        var relativeDir = Glob.Normalize(Path.GetRelativePath(RepoRoot, projectDir));
        return new ProjectContext(Path.GetFileNameWithoutExtension(ProjectFile), kind, relativeDir == "." ? string.Empty : relativeDir);
    }
}
