using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Tasks;

/// <summary>
/// After a test project's run with the TRX logger: writes a JUnit report beside each TRX file of this run that is
/// this project's (<see cref="TrxToJUnit"/>), for GitLab's unit test reports (docs/ci.md). A TRX file that cannot be
/// read is STD8001 (a warning) with its file and line. All logic lives in Standards.Sdk.Checks.
/// </summary>
public sealed class ConvertTestResultsToJUnit : ProjectPolicyTask
{
    /// <summary>The folder the test run wrote its results to.</summary>
    [Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    /// <summary>The record of the TRX files there when the run started (<see cref="RecordTestRunStart"/>).</summary>
    [Required]
    public string RunStartedFile { get; set; } = string.Empty;

    /// <summary>The test assembly the run tested (<c>$(TargetPath)</c>): a TRX file whose tests come from it is this project's.</summary>
    [Required]
    public string TestAssemblyPath { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var project = CreateProjectContext();
        var severity = FindingReporter.ForProject(policy, project, today).SeverityOf(TestReportRuleIds.TrxUnreadable);

        // Results folders keep every earlier run's TRX files, and parallel test projects write theirs beside ours.
        var earlier = ReadOrNull(RunStartedFile) is { } record ? TestRunStart.Parse(record) : null;
        var candidates = Directory.Exists(ResultsDirectory)
            ? Directory.EnumerateFiles(ResultsDirectory, "*.trx", SearchOption.AllDirectories)
                .Select(RecordTestRunStart.Describe).OfType<ResultFile>()
                .Where(f => earlier is null || earlier.IsNew(f))
                .Select(f => Candidate(f.Path)).ToList()
            : [];
        var conversion = TrxToJUnit.Convert(candidates, TestAssemblyPath);

        var notWritten = new List<string>();
        foreach (var report in conversion.Reports)
        {
            if (StateWriter.TryWrite(report.JUnitPath, report.Xml, notWritten))
            {
                var tests = report.Run.Tests;
                Log.LogMessage(MessageImportance.High, "Standards: JUnit report of {0}: {1} tests, {2} failed, {3} skipped: {4}",
                    project.Name, tests.Count, tests.Count(t => t.Outcome is TestCaseOutcome.Failed or TestCaseOutcome.Error),
                    tests.Count(t => t.Outcome == TestCaseOutcome.Skipped), report.JUnitPath);
            }
        }

        if (conversion.Reports.Count == 0 && conversion.Findings.Count == 0)
        {
            Log.LogMessage(MessageImportance.Normal, "Standards.Sdk: no TRX file this run of {0} wrote under {1} has tests from {2}, so there is no JUnit report to write.",
                project.Name, ResultsDirectory, TestAssemblyPath);
        }

        List<Finding> findings = severity == Severity.None ? [] : conversion.Findings.Select(f => f with { Severity = severity }).ToList();
        if (notWritten.Count > 0)
        {
            findings.Add(NotWritten(notWritten, $"the JUnit report of {project.Name}", "The test results folder must be writable by the build (dotnet test --results-directory).", ResultsDirectory));
        }

        return LogAndRecord(findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    private static TrxCandidate Candidate(string path)
    {
        try
        {
            return new TrxCandidate(path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return new TrxCandidate(path, null, ReadFailure.Describe(path, ex));
        }
    }
}
