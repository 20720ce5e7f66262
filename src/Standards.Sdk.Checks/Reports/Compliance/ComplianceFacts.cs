namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// What one CI build knows about its repo's standing, as <c>artifacts/standards/compliance.json</c> records it
/// (schema: <c>sdk/schema/compliance.schema.json</c>, documented in docs/ci.md).
/// </summary>
public sealed record ComplianceFacts
{
    /// <summary>The repo's name: the CI system's (owner/name, project path) or the root folder's.</summary>
    public required string Repo { get; init; }

    /// <summary>The commit built (40 hex digits), or null outside git.</summary>
    public string? Commit { get; init; }

    /// <summary>When the build wrote the file (UTC, ISO 8601 with seconds).</summary>
    public required string Date { get; init; }

    /// <summary>The Standards.Sdk version the build ran on.</summary>
    public required string SdkVersion { get; init; }

    /// <summary>service, worker or library.</summary>
    public required string RepoKind { get; init; }

    /// <summary>The version version.json computes for this commit, or null when the repo has none.</summary>
    public string? Version { get; init; }

    /// <summary>The repository checks' findings, one row per rule and severity.</summary>
    public IReadOnlyList<ComplianceRuleCount> Findings { get; init; } = [];

    /// <summary>
    /// Each project's findings (compiler, analyzers, per-project checks), one entry per project, its target
    /// frameworks' compiles summed, as the build recorded them (<see cref="ComplianceAggregator"/>).
    /// </summary>
    public IReadOnlyList<ComplianceProject> Projects { get; init; } = [];

    /// <summary>
    /// True when <see cref="Projects"/> is part of the record (schemaVersion 2 and later); false for a schemaVersion 1
    /// file, which counted the repository checks only.
    /// </summary>
    public bool CountsProjects { get; init; } = true;

    /// <summary>Every finding of the build: the repository checks' rows and the projects' rows, summed by rule and severity.</summary>
    public IReadOnlyList<ComplianceRuleCount> AllFindings() =>
        [.. Findings.Concat(Projects.SelectMany(p => p.Findings))
            .GroupBy(f => (f.Rule, f.Severity))
            .Select(g => new ComplianceRuleCount(g.Key.Rule, g.Key.Severity, g.Sum(f => f.Count), g.Sum(f => f.Baselined)))
            .OrderBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Severity, StringComparer.Ordinal)];

    /// <summary>Entries of standards-baseline.json (0 without the file), or null when it cannot be read.</summary>
    public int? RepoBaselineEntries { get; init; }

    /// <summary>Entries of standards-code-baseline.json (0 without the file), or null when it cannot be read.</summary>
    public int? CodeBaselineEntries { get; init; }

    /// <summary>The exception entries of standards.json that are in force.</summary>
    public IReadOnlyList<ComplianceExceptionEntry> Exceptions { get; init; } = [];

    /// <summary>The merged coverage against the thresholds, or null when this build measured none.</summary>
    public ComplianceCoverage? Coverage { get; init; }

    /// <summary>Whether packages and publish outputs get an SBOM, and its format.</summary>
    public required ComplianceSbom Sbom { get; init; }
}

/// <summary>How many findings of one rule at one severity.</summary>
/// <param name="Rule">The rule code.</param>
/// <param name="Severity">error, warning or info, as the build logged it.</param>
/// <param name="Count">Findings, baselined ones included.</param>
/// <param name="Baselined">Of those, how many the adoption baseline accepts.</param>
public sealed record ComplianceRuleCount(string Rule, string Severity, int Count, int Baselined);

/// <summary>The findings one project build recorded.</summary>
/// <param name="Project">The project file, relative to the repo root with '/'.</param>
/// <param name="TargetFrameworks">The target frameworks whose compiles are counted (';'-separated), as the project builds them.</param>
/// <param name="Findings">One row per rule and severity: compiler and analyzer diagnostics (baselined: suppressed by the code baseline) and the per-project checks' findings.</param>
/// <param name="SuppressedInSource">Diagnostics suppressed in source (#pragma, [SuppressMessage], a suppressor other than the code baseline): not counted in <paramref name="Findings"/>.</param>
public sealed record ComplianceProject(string Project, string TargetFrameworks, IReadOnlyList<ComplianceRuleCount> Findings, int SuppressedInSource)
{
    /// <summary>The project's findings of <paramref name="severity"/> (error, warning, info) no baseline accepts.</summary>
    public int Open(string severity) => Findings.Where(f => f.Severity == severity).Sum(f => f.Count - f.Baselined);
}

/// <summary>An exception entry of standards.json.</summary>
/// <param name="Rule">The rule waived.</param>
/// <param name="Scope">The project or path glob.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Reason">Why.</param>
/// <param name="Expires">The last day it applies (yyyy-MM-dd).</param>
public sealed record ComplianceExceptionEntry(string Rule, string Scope, string Owner, string Reason, string Expires);

/// <summary>Merged coverage in percent against the minimums.</summary>
/// <param name="Line">Line coverage.</param>
/// <param name="Branch">Branch coverage.</param>
/// <param name="LineThreshold">The line minimum.</param>
/// <param name="BranchThreshold">The branch minimum.</param>
/// <param name="Passed">True when the gate passed.</param>
public sealed record ComplianceCoverage(double Line, double Branch, double LineThreshold, double BranchThreshold, bool Passed);

/// <summary>The SBOM setting of the repo.</summary>
/// <param name="Enabled">True unless standards.json turns SBOMs off.</param>
/// <param name="Format">spdx, cyclonedx or both; null when off.</param>
public sealed record ComplianceSbom(bool Enabled, string? Format);
