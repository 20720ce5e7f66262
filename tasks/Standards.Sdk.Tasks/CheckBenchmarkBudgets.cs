using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// The performance gate of a benchmark project: reads the BenchmarkDotNet JSON results, the budgets of
/// standards.json and the committed baseline, and applies <see cref="BenchmarkGate"/>; with
/// <see cref="UpdateBaseline"/> it records the results as the new baseline instead. All logic lives in Standards.Sdk.Checks.
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
        var problems = new List<Finding>();
        var settings = BudgetSettings.Read(policy, problems);
        reporter.AddRange(problems);
        var results = new List<BenchmarkResult>();

        // The newest file wins for a benchmark that several files report.
        foreach (var file in ResultFiles.Select(f => f.GetMetadata("FullPath")).OrderBy(File.GetLastWriteTimeUtc))
        {
            var text = ReadOrNull(file);
            var (read, problem) = text is null ? ([], new Finding(BudgetRuleIds.ResultsMalformed, Severity.Error, $"{file} could not be read; check its permissions.", file)) : BenchmarkResultReader.Read(file, text);
            if (problem is not null)
            {
                reporter.Add(problem);
            }

            results.RemoveAll(r => read.Any(n => n.FullName == r.FullName));
            results.AddRange(read);
        }

        var baselinePath = Path.GetFullPath(BaselineFile);
        if (results.Count == 0)
        {
            if (reporter.Raised == 0 && (settings.Benchmarks.Count > 0 || File.Exists(baselinePath) || UpdateBaseline))
            {
                reporter.Report(BudgetRuleIds.ResultsMissing,
                    $"There are no BenchmarkDotNet JSON results under {ResultsDirectory} to check the budgets against. Run the benchmarks with the JSON exporter first (dotnet run -c Release --project <benchmarks> -- --filter '*' --exporters json), or point StandardsBenchmarkResults at their results folder.",
                    ProjectFile);
            }

            return TaskLogging.LogFindings(Log, reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
        }

        if (UpdateBaseline)
        {
            var notWritten = new List<string>();
            if (StateWriter.TryWrite(baselinePath, BenchmarkBaseline.Write(results), notWritten))
            {
                Log.LogMessage(MessageImportance.High, "Standards: recorded {0} benchmarks in {1}. Review and commit it.", results.Count, baselinePath);
            }
            else
            {
                reporter.Add(NotWritten(notWritten, "the benchmark baseline StandardsUpdateBenchmarkBaseline asked for",
                    "Make the file and its folder writable by the build, or keep the baseline elsewhere with StandardsBenchmarkBaselineFile.", baselinePath));
            }

            return TaskLogging.LogFindings(Log, reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
        }

        var baseline = BenchmarkBaseline.Empty;
        if (File.Exists(baselinePath))
        {
            if (ReadOrNull(baselinePath) is { } text)
            {
                var (parsed, baselineProblems) = BenchmarkBaseline.Parse(baselinePath, text);
                baseline = parsed;
                reporter.AddRange(baselineProblems);
            }
            else
            {
                reporter.Add(new Finding(BudgetRuleIds.BaselineMalformed, Severity.Error, $"{baselinePath} could not be read; check its permissions.", baselinePath));
            }
        }

        reporter.AddRange(BenchmarkGate.Evaluate(new BenchmarkGateInput(results, settings, baseline, policy.SourcePath ?? PolicyLoader.FileName, baselinePath, reporter.SeverityOf)));
        Log.LogMessage(MessageImportance.High, "Standards: checked {0} benchmark result{1} against {2} budget{3} and {4} baseline entr{5}.",
            results.Count, results.Count == 1 ? string.Empty : "s", settings.Benchmarks.Count, settings.Benchmarks.Count == 1 ? string.Empty : "s",
            baseline.Entries.Count, baseline.Entries.Count == 1 ? "y" : "ies");
        return TaskLogging.LogFindings(Log, reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }
}
