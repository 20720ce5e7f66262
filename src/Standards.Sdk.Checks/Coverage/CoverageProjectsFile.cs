using System.Text;
using Standards.Sdk.Checks.Diagnostics;
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

    /// <summary>
    /// Reads the file. A damaged line is an STD4012 finding at its line, not skipped: without it the project would be
    /// judged by its name alone, a critical one at the ordinary minimum.
    /// </summary>
    /// <param name="file">The file's path, for the findings.</param>
    /// <param name="text">Its text.</param>
    public static (IReadOnlyList<CoveredProject> Projects, IReadOnlyList<Finding> Findings) Read(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CoveredProject>();
        var findings = new List<Finding>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || parts[0].Length == 0 || parts[3] is not ("critical" or "-"))
            {
                findings.Add(new Finding(CoverageRuleIds.RecordMalformed, Severity.Error,
                    $"The coverage record {file} is damaged at line {i + 1}: it is not the tab-separated name, kind, folder and critical mark a test run writes for each project under test, so that project's minimums cannot be known. Delete the file and run the tests of that project again (`dotnet test`): the run writes it again.",
                    file, i + 1));
                continue;
            }

            // A kind this SDK does not know (a newer SDK's, or one STD0006 reports) is judged as a library.
            var kind = ProjectKinds.IsKnown(parts[1]) ? parts[1] : ProjectKinds.Library;
            result.Add(new CoveredProject(new ProjectContext(parts[0], kind, parts[2]), parts[3] == "critical"));
        }

        return (result, findings);
    }
}
