using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// The severity a repository finding is logged with in this kind of build, the same split as the compiler's warnings:
/// in CI and Release builds (warnings as errors) a warning is an error; in a local Debug build a rule's error is a
/// warning unless standards.json sets the rule's severity itself, so a developer is told at once but not stopped, and
/// CI enforces it. What never becomes a warning: problems of Standards.Sdk's own inputs and state (STD0xxx, a malformed
/// baseline), locked rules, and findings whose severity standards.json sets.
/// </summary>
public static class BuildModeSeverity
{
    /// <summary>The outcome with its reported findings at the severity this build logs them with.</summary>
    public static RepositoryCheckOutcome Apply(RepositoryCheckOutcome outcome, StandardsPolicy policy, bool warningsAsErrors)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(policy);
        return outcome with { Reported = [.. outcome.Reported.Select(f => Logged(f, policy, warningsAsErrors))] };
    }

    /// <summary>The severity <paramref name="finding"/> is logged with in this kind of build.</summary>
    public static Finding Logged(Finding finding, StandardsPolicy policy, bool warningsAsErrors)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(policy);
        if (warningsAsErrors)
        {
            return finding.Severity == Severity.Warning ? finding with { Severity = Severity.Error } : finding;
        }

        return finding.Severity == Severity.Error && IsWarningLocally(finding.Code, policy)
            ? finding with { Severity = Severity.Warning }
            : finding;
    }

    private static bool IsWarningLocally(string code, StandardsPolicy policy)
    {
        if (code.StartsWith("STD0", StringComparison.Ordinal)
            || code == BaselineRuleIds.Malformed
            || RuleCatalog.Find(code) is not { Origin: RuleOrigin.StandardsTask, Locked: false })
        {
            return false;
        }

        return !policy.Rules.TryGetValue(code, out var setting) || setting.Severity is null;
    }
}
