using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>standards.json read as the build reads it: the loader, then every check's section reader.</summary>
internal static class PolicyReaders
{
    /// <summary>The policy <paramref name="text"/> loads to, and every finding the loader and the section readers report about it.</summary>
    public static (StandardsPolicy Policy, List<Finding> Findings) ReadAll(string fileName, string text, DateOnly today)
    {
        var result = PolicyLoader.Load(fileName, text, today);
        var findings = new List<Finding>(result.Findings);
        _ = LayoutSettings.Read(result.Policy, findings);
        _ = CoverageSettings.Read(result.Policy, findings);
        _ = BudgetSettings.Read(result.Policy, findings);
        findings.AddRange(LicensePolicy.From(result.Policy).Problems);
        return (result.Policy, findings);
    }
}
