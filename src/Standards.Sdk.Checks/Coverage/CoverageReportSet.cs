using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// Which test project wrote the reports of one folder (artifacts/coverage/&lt;project&gt;/coverage.source), and the
/// frameworks it targeted when its tests last ran: every run writes it, so it describes the project as it is now.
/// </summary>
/// <param name="ProjectFile">The test project, repo-relative with '/'.</param>
/// <param name="Frameworks">Its target frameworks when it multi-targets; empty when it has one.</param>
public sealed record CoverageSource(string ProjectFile, IReadOnlyList<string> Frameworks)
{
    /// <summary>The file name, in the project's folder of per-project reports.</summary>
    public const string FileName = "coverage.source";

    /// <summary>The file's text: <c>project</c> and <c>frameworks</c> lines, tab-separated.</summary>
    public string Write() =>
        new StringBuilder().Append("project\t").Append(ProjectFile).Append('\n')
            .Append("frameworks\t").Append(string.Join(";", Frameworks)).Append('\n').ToString();

    /// <summary>Reads the file; null when it is not one a test run wrote.</summary>
    public static CoverageSource? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.TrimEnd('\r').Split('\t');
            if (parts.Length != 2 || !values.TryAdd(parts[0], parts[1]))
            {
                return null;
            }
        }

        return values.Count == 2 && values.TryGetValue("project", out var project) && project.Length > 0 && values.TryGetValue("frameworks", out var frameworks)
            ? new CoverageSource(project, Frameworks: frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : null;
    }
}

/// <summary>A report the merge left out, and why.</summary>
/// <param name="Path">The report.</param>
/// <param name="Reason">Why it does not count.</param>
public sealed record IgnoredReport(string Path, string Reason);

/// <summary>
/// The reports the repo gate merges: only those of the current test projects and frameworks. A report a renamed or
/// deleted test project left behind, one of a framework its project no longer targets, or one no test run wrote
/// (no <see cref="CoverageSource"/> beside it) would hold the merge at old numbers; it is left out and named.
/// </summary>
public static class CoverageReportSet
{
    /// <summary>
    /// Splits the reports under <paramref name="coverageDirectory"/> into those that count and leftovers. A report whose
    /// coverage.source exists but is damaged is neither: it is an STD4012 finding, since leaving it out would merge
    /// less than the runs measured.
    /// </summary>
    /// <param name="coverageDirectory">The folder of per-project reports (artifacts/coverage/).</param>
    /// <param name="reports">The coverage.cobertura.xml files under it.</param>
    /// <param name="read">A file's text, or null when it does not exist or cannot be read.</param>
    /// <param name="projectExists">True when a repo-relative project file exists.</param>
    public static (IReadOnlyList<string> Current, IReadOnlyList<IgnoredReport> Ignored, IReadOnlyList<Finding> Damaged) Select(
        string coverageDirectory, IEnumerable<string> reports, Func<string, string?> read, Func<string, bool> projectExists)
    {
        ArgumentNullException.ThrowIfNull(coverageDirectory);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(projectExists);
        var current = new List<string>();
        var ignored = new List<IgnoredReport>();
        var damaged = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            var parts = Path.GetRelativePath(coverageDirectory, report).Replace('\\', '/').Split('/');
            var sourceFile = parts.Length is >= 2 and <= 3 ? Path.Combine(coverageDirectory, parts[0], CoverageSource.FileName) : null;
            var sourceText = sourceFile is null ? null : read(sourceFile);
            var source = sourceText is null ? null : CoverageSource.Parse(sourceText);
            if (sourceFile is not null && sourceText is not null && source is null)
            {
                // One finding per damaged file, however many reports (frameworks) sit beside it.
                damaged.TryAdd(sourceFile, new Finding(CoverageRuleIds.RecordMalformed, Severity.Error,
                    $"The coverage record {sourceFile} is damaged: it is not the 'project' and 'frameworks' lines a test run writes, so the reports of {parts[0]}/ cannot be told current or left over and are not merged. Delete the file and run the tests of that project again (`dotnet test`): the run writes it again.",
                    sourceFile, 1));
                continue;
            }

            var reason = WhyNot(parts, source, projectExists);
            if (reason is null)
            {
                current.Add(report);
            }
            else
            {
                ignored.Add(new IgnoredReport(report, reason));
            }
        }

        return (current, ignored, [.. damaged.Values]);
    }

    private static string? WhyNot(string[] parts, CoverageSource? source, Func<string, bool> projectExists)
    {
        if (parts.Length is < 2 or > 3)
        {
            return "a test run writes its report to <project>/ or <project>/<framework>/, not there";
        }

        if (source is null)
        {
            return $"no test run of this SDK wrote it ({parts[0]}/{CoverageSource.FileName} is missing); run `dotnet test` again";
        }

        if (!projectExists(source.ProjectFile))
        {
            return $"its test project {source.ProjectFile} no longer exists (renamed or deleted)";
        }

        var framework = parts.Length == 3 ? parts[1] : null;
        if (framework is null)
        {
            return source.Frameworks.Count == 0 ? null : $"{source.ProjectFile} now targets {string.Join(";", source.Frameworks)}: this report is from before it multi-targeted";
        }

        return source.Frameworks.Contains(framework, StringComparer.OrdinalIgnoreCase)
            ? null
            : source.Frameworks.Count == 0
                ? $"{source.ProjectFile} no longer multi-targets: this report of {framework} is from before"
                : $"{source.ProjectFile} no longer targets {framework}";
    }
}
