using System.Diagnostics;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Repository;

/// <summary>How long one check took and how many findings it returned.</summary>
public sealed record CheckTiming(string Name, long Milliseconds, int Findings);

/// <summary>The baseline as the task found it.</summary>
/// <param name="Path">Repo-relative path of the baseline file (for findings about it).</param>
/// <param name="File">The parsed entries.</param>
/// <param name="Problems">STD3901 findings about the file.</param>
public sealed record BaselineInput(string Path, BaselineFile File, IReadOnlyList<Finding> Problems);

/// <summary>Everything one run of the repository checks produced.</summary>
/// <param name="Reported">Findings reported at their severity: new findings, baseline problems, removable entries.</param>
/// <param name="Baselined">Findings the baseline accepts; reported as messages.</param>
/// <param name="Current">Every finding after severities and exceptions, before the baseline: what a baseline update records.</param>
/// <param name="Excepted">Findings dropped by an exception entry of standards.json.</param>
/// <param name="Timings">Per check.</param>
/// <param name="Kind">The repo kind the checks used.</param>
/// <param name="Baseline">The baseline used, or null.</param>
public sealed record RepositoryCheckOutcome(
    IReadOnlyList<Finding> Reported,
    IReadOnlyList<Finding> Baselined,
    IReadOnlyList<Finding> Current,
    int Excepted,
    IReadOnlyList<CheckTiming> Timings,
    RepositoryKind Kind,
    BaselineInput? Baseline)
{
    /// <summary>Baseline entries no finding matched (reported as STD3902).</summary>
    public int Removable => Reported.Count(f => f.Code == BaselineRuleIds.EntryNoLongerNeeded);
}

