using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// The rules of the adoption baseline (STD39xx), reported by the repository checks' runner. Each constant is its rule's one declaration ([Rule]: title, default severity, profile rows; [RuleParameter]: its numbers); code refers to a rule only through these constants.
/// </summary>
[RuleArea("Repository checks")]
public static class BaselineRuleIds
{
    /// <summary>The baseline file cannot be read or is malformed.</summary>
    [Rule("Baseline file is malformed", Severity.Error, "adoption-baseline")]
    public const string Malformed = "STD3901";

    /// <summary>A baseline entry no current finding matches: the problem was fixed.</summary>
    [Rule("Baseline entry no longer needed", Severity.Warning, "adoption-baseline")]
    public const string EntryNoLongerNeeded = "STD3902";

    /// <summary>A baseline entry past its expiry date: it no longer suppresses its finding.</summary>
    [Rule("Baseline entry expired", Severity.Warning, "adoption-baseline")]
    public const string EntryExpired = "STD3050";

    /// <summary>A code baseline entry past its expiry date: the compiler no longer suppresses its diagnostic.</summary>
    [Rule("Code baseline entry expired", Severity.Warning, "adoption-baseline")]
    public const string CodeEntryExpired = "STD3051";
}
