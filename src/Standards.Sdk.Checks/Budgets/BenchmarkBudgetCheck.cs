using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Budgets;

/// <summary>What the performance gate of one benchmark project reads.</summary>
/// <param name="ResultFiles">The BenchmarkDotNet JSON result files, oldest first (the newest wins for a benchmark several report).</param>
/// <param name="ResultsDirectory">Where the results were looked for (for messages).</param>
/// <param name="BaselinePath">The committed benchmark baseline (full path); may not exist.</param>
/// <param name="UpdateBaseline">True to record the results as the baseline instead of checking them.</param>
/// <param name="ProjectFile">The benchmark project (where a missing-results finding points).</param>
/// <param name="PolicyPath">standards.json (where a budget finding points).</param>
/// <param name="FileExists">Whether a file exists.</param>
/// <param name="ReadFile">A file's text; null when it is missing or cannot be read.</param>
public sealed record BenchmarkBudgetInput(
    IReadOnlyList<string> ResultFiles,
    string? ResultsDirectory,
    string BaselinePath,
    bool UpdateBaseline,
    string ProjectFile,
    string PolicyPath,
    Func<string, bool> FileExists,
    Func<string, string?> ReadFile);

/// <summary>What the gate decided: the baseline to write when asked to record one, and what the build log says.</summary>
/// <param name="BaselineToWrite">The new baseline's text when the results are to be recorded; otherwise null.</param>
/// <param name="Summary">The line the build prints (what was checked, or recorded once the baseline is written), or null when there were no results.</param>
public sealed record BenchmarkBudgetOutcome(string? BaselineToWrite, string? Summary);

/// <summary>
/// The performance gate of a benchmark project, without MSBuild: reads the results, the budgets of standards.json and
/// the committed baseline, and applies <see cref="BenchmarkGate"/>, or records the results as the new baseline.
/// Findings go to the reporter it is given; writing the baseline is the caller's (it owns the build's state files).
/// </summary>
public static class BenchmarkBudgetCheck
{
    /// <summary>Runs the gate for one project.</summary>
    public static BenchmarkBudgetOutcome Run(BenchmarkBudgetInput input, StandardsPolicy policy, FindingReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reporter);
        var problems = new List<Finding>();
        var settings = BudgetSettings.Read(policy, problems);
        reporter.AddRange(problems);
        var results = ReadResults(input, reporter);
        if (results.Count == 0)
        {
            // Nothing measured is a finding whenever something expects results: budgets, a baseline, or a request to record one.
            if (reporter.Raised == 0 && (settings.Benchmarks.Count > 0 || input.FileExists(input.BaselinePath) || input.UpdateBaseline))
            {
                reporter.Report(BudgetRuleIds.ResultsMissing,
                    $"There are no BenchmarkDotNet JSON results under {input.ResultsDirectory} to check the budgets against. Run the benchmarks with the JSON exporter first (dotnet run -c Release --project <benchmarks> -- --filter '*' --exporters json), or point StandardsBenchmarkResults at their results folder.",
                    input.ProjectFile);
            }

            return new BenchmarkBudgetOutcome(null, null);
        }

        if (input.UpdateBaseline)
        {
            return new BenchmarkBudgetOutcome(BenchmarkBaseline.Write(results), $"Standards: recorded {results.Count} benchmarks in {input.BaselinePath}. Review and commit it.");
        }

        var baseline = ReadBaseline(input, reporter);
        reporter.AddRange(BenchmarkGate.Evaluate(new BenchmarkGateInput(results, settings, baseline, input.PolicyPath, input.BaselinePath, reporter.SeverityOf)));
        return new BenchmarkBudgetOutcome(null, Summary(results.Count, settings.Benchmarks.Count, baseline.Entries.Count));
    }

    private static List<BenchmarkResult> ReadResults(BenchmarkBudgetInput input, FindingReporter reporter)
    {
        var results = new List<BenchmarkResult>();
        foreach (var file in input.ResultFiles)
        {
            var text = input.ReadFile(file);
            var (read, problem) = text is null
                ? ([], new Finding(BudgetRuleIds.ResultsMalformed, Severity.Error, $"{file} could not be read; check its permissions.", file))
                : BenchmarkResultReader.Read(file, text);
            if (problem is not null)
            {
                reporter.Add(problem);
            }

            results.RemoveAll(r => read.Any(n => n.FullName == r.FullName));
            results.AddRange(read);
        }

        return results;
    }

    private static BenchmarkBaseline ReadBaseline(BenchmarkBudgetInput input, FindingReporter reporter)
    {
        if (!input.FileExists(input.BaselinePath))
        {
            return BenchmarkBaseline.Empty;
        }

        if (input.ReadFile(input.BaselinePath) is not { } text)
        {
            reporter.Add(new Finding(BudgetRuleIds.BaselineMalformed, Severity.Error, $"{input.BaselinePath} could not be read; check its permissions.", input.BaselinePath));
            return BenchmarkBaseline.Empty;
        }

        var (parsed, problems) = BenchmarkBaseline.Parse(input.BaselinePath, text);
        reporter.AddRange(problems);
        return parsed;
    }

    private static string Summary(int results, int budgets, int entries) =>
        $"Standards: checked {results} benchmark result{(results == 1 ? string.Empty : "s")} against {budgets} budget{(budgets == 1 ? string.Empty : "s")} and {entries} baseline entr{(entries == 1 ? "y" : "ies")}.";
}