/// <summary>
/// Runs the repo-wide checks over one snapshot: each check in turn, all reporting through one
/// <see cref="FindingReporter"/> (severities, exception entries of standards.json, repo-relative paths; a check that
/// throws becomes an STD0000 finding, what it reported before stays, and the others still run), then the adoption
/// baseline over what they reported.
/// Pure: no disk, no clock.
/// </summary>
public static class RepositoryCheckRunner
{
    /// <summary>Runs the checks.</summary>
    public static RepositoryCheckOutcome Run(
        RepositorySnapshot repository,
        StandardsPolicy policy,
        DateOnly today,
        IReadOnlyList<IRepositoryCheck> checks,
        BaselineInput? baseline)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(checks);
        var context = RepositoryCheckContext.Create(repository, policy, today);
        var reporter = context.Reporter;
        var timings = new List<CheckTiming>();
        foreach (var check in checks)
        {
            var watch = Stopwatch.StartNew();
            var raised = reporter.Raised;
            try
            {
                check.Run(context);
            }
#pragma warning disable CA1031 // One broken check must not hide the others' findings or crash the build.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                reporter.Add(new Finding(PolicyRuleIds.InternalError, Severity.Error,
                    $"The {check.Name} check failed: {ex.GetType().Name}: {ex.Message} This is a bug in Standards.Sdk; please report it with the build log (-bl). To build meanwhile, set StandardsRepositoryChecks=false."));
            }

            timings.Add(new CheckTiming(check.Name, watch.ElapsedMilliseconds, reporter.Raised - raised));
        }

        Unreadable(context);

        // STD1007 is each project's own finding (its build reports it); computed here so that the baseline records
        // it on update and its entries are judged like any other (matched, or removable once fixed).
        reporter.AddRange(ProjectNameCheck.ForRepository(context.Repository, policy, today));

        var current = reporter.Findings.ToList();
        var kind = context.Policy.Kind;
        var expired = CodeBaselineFindings(context);
        if (baseline is null)
        {
            return new RepositoryCheckOutcome([.. current.Where(f => !ReportedByProjects(f)), .. expired], [], current, reporter.Excepted, timings, kind, null);
        }

        var applied = BaselineMatcher.Apply(current, baseline.File, today);
        var reported = new List<Finding>(applied.New.Where(f => !ReportedByProjects(f)));
        reported.AddRange(baseline.Problems.Select(f => FindingReporter.Relativize(f, context.Repository.Root)));
        reported.AddRange(EntryFindings(context, baseline, applied));
        reported.AddRange(expired);
        return new RepositoryCheckOutcome(reported, applied.Suppressed, current, reporter.Excepted, timings, kind, baseline);
    }

    /// <summary>STD3902 for each stale entry of the repo baseline, STD3050 for each expired one.</summary>
    private static IReadOnlyList<Finding> EntryFindings(RepositoryCheckContext context, BaselineInput baseline, BaselineResult applied)
    {
        var stale = FindingReporter.ForRepository(context.Policy.Effective, context.Repository);
        foreach (var entry in applied.Stale.Where(e => !ProjectFindingsBaseline.IsJudgedByProjects(e.Code)))
        {
            var what = entry.File.Length == 0 ? entry.Code : $"{entry.Code} in {entry.File}";
            stale.Report(BaselineRuleIds.EntryNoLongerNeeded,
                $"{baseline.Path}: the entry for {what} (\"{Shorten(entry.Message)}\") matches no finding any more: the problem was fixed. Remove the entry, or regenerate the file with `{BaselineFile.UpdateCommand}`, so the baseline cannot hide the problem if it comes back.",
                baseline.Path, entry.Line);
        }

        foreach (var entry in applied.Expired)
        {
            stale.Report(BaselineRuleIds.EntryExpired, Expired(baseline.Path, entry), baseline.Path, entry.Line);
        }

        return stale.Findings;
    }

    /// <summary>The code baseline's expired entries (STD3051) and unreadable dates (STD3901): never baselined themselves.</summary>
    private static IReadOnlyList<Finding> CodeBaselineFindings(RepositoryCheckContext context)
    {
        var expired = FindingReporter.ForRepository(context.Policy.Effective, context.Repository);
        if (context.Repository.ReadText(CodeBaselineExpiry.FileName) is { } codeBaseline)
        {
            foreach (var finding in CodeBaselineExpiry.Judge(codeBaseline, context.Today))
            {
                expired.Report(finding.Code, finding.Message, finding.File, finding.Line, finding.Column);
            }
        }

        return expired.Findings;
    }

    /// <summary>True for a finding a project's build reports (STD1007, <see cref="ProjectNameCheck"/>): the repository checks only baseline it.</summary>
    public static bool ReportedByProjects(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Equals(finding.Code, CodeRuleIds.GenericProjectName, StringComparison.Ordinal);
    }

    /// <summary>
    /// STD0007 for every folder that could not be listed and every existing file a check could not read: the checks
    /// that needed it could not check it, so the run must not pass as if they had.
    /// </summary>
    private static void Unreadable(RepositoryCheckContext context)
    {
        foreach (var item in context.Repository.Unreadable)
        {
            var message = item.IsFolder
                ? $"The folder {item.Path}/ could not be listed ({item.Reason}), so no check saw the files in it. Give the build read and list permission on it (chmod a+rx), or move it out of the repo."
                : $"{item.Path} exists but could not be read ({item.Reason}), so the checks that need it could not check it. Make it readable by the build (chmod a+r), repair or remove the link, or delete the file.";
            context.Reporter.Report(PolicyRuleIds.InputUnreadable, message, item.Path);
        }
    }

    /// <summary>STD3050's message: the entry, its reason and its date, and what to do.</summary>
    internal static string Expired(string path, BaselineEntry entry)
    {
        var what = entry.File.Length == 0 ? entry.Code : $"{entry.Code} in {entry.File}";
        var reason = entry.Reason is null ? string.Empty : $", recorded for \"{entry.Reason}\"";
        return $"{path}: the entry for {what} (\"{Shorten(entry.Message)}\"{reason}) expired on {entry.Expires:yyyy-MM-dd} and no longer hides its finding. Fix the finding and remove the entry, or, if it must wait, set a later \"expires\" date with the reason.";
    }

    private static string Shorten(string message) => message.Length <= 100 ? message : message[..97] + "...";
}
