using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// The one way a check raises a finding. A check says which rule, what is wrong and where; the reporter gives the
/// finding the severity the policy configures for the project (or the repository) it reports for, drops it when that
/// severity is None, drops it when an exception entry of standards.json covers it, and collects the rest. Checks never
/// look up a severity or an exception themselves, so the precedence docs/configuration.md documents (profile default,
/// kind, strict profile, standards.json, exception) is applied here and nowhere else.
/// <para>
/// Two kinds of reporter: <see cref="ForProject(EffectivePolicy)"/> reports for one project's build (a project-wide
/// exception turns the rule off for that project, as <see cref="EffectivePolicy.SeverityOf"/> says);
/// <see cref="ForRepository"/> reports for the repo-wide checks (the repository pseudo-project's severities; file
/// paths made repo-relative; each exception entry judged against the finding's file and the project it lies in, and
/// counted as <see cref="Excepted"/>; a finding raised twice is kept once). <see cref="For(ProjectContext)"/> is a view
/// that reports one project's finding into the same collection. The adoption baseline is applied to what the
/// repository reporter collected (<see cref="RepositoryCheckRunner"/>), since it judges the set (an entry no finding
/// matches any more is itself a finding).
/// </para>
/// </summary>
public sealed class FindingReporter
{
    private readonly Sink sink;
    private readonly bool projectExceptionsTurnRulesOff;

    private FindingReporter(EffectivePolicy policy, Sink sink, bool projectExceptionsTurnRulesOff)
    {
        Policy = policy;
        this.sink = sink;
        this.projectExceptionsTurnRulesOff = projectExceptionsTurnRulesOff;
    }

    /// <summary>The effective policy findings are judged by.</summary>
    public EffectivePolicy Policy { get; }

    /// <summary>The findings so far, in the order they were raised.</summary>
    public IReadOnlyList<Finding> Findings => sink.Findings;

    /// <summary>Findings an exception entry of standards.json dropped.</summary>
    public int Excepted => sink.Excepted;

    /// <summary>Findings raised so far, before exceptions and de-duplication (what a check's timing line counts).</summary>
    public int Raised => sink.Raised;

    /// <summary>A reporter for one project's build: its kind's severities, project-wide exceptions turn a rule off.</summary>
    public static FindingReporter ForProject(EffectivePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new FindingReporter(policy, new Sink(null, default, [], deduplicate: false), projectExceptionsTurnRulesOff: true);
    }

    /// <summary>A reporter for one project's build.</summary>
    public static FindingReporter ForProject(StandardsPolicy policy, ProjectContext project, DateOnly today) =>
        ForProject(new EffectivePolicy(policy, project, today));

    /// <summary>
    /// A reporter for the repo-wide checks over <paramref name="repository"/> (already scoped), or, without a snapshot,
    /// for what the repository checks' task reports about itself (no file of the repo to judge exceptions against).
    /// </summary>
    /// <param name="repositoryPolicy">The effective policy of the repository pseudo-project (the repository policy's <c>Effective</c>).</param>
    /// <param name="repository">The scoped snapshot, or null.</param>
    public static FindingReporter ForRepository(EffectivePolicy repositoryPolicy, RepositorySnapshot? repository)
    {
        ArgumentNullException.ThrowIfNull(repositoryPolicy);
        return new FindingReporter(repositoryPolicy, new Sink(repository, repositoryPolicy.Today, repositoryPolicy.Policy.Exceptions, deduplicate: true), projectExceptionsTurnRulesOff: false);
    }

    /// <summary>A view that reports <paramref name="project"/>'s findings (its kind, its exceptions) into the same collection.</summary>
    public FindingReporter For(ProjectContext project) =>
        new(new EffectivePolicy(Policy.Policy, project, Policy.Today), sink, projectExceptionsTurnRulesOff: true);

    /// <summary>
    /// The severity a finding of the rule gets here (None: the rule is off). Throws for an id the catalog does not
    /// declare (<see cref="RuleCatalog.Get"/>).
    /// </summary>
    public Severity SeverityOf(string ruleId)
    {
        var rule = RuleCatalog.Get(ruleId);
        return projectExceptionsTurnRulesOff ? Policy.SeverityOf(rule) : Policy.ConfiguredSeverity(rule);
    }

