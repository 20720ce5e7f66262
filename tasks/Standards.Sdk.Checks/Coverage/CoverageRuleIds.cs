namespace Standards.Sdk.Checks.Coverage;

/// <summary>The coverage gate's rule codes (profile §4), STD40xx. The catalog entries are in RuleCatalog.QualityGates.cs.</summary>
public static class CoverageRuleIds
{
    /// <summary>A coverage report cannot be read (not Cobertura, malformed XML, unreadable).</summary>
    public const string ReportMalformed = "STD4001";

    /// <summary>Line coverage below the threshold.</summary>
    public const string LineBelowThreshold = "STD4002";

    /// <summary>Branch coverage below the threshold.</summary>
    public const string BranchBelowThreshold = "STD4003";

    /// <summary>A critical project's line coverage below the critical threshold.</summary>
    public const string CriticalBelowThreshold = "STD4004";

    /// <summary>Coverage dropped below the committed baseline (ratchet).</summary>
    public const string BelowBaseline = "STD4005";

    /// <summary>The coverage baseline file cannot be read.</summary>
    public const string BaselineMalformed = "STD4006";

    /// <summary>A test run produced no coverage report, or the merge found none.</summary>
    public const string ReportMissing = "STD4007";

    /// <summary>Coverage rose above the baseline: the ratchet can be raised.</summary>
    public const string BaselineCanRise = "STD4008";
}
