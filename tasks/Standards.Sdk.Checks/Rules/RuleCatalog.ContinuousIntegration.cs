using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.TestReports;

namespace Standards.Sdk.Checks.Rules;

public static partial class RuleCatalog
{
    private const string ContinuousIntegrationArea = "CI reports";

    /// <summary>
    /// What the SDK does for the CI templates (docs/ci.md), STD80xx: the test reports each CI system reads (GitLab's
    /// JUnit report, converted from the TRX files of <c>dotnet test --logger trx</c>).
    /// </summary>
    private static IEnumerable<RuleDefinition> ContinuousIntegrationRules()
    {
        yield return Task(TestReportRuleIds.TrxUnreadable, "Test results (TRX) cannot be read for the JUnit report", ContinuousIntegrationArea, Severity.Warning, "test-reports");
    }
}
