using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The performance gate of a benchmark project: reads the BenchmarkDotNet JSON results, the budgets of
/// standards.json and the committed baseline, and applies <see cref="BenchmarkGate"/>; with
/// <see cref="UpdateBaseline"/> it records the results as the new baseline instead. The gate is <see cref="BenchmarkBudgetCheck"/>; this task reads its items, runs it, writes the baseline and logs.
/// </summary>
public sealed class CheckBenchmarkBudgets : ProjectPolicyTask
{
    /// <summary>The result files (*-report*.json).</summary>
    public ITaskItem[] ResultFiles { get; set; } = [];

    /// <summary>Where the results were looked for (for messages).</summary>
    public string? ResultsDirectory { get; set; }

    /// <summary>The benchmark baseline; may not exist.</summary>
    [Required]
    public string BaselineFile { get; set; } = string.Empty;

    /// <summary>True to record the results as the baseline.</summary>
    public bool UpdateBaseline { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var reporter = FindingReporter.ForProject(policy, CreateProjectContext(), today);
        var baselinePath = Path.GetFullPath(BaselineFile);
        var input = new BenchmarkBudgetInput(
            ResultFiles.Select(f => f.GetMetadata("FullPath")).OrderBy(File.GetLastWriteTimeUtc).ToList(),
            ResultsDirectory, baselinePath, UpdateBaseline, ProjectFile, policy.SourcePath ?? PolicyLoader.FileName, File.Exists, ReadOrNull);
        var outcome = BenchmarkBudgetCheck.Run(input, policy, reporter);
        var written = outcome.BaselineToWrite is not { } baseline || WriteBaseline(baselinePath, baseline, reporter);
        if (written && outcome.Summary is { } summary)
        {
            Log.LogMessage(MessageImportance.High, summary);
        }

        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private static bool WriteBaseline(string baselinePath, string baseline, FindingReporter reporter)
    {
        var notWritten = new List<string>();
        if (StateWriter.TryWrite(baselinePath, baseline, notWritten))
        {
            return true;
        }

        reporter.Add(NotWritten(notWritten, "the benchmark baseline StandardsUpdateBenchmarkBaseline asked for",
            "Make the file and its folder writable by the build, or keep the baseline elsewhere with StandardsBenchmarkBaselineFile.", baselinePath));
        return false;
    }
}
