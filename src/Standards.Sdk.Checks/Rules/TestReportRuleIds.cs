using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// Rule codes of what the SDK does for the CI templates (STD80xx, docs/ci.md): the test reports. Each constant
/// is its rule's one declaration ([Rule]); the catalog reads it from here.
/// </summary>
[RuleArea("CI reports")]
public static class TestReportRuleIds
{
    /// <summary>A TRX file of the test run cannot be read, so no JUnit report is written for it.</summary>
    [Rule("Test results (TRX) cannot be read for the JUnit report", Severity.Warning, "test-reports")]
    public const string TrxUnreadable = "STD8001";
}
