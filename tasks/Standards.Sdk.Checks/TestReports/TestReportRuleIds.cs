namespace Standards.Sdk.Checks.TestReports;

/// <summary>
/// Rule codes of what the SDK does for the CI templates (STD80xx, docs/ci.md): the test reports. The catalog
/// entries are in RuleCatalog.ContinuousIntegration.cs.
/// </summary>
public static class TestReportRuleIds
{
    /// <summary>A TRX file of the test run cannot be read, so no JUnit report is written for it.</summary>
    public const string TrxUnreadable = "STD8001";
}
