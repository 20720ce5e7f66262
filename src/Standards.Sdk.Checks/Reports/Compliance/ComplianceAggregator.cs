namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// Makes compliance.json count every project: the repository checks' facts plus the per-project findings each
/// project's build recorded (artifacts/standards/obj/projects/*.json), and the per-project findings of one project
/// from its compiles' error logs and its checks' records. Pure: the files are read by the caller.
/// </summary>
public static class ComplianceAggregator
{
    /// <summary>
    /// The facts with <see cref="ComplianceFacts.Projects"/> replaced by <paramref name="projects"/>, leaving out the
    /// records of projects that no longer exist (<paramref name="projectExists"/>, given the repo-relative path).
    /// </summary>
    public static ComplianceFacts WithProjects(ComplianceFacts facts, IEnumerable<ComplianceProject> projects, Func<string, bool> projectExists)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(projectExists);
        var kept = projects
            .Where(p => projectExists(p.Project))
            .GroupBy(p => p.Project, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(p => p.Project, StringComparer.Ordinal)
            .ToList();
        return facts with { Projects = kept, CountsProjects = true };
    }

    /// <summary>One project's record: the compiles' counts and the checks' records summed by rule and severity.</summary>
    public static ComplianceProject Project(string project, IReadOnlyList<string> targetFrameworks, IEnumerable<CompilerCounts> compiles, IEnumerable<ComplianceProject> checkRecords)
    {
        ArgumentNullException.ThrowIfNull(compiles);
        ArgumentNullException.ThrowIfNull(checkRecords);
        var compileList = compiles.ToList();
        var records = checkRecords.ToList();
        var rows = compileList.SelectMany(c => c.Findings)
            .Concat(records.SelectMany(r => r.Findings))
            .GroupBy(f => (f.Rule, f.Severity))
            .Select(g => new ComplianceRuleCount(g.Key.Rule, g.Key.Severity, g.Sum(f => f.Count), g.Sum(f => f.Baselined)))
            .OrderBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Severity, StringComparer.Ordinal)
            .ToList();
        return new ComplianceProject(project, string.Join(";", targetFrameworks), rows,
            compileList.Sum(c => c.SuppressedInSource) + records.Sum(r => r.SuppressedInSource));
    }

    /// <summary>A check's record of the findings it logged (severity as logged), for <see cref="Project"/>.</summary>
    public static ComplianceProject CheckRecord(string project, IEnumerable<(string Rule, string Severity)> logged)
    {
        ArgumentNullException.ThrowIfNull(logged);
        var rows = logged
            .GroupBy(f => f)
            .Select(g => new ComplianceRuleCount(g.Key.Rule, g.Key.Severity, g.Count(), 0))
            .ToList();
        return new ComplianceProject(project, string.Empty, rows, 0);
    }
}
