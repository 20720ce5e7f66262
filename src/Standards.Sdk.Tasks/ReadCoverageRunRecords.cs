using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The test runs the repo coverage gate judges again before its merge (Standards.Coverage.proj): reads the run records
/// (<see cref="CoverageRunRecord"/>) and returns each run whose project still exists, with the global properties to
/// build its gate with (AdditionalProperties). A damaged or unreadable record is STD4012 at its line: the step fails
/// rather than skip a run's gate.
/// </summary>
public sealed class ReadCoverageRunRecords : StandardsTask
{
    /// <summary>The coverage.mtp files (Microsoft.Testing.Platform test apps, as built).</summary>
    public ITaskItem[] MtpRecords { get; set; } = [];

    /// <summary>The coverage.vstest files (VSTest runs, as their per-run gate recorded them).</summary>
    public ITaskItem[] VSTestRecords { get; set; } = [];

    /// <summary>The MTP test apps: the project, AdditionalProperties TargetFramework and Configuration.</summary>
    [Output]
    public ITaskItem[] MtpRuns { get; private set; } = [];

    /// <summary>The VSTest runs: the project, AdditionalProperties TargetFramework, Configuration and VSTestResultsDirectory.</summary>
    [Output]
    public ITaskItem[] VSTestRuns { get; private set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var findings = new List<Finding>();
        MtpRuns = Read(MtpRecords, vstest: false, findings);
        VSTestRuns = Read(VSTestRecords, vstest: true, findings);
        return LogAndRecord(findings, Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }

    private static ITaskItem[] Read(ITaskItem[] records, bool vstest, List<Finding> findings)
    {
        var runs = new List<ITaskItem>();
        foreach (var file in records.Select(r => r.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (ReadOrNull(file) is not { } text)
            {
                findings.Add(CoverageRunRecord.Unreadable(file, vstest));
                continue;
            }

            var (read, problems) = CoverageRunRecord.Read(file, text, vstest);
            findings.AddRange(problems);
            // A recorded project that is gone (renamed, deleted) has no run to judge.
            foreach (var run in read.Where(r => File.Exists(r.ProjectFile)))
            {
                var item = new TaskItem(run.ProjectFile);
                item.SetMetadata("AdditionalProperties", vstest
                    ? $"TargetFramework={run.TargetFramework};Configuration={run.Configuration};VSTestResultsDirectory={run.ResultsDirectory}"
                    : $"TargetFramework={run.TargetFramework};Configuration={run.Configuration}");
                runs.Add(item);
            }
        }

        return [.. runs];
    }
}
