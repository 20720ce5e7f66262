using System.Text;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// The projects a test run covered, written next to its report (artifacts/coverage/&lt;project&gt;/coverage.projects)
/// so the merge knows their folders (for exception scopes) and which are critical. One tab-separated line per
/// project: name, kind, repo-relative folder, critical.
/// </summary>
public static class CoverageProjectsFile
{
    /// <summary>The file name next to the report.</summary>
    public const string FileName = "coverage.projects";

    /// <summary>True when standards.json names the project critical (layout.criticalProjects).</summary>
    public static bool IsCritical(StandardsPolicy policy, ProjectContext project)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(project);
        return LayoutSettings.Read(policy, []).CriticalProjects.Any(c => project.IsInScope(c.Value));
    }

    /// <summary>The file's text.</summary>
    public static string Write(IEnumerable<CoveredProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var sb = new StringBuilder();
        foreach (var p in projects.OrderBy(p => p.Context.Name, StringComparer.Ordinal))
        {
            sb.Append(p.Context.Name).Append('\t').Append(p.Context.Kind).Append('\t').Append(p.Context.RepoRelativeDirectory).Append('\t').Append(p.Critical ? "critical" : "-").Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads the file; malformed lines are skipped (the project is then judged by its name alone).</summary>
    public static IReadOnlyList<CoveredProject> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CoveredProject>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length == 4 && parts[0].Length > 0)
            {
                var kind = ProjectKinds.IsKnown(parts[1]) ? parts[1] : ProjectKinds.Library;
                result.Add(new CoveredProject(new ProjectContext(parts[0], kind, parts[2]), parts[3] == "critical"));
            }
        }

        return result;
    }
}
