using System.Text.RegularExpressions;
using Standards.Sdk.Checks.ProjectPolicy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// How a CI build treats the warnings of one compilation (a project for one target framework), as a survey build
/// prints it: the compiler's warnings-as-errors settings with their CI values, and the ids the policy makes errors
/// (which the survey reports as warnings).
/// </summary>
/// <param name="TreatWarningsAsErrors">TreatWarningsAsErrors in CI.</param>
/// <param name="WarningsAsErrors">WarningsAsErrors in CI (ids, bare numbers, the <c>nullable</c> keyword).</param>
/// <param name="WarningsNotAsErrors">WarningsNotAsErrors.</param>
/// <param name="PolicyErrors">The ids the policy's analyzer config makes errors.</param>
public sealed record CiCompilation(bool TreatWarningsAsErrors, IReadOnlySet<string> WarningsAsErrors, IReadOnlySet<string> WarningsNotAsErrors, IReadOnlySet<string> PolicyErrors)
{
    /// <summary>
    /// True when a CI build fails on a warning with this code, as the compiler decides it: an error by the
    /// policy's configuration; else a warning that TreatWarningsAsErrors or WarningsAsErrors makes an error and
    /// WarningsNotAsErrors does not take back (the Csc task passes /warnaserror+: before /warnaserror-:, and the
    /// compiler applies them in order).
    /// </summary>
    public bool Fails(string code) =>
        PolicyErrors.Contains(code) || ((TreatWarningsAsErrors || Lists(WarningsAsErrors, code)) && !Lists(WarningsNotAsErrors, code));

    private static bool Lists(IReadOnlySet<string> ids, string code) =>
        ids.Contains(code)
        || ids.Any(id => string.Equals(NullableWarnings.CompilerId(id), code, StringComparison.OrdinalIgnoreCase))
        || (ids.Contains(NullableWarnings.Keyword) && NullableWarnings.Covers(code));
}

/// <summary>
/// Reads what a survey build (<c>-p:StandardsSurveyBuild=true</c>) prints for each compilation — the line
/// <c>Standards survey: &lt;project&gt; [&lt;tfm&gt;] TreatWarningsAsErrors=… WarningsAsErrors=… WarningsNotAsErrors=… ErrorsConfig=&lt;file&gt;</c>
/// of sdk/features/Standards.Survey.targets — and decides which of its findings a CI build fails on.
/// </summary>
public sealed partial class SurveyCompilations
{
    private readonly Dictionary<string, List<CiCompilation>> byProject;

    private SurveyCompilations(Dictionary<string, List<CiCompilation>> byProject) => this.byProject = byProject;

