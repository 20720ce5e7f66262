namespace Standards.Sdk.Checks.TestReports;

/// <summary>How a test ended, in the terms of a JUnit report.</summary>
public enum TestCaseOutcome
{
    /// <summary>Passed.</summary>
    Passed,

    /// <summary>An assertion failed (TRX <c>Failed</c>).</summary>
    Failed,

    /// <summary>The test could not run to a verdict (TRX <c>Error</c>, <c>Timeout</c>, <c>Aborted</c>...).</summary>
    Error,

    /// <summary>Not run (TRX <c>NotExecuted</c>, <c>Inconclusive</c>...).</summary>
    Skipped,
}

/// <summary>One test result: one test, or one data row of a data-driven test.</summary>
/// <param name="ClassName">The test class (namespace included), JUnit's <c>classname</c>.</param>
/// <param name="Name">The test's name within its class, with its data row's arguments, JUnit's <c>name</c>.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Message">The failure message or skip reason, or null.</param>
/// <param name="StackTrace">The failure's stack trace, or null.</param>
/// <param name="StandardOutput">What the test wrote to standard output, or null.</param>
/// <param name="StandardError">What the test wrote to standard error, or null.</param>
public sealed record TestCaseResult(
    string ClassName,
    string Name,
    TestCaseOutcome Outcome,
    TimeSpan Duration,
    string? Message = null,
    string? StackTrace = null,
    string? StandardOutput = null,
    string? StandardError = null);

/// <summary>One test run (one TRX file): the test assembly, when it ran, and its results in order.</summary>
/// <param name="Name">The suite's name: the test assembly's file name without extension.</param>
/// <param name="Started">When the run started, when the file says.</param>
/// <param name="Duration">How long the run took (start to finish, else the sum of the tests).</param>
/// <param name="TestAssemblies">The test assemblies the run's tests came from (TRX <c>storage</c>), as written.</param>
/// <param name="Tests">The results.</param>
public sealed record TestRunResults(
    string Name,
    DateTimeOffset? Started,
    TimeSpan Duration,
    IReadOnlyList<string> TestAssemblies,
    IReadOnlyList<TestCaseResult> Tests);
