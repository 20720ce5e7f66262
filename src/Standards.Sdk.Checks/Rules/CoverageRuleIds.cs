using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>The coverage gate's rule codes (profile §4), STD40xx.</summary>
/// <remarks>Each constant is its rule's one declaration ([Rule], [RuleParameter]); the catalog reads it from here.</remarks>
[RuleArea("Coverage")]
public static class CoverageRuleIds
{
    /// <summary>A coverage report cannot be read (not Cobertura, malformed XML, unreadable).</summary>
    [Rule("Coverage report cannot be read", Severity.Error, "line-coverage")]
    public const string ReportMalformed = "STD4001";

    /// <summary>Line coverage below the threshold.</summary>
    [Rule("Line coverage below the minimum", Severity.Error, "line-coverage")]
    public const string LineBelowThreshold = "STD4002";

    /// <summary>Branch coverage below the threshold.</summary>
    [Rule("Branch coverage below the minimum", Severity.Error, "branch-coverage")]
    public const string BranchBelowThreshold = "STD4003";

    /// <summary>A critical project's line coverage below the critical threshold.</summary>
    [Rule("Critical project below its line coverage minimum", Severity.Error, "critical-coverage")]
    public const string CriticalBelowThreshold = "STD4004";

    /// <summary>Coverage dropped below the committed baseline (ratchet).</summary>
    [Rule("Coverage dropped below the committed baseline", Severity.Error, "coverage-ratchet")]
    public const string BelowBaseline = "STD4005";

    /// <summary>The coverage baseline file cannot be read.</summary>
    [Rule("Coverage baseline cannot be read", Severity.Error, "coverage-ratchet")]
    public const string BaselineMalformed = "STD4006";

    /// <summary>A test run produced no coverage report, or the merge found none.</summary>
    [Rule("No coverage report to check", Severity.Error, "line-coverage")]
    public const string ReportMissing = "STD4007";

    /// <summary>Coverage rose above the baseline: the ratchet can be raised.</summary>
    [Rule("Coverage rose above the baseline", Severity.Info, "coverage-ratchet")]
    public const string BaselineCanRise = "STD4008";

    /// <summary>A project under test has no measured line: the gate would have nothing to judge it by.</summary>
    [Rule("A project under test has no measured line", Severity.Error, "line-coverage", Locked = true)]
    public const string NothingMeasured = "STD4009";

    /// <summary>A Microsoft.Testing.Platform test project has no coverage report from a run of its current build.</summary>
    [Rule("Microsoft.Testing.Platform run wrote no coverage report", Severity.Error, "line-coverage")]
    public const string MtpReportMissing = "STD4010";

    /// <summary>The solution's coverage step found no project on Standards.Sdk to run the repo gate: it would pass on nothing.</summary>
    [Rule("No project of the solution runs the coverage gate", Severity.Error, "line-coverage")]
    public const string NoGateInSolution = "STD4011";

    /// <summary>A record the coverage gates keep under artifacts/coverage/ (which test runs to judge, which project wrote a report, what it covers) is damaged.</summary>
    [Rule("A coverage record cannot be read", Severity.Error, "line-coverage")]
    public const string RecordMalformed = "STD4012";
}
