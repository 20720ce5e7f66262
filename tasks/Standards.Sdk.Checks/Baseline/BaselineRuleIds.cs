namespace Standards.Sdk.Checks.Baseline;

/// <summary>
/// The rules of the adoption baseline (STD39xx), reported by the repository checks' runner. Titles and defaults are
/// declared with these ids in RuleCatalog.Orchestration.cs.
/// </summary>
public static class BaselineRuleIds
{
    /// <summary>The baseline file cannot be read or is malformed.</summary>
    public const string Malformed = "STD3901";

    /// <summary>A baseline entry no current finding matches: the problem was fixed.</summary>
    public const string EntryNoLongerNeeded = "STD3902";
}
