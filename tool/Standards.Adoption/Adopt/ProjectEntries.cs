using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The entries of the repository baseline that each project's build judges, not the repository checks
/// (<see cref="ProjectFindingsBaseline"/>: package licences). The workspace drops them before the survey build, so
/// that build reports every such finding, and records what it reported.
/// </summary>
internal static class ProjectEntries
{
    /// <summary>Removes the project-judged entries from the workspace's baseline, when it has one.</summary>
    public static void Drop(string workspace)
    {
        var path = Path.Combine(workspace, BaselineFile.DefaultFileName);
        if (!File.Exists(path))
        {
            return;
        }

        var (baseline, _) = BaselineFile.Parse(BaselineFile.DefaultFileName, File.ReadAllText(path));
        if (baseline.Entries.Any(e => ProjectFindingsBaseline.IsJudgedByProjects(e.Code)))
        {
            File.WriteAllText(path, BaselineFile.Write(AsFindings(baseline.Entries.Where(e => !ProjectFindingsBaseline.IsJudgedByProjects(e.Code))), workspace, baseline));
        }
    }

    /// <summary>
    /// Adds an entry for each finding to the workspace's baseline, naming the repo-relative project whose build
    /// reported it (what the project's build matches entries by): a package metadata finding points at the line that
    /// sets the property, often in Directory.Build.props, which is not the project. Returns how many entries are new
    /// (a finding the baseline already holds adds none).
    /// </summary>
    public static int Add(string workspace, IEnumerable<BuildDiagnostic> findings)
    {
        var path = Path.Combine(workspace, BaselineFile.DefaultFileName);
        var existing = File.Exists(path) ? BaselineFile.Parse(BaselineFile.DefaultFileName, File.ReadAllText(path)).Baseline : BaselineFile.Empty;
        var held = existing.Entries.Select(e => (e.Code, e.File, e.Message)).ToHashSet();
        var found = findings
            .Select(d => (Diagnostic: d, File: d.Project.Length > 0 ? d.Project : d.File))
            .Where(d => d.File.Length > 0)
            .Select(d => new Finding(d.Diagnostic.Code, Severity.Warning, d.Diagnostic.Message, d.File))
            .Distinct();

        // Compared as the file stores them (baselinable ones only, messages without the workspace's paths), so a
        // finding the baseline already holds is not new.
        var added = AsFindings(BaselineFile.Parse(BaselineFile.DefaultFileName, BaselineFile.Write(found, workspace)).Baseline.Entries)
            .Where(f => !held.Contains((f.Code, f.File!, f.Message)))
            .Distinct()
            .ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        File.WriteAllText(path, BaselineFile.Write([.. AsFindings(existing.Entries), .. added], workspace, existing));
        return added.Count;
    }

    private static IEnumerable<Finding> AsFindings(IEnumerable<BaselineEntry> entries) =>
        entries.Select(e => new Finding(e.Code, Severity.Warning, e.Message, e.File));
}