    [GeneratedRegex(@"^\s*Standards survey: (?<project>.+?) \[(?<tfm>[^\]]*)\] TreatWarningsAsErrors=(?<twae>\S*) WarningsAsErrors=(?<wae>\S*) WarningsNotAsErrors=(?<wnae>\S*) ErrorsConfig=(?<config>.+?)\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SurveyLine();

    /// <summary>How many compilations the survey build reported.</summary>
    public int Count => byProject.Values.Sum(l => l.Count);

    /// <summary>Reads the survey lines of a build's output.</summary>
    /// <param name="output">The console output.</param>
    /// <param name="root">The folder the build ran in (projects are keyed repo-relative, as <see cref="BuildOutput"/> names them).</param>
    /// <param name="readFile">Reads a survey config file the line names; null when it cannot be read.</param>
    public static SurveyCompilations Parse(string output, string root, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(readFile);
        var byProject = new Dictionary<string, List<CiCompilation>>(StringComparer.Ordinal);
        foreach (var rawLine in output.Split('\n'))
        {
            var match = SurveyLine().Match(rawLine.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var config = readFile(match.Groups["config"].Value);
            var compilation = new CiCompilation(
                string.Equals(match.Groups["twae"].Value, "true", StringComparison.OrdinalIgnoreCase),
                Ids(match.Groups["wae"].Value),
                Ids(match.Groups["wnae"].Value),
                config is null ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : new HashSet<string>(AnalyzerConfigWriter.SurveyErrorIds(config), StringComparer.OrdinalIgnoreCase));
            var project = BuildOutput.Relative(match.Groups["project"].Value.Trim(), root);
            if (!byProject.TryGetValue(project, out var list))
            {
                byProject[project] = list = [];
            }

            list.Add(compilation);
        }

        return new SurveyCompilations(byProject);
    }

    /// <summary>
    /// The diagnostics with the project that reported them filled in where the line names none: MSBuild prints the
    /// warning a check's error becomes in a survey build (WarnAndContinue: the policy, dependency and package metadata
    /// checks) without its project. A finding at a project file is that project's; a weakening in a source file
    /// (STD0101, STD0103) is the surveyed project's whose folder holds the file (the deepest one).
    /// </summary>
    public IReadOnlyList<BuildDiagnostic> WithProjects(IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return [.. diagnostics.Select(d => d.Project.Length > 0 || d.IsError ? d : d with { Project = OwnerOf(d) })];
    }

    private string OwnerOf(BuildDiagnostic diagnostic)
    {
        if (byProject.ContainsKey(diagnostic.File))
        {
            return diagnostic.File;
        }

        if (diagnostic.Code is not (PolicyRuleIds.NullableLocked or PolicyRuleIds.LockedRuleSilenced))
        {
            return string.Empty;
        }

        return byProject.Keys
            .Where(p => p.Contains('/', StringComparison.Ordinal) ? diagnostic.File.StartsWith(p[..(p.LastIndexOf('/') + 1)], StringComparison.Ordinal) : !diagnostic.File.Contains("../", StringComparison.Ordinal))
            .OrderByDescending(p => p.LastIndexOf('/'))
            .FirstOrDefault() ?? string.Empty;
    }

    /// <summary>
    /// True when a CI build fails on the finding: an error fails it anyway; a warning when the compiler would make
    /// it an error for any target framework of the project that reported it. A warning of a project the survey
    /// printed no line for (a project not on Standards.Sdk, the repository checks) is a warning in CI too: the
    /// survey build changes nothing there.
    /// </summary>
    public bool FailsInCi(BuildDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.IsError
            || (byProject.TryGetValue(diagnostic.Project, out var compilations) && compilations.Any(c => c.Fails(diagnostic.Code)));
    }

    /// <summary>
    /// The projects on Standards.Sdk the survey build compiled none of (no survey line for any target framework),
    /// each with why, so a count that misses their code findings says it is partial: the project's own error that
    /// stopped it before the compiler (a locked setting turned off, STD0101...), or, without one, a project it
    /// references that failed, or checks it skips. A project not on Standards.Sdk (old-style, left alone) is not
    /// one: the policy does not apply to it.
    /// </summary>
    /// <param name="projects">The repo-relative projects the survey built.</param>
    /// <param name="readProject">Reads a project's text (null when it cannot be read).</param>
    /// <param name="diagnostics">The survey build's diagnostics.</param>
    public IReadOnlyList<string> NotAnalysed(IEnumerable<string> projects, Func<string, string?> readProject, IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(readProject);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var result = new List<string>();
        foreach (var project in projects.Where(p => !byProject.ContainsKey(p) && ProjectFileEditor.IsOnStandardsSdk(readProject(p))))
        {
            var stop = diagnostics.FirstOrDefault(d => d.IsError && string.Equals(d.Project, project, StringComparison.Ordinal));
            var where = stop is null || stop.File.Length == 0 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" at {stop.File}({stop.Line})");
            result.Add(stop is null
                ? $"{project}: not analysed: the survey build compiled none of its code (a project it references failed before the compiler, or it skips the checks with StandardsSkipChecks); its code findings are not counted"
                : $"{project}: not analysed: its build stopped before the compiler on {stop.Code}{where}; its code findings are not counted until that is fixed");
        }

        return result;
    }

    private static HashSet<string> Ids(string list) =>
        new(list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
