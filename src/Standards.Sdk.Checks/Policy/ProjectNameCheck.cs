using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// STD1007: a project named after nothing in particular (<c>Acme.Common</c>, <c>Utils</c>). Each project's build
/// reports it (<see cref="Run"/>), unless the repo's adoption baseline (<c>standards-baseline.json</c>) holds an
/// entry for that project file. The repository checks compute the same findings for every project
/// (<see cref="ForRepository"/>), so that the baseline records them on update and reports an entry whose project
/// is no longer generic as removable (STD3902), as for any repository finding; they leave the reporting of a new
/// one to the project's build.
/// </summary>
public static class ProjectNameCheck
{
    /// <summary>Runs the check on the project name.</summary>
    /// <param name="projectFile">The project file (its path is the finding's file).</param>
    /// <param name="policy">The project's effective policy.</param>
    /// <param name="baseline">The repo's adoption baseline, or null when there is none.</param>
    /// <param name="repoRelativeProjectFile">The project file relative to the repo root, '/'-separated: what a baseline entry names.</param>
    /// <returns>The finding, as an info prefixed <see cref="BaselineMatcher.AcceptedPrefix"/> when a baseline entry for the project accepts it.</returns>
    public static IReadOnlyList<Finding> Run(string projectFile, EffectivePolicy policy, BaselineFile? baseline = null, string? repoRelativeProjectFile = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var finding = Find(projectFile, policy);
        if (finding is null)
        {
            return [];
        }

        if (baseline is null || repoRelativeProjectFile is not { Length: > 0 } file)
        {
            return [finding];
        }

        // Matched as the repository checks match (BaselineMatcher), against this project's STD1007 entries only.
        var entries = baseline.Entries
            .Where(e => string.Equals(e.Code, CodeRuleIds.GenericProjectName, StringComparison.OrdinalIgnoreCase) && string.Equals(e.File, file, StringComparison.Ordinal))
            .ToList();
        var applied = BaselineMatcher.Apply([finding with { File = file }], new BaselineFile(entries));
        return applied.Suppressed.Count == 0
            ? [finding]
            : [finding with { Severity = Severity.Info, Message = BaselineMatcher.AcceptedPrefix + finding.Message }];
    }

    /// <summary>
    /// STD1007 for every project of the snapshot (file: the repo-relative project file), each judged with its own
    /// effective policy (kind, test severity, project-scoped exceptions), as its build judges it.
    /// </summary>
    public static IReadOnlyList<Finding> ForRepository(RepositorySnapshot repository, StandardsPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        foreach (var project in repository.Projects.OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            var slash = project.Path.LastIndexOf('/');
            var context = new ProjectContext(project.Name, project.Kind, slash < 0 ? string.Empty : project.Path[..slash]);
            if (Find(project.Path, new EffectivePolicy(policy, context, today)) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private static Finding? Find(string projectFile, EffectivePolicy policy)
    {
        var rule = RuleCatalog.Get(CodeRuleIds.GenericProjectName);
        var reporter = FindingReporter.ForProject(policy);
        if (!reporter.IsOn(rule.Id))
        {
            return null;
        }

        var generic = policy.Parameter(rule, "names").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var segment = policy.Project.Name.Split('.')
            .FirstOrDefault(s => generic.Contains(s, StringComparer.OrdinalIgnoreCase));
        return segment is null
            ? null
            : reporter.Report(rule.Id,
                $"Project '{policy.Project.Name}' is named '{segment}', which says nothing about what it does. Name it after its responsibility (e.g. Acme.Billing.Invoices), or change STD1007.names in standards.json.",
                projectFile, 1, 1);
    }
}