    /// <summary>True when the rule is on here.</summary>
    public bool IsOn(string ruleId) => SeverityOf(ruleId) != Severity.None;

    /// <summary>
    /// Raises a finding of <paramref name="ruleId"/> at its configured severity, at most <paramref name="atMost"/> (a
    /// rule that is only wrong once work reaches CI is a warning locally; warnings are errors in CI). Returns the
    /// finding, or null when the rule is off or an exception covers it.
    /// </summary>
    public Finding? Report(string ruleId, string message, string? file = null, int line = 0, int column = 0, Severity atMost = Severity.Error)
    {
        var severity = SeverityOf(ruleId);
        return severity == Severity.None
            ? null
            : sink.Add(new Finding(ruleId, severity > atMost ? atMost : severity, message, file, line, column));
    }

    /// <summary>
    /// Raises a finding whose severity is already decided: a problem of an input file found by a parser (STD0002, a
    /// malformed file) or a defect of Standards.Sdk (STD0000). A None severity is dropped; exceptions apply as to any
    /// finding.
    /// </summary>
    public Finding? Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity == Severity.None ? null : sink.Add(finding);
    }

    /// <summary>Raises each finding as <see cref="Add(Finding)"/> does.</summary>
    public void AddRange(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            Add(finding);
        }
    }

    /// <summary>
    /// True when an exception entry covers a repo finding: same rule, not expired, and the scope is "*"/"**",
    /// a glob or folder matching the finding's file, or the name, folder or glob of the project the file is in.
    /// </summary>
    public static bool Covers(ExceptionEntry exception, Finding finding, RepositorySnapshot repository, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(repository);
        if (!string.Equals(exception.Rule, finding.Code, StringComparison.OrdinalIgnoreCase) || exception.Expires < today)
        {
            return false;
        }

        var scope = Glob.Normalize(exception.Scope).TrimEnd('/');
        if (scope is "*" or "**")
        {
            return true;
        }

        if (finding.File is not { Length: > 0 } file)
        {
            return false;
        }

        if (Glob.IsMatch(scope, file) || (!scope.Contains('*', StringComparison.Ordinal) && Glob.IsMatch(scope + "/**", file)))
        {
            return true;
        }

        var project = repository.Projects
            .Select(p => (Project: p, Folder: DirectoryOf(p.Path)))
            .Where(p => p.Folder.Length == 0 || file == p.Folder || file.StartsWith(p.Folder + "/", StringComparison.Ordinal))
            .OrderByDescending(p => p.Folder.Length)
            .FirstOrDefault();
        return project.Project is not null
            && new ProjectContext(project.Project.Name, project.Project.Kind, project.Folder).IsInScope(exception.Scope);
    }

    /// <summary>A finding whose absolute file path below the root is made repo-relative ('/'-separated).</summary>
    public static Finding Relativize(Finding finding, string root)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(root);
        if (finding.File is not { Length: > 0 } file || !Path.IsPathRooted(file) || root.Length == 0)
        {
            return finding.File is { } f && f.Contains('\\', StringComparison.Ordinal) ? finding with { File = f.Replace('\\', '/') } : finding;
        }

        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? finding
            : finding with { File = relative };
    }

    private static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    /// <summary>What a reporter and its project views share: the findings, and for the repository its exceptions.</summary>
    private sealed class Sink(RepositorySnapshot? repository, DateOnly today, IReadOnlyList<ExceptionEntry> exceptions, bool deduplicate)
    {
        private readonly HashSet<Finding> seen = [];

        public List<Finding> Findings { get; } = [];

        public int Excepted { get; private set; }

        public int Raised { get; private set; }

        public Finding? Add(Finding finding)
        {
            Raised++;
            if (repository is not null)
            {
                finding = Relativize(finding, repository.Root);
            }

            if (deduplicate && !seen.Add(finding))
            {
                return null;
            }

            if (repository is not null && exceptions.Any(e => Covers(e, finding, repository, today)))
            {
                Excepted++;
                return null;
            }

            Findings.Add(finding);
            return finding;
        }
    }
}
