using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>The final values of a project's vulnerability-audit settings, as MSBuild evaluated them.</summary>
/// <param name="ProjectFile">The project file.</param>
/// <param name="SettingFiles">Files that may set the properties (project first), searched for the line to report.</param>
/// <param name="NuGetAudit">Final <c>NuGetAudit</c>.</param>
/// <param name="NuGetAuditMode">Final <c>NuGetAuditMode</c>.</param>
/// <param name="NuGetAuditLevel">Final <c>NuGetAuditLevel</c>.</param>
/// <param name="ErrorLevel">Final <c>StandardsNuGetAuditErrorLevel</c>.</param>
/// <param name="WarningsAsErrors">Final <c>WarningsAsErrors</c>.</param>
/// <param name="NoWarn">Final <c>NoWarn</c>.</param>
/// <param name="WarningsNotAsErrors">Final <c>WarningsNotAsErrors</c>.</param>
public sealed record AuditSettings(
    string ProjectFile,
    IReadOnlyList<string> SettingFiles,
    string NuGetAudit,
    string NuGetAuditMode,
    string NuGetAuditLevel,
    string ErrorLevel,
    string WarningsAsErrors,
    string NoWarn,
    string WarningsNotAsErrors) : IPropertySources
{
    /// <summary>Names of the build's global properties (set with -p:), which beat every file.</summary>
    public IReadOnlySet<string>? GlobalProperties { get; init; }

    /// <summary>Reads an environment variable (MSBuild turns them into properties); null: none.</summary>
    public Func<string, string?>? Environment { get; init; }
}

/// <summary>
/// The vulnerability audit (docs/standards-profile.md#vulnerability-audit): every package audited, transitive included, moderate
/// and above reported, high and critical errors. The severity mapping lives in
/// sdk/features/Standards.Dependencies.targets; <see cref="ErrorCodes"/> is the same table in C#.
/// </summary>
public static class AuditSettingsCheck
{
    /// <summary>The advisory severities, lowest first, with the NuGet warning each raises.</summary>
    public static readonly IReadOnlyList<(string Level, string Code)> Levels =
        [("low", "NU1901"), ("moderate", "NU1902"), ("high", "NU1903"), ("critical", "NU1904")];

    /// <summary>The profile's default for StandardsNuGetAuditErrorLevel.</summary>
    public const string DefaultErrorLevel = "high";

    /// <summary>The profile's default for NuGetAuditLevel.</summary>
    public const string DefaultReportLevel = "moderate";

    /// <summary>
    /// The NuGet codes that become errors for an error level (<c>low</c>, <c>moderate</c>, <c>high</c>,
    /// <c>critical</c>, <c>none</c>); null for a word that is not a level.
    /// </summary>
    public static IReadOnlyList<string>? ErrorCodes(string? errorLevel)
    {
        var level = (errorLevel ?? string.Empty).Trim().ToLowerInvariant();
        if (level == "none")
        {
            return [];
        }

        var index = Levels.ToList().FindIndex(l => l.Level == level);
        return index < 0 ? null : [.. Levels.Skip(index).Select(l => l.Code)];
    }

    /// <summary>Rank of a level (0 = low ... 3 = critical), or -1.</summary>
    private static int Rank(string level) =>
        Levels.ToList().FindIndex(l => string.Equals(l.Level, level.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs the check; <paramref name="severity"/> is the rule's severity for the project (None: skip).</summary>
    public static IReadOnlyList<Finding> Run(AuditSettings settings, Severity severity, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(readFile);
        if (severity == Severity.None)
        {
            return [];
        }

        var findings = new List<Finding>();
        var locator = MsBuildPropertyLocator.For(settings, readFile);
        void Add(string property, string problem, string? containing)
        {
            var where = locator.Value.Locate(property, containing);
            var (file, line) = (where.File, where.Line);
            findings.Add(new Finding(DependencyRuleIds.AuditWeakened, severity,
                $"{problem}{where.Suffix} The policy audits every package, transitive included, and fails the build on high and critical advisories. Remove the override, suppress one reviewed advisory with <NuGetAuditSuppress Include=\"<advisory URL>\" />, or add an exception for {DependencyRuleIds.AuditWeakened} to standards.json.",
                file, line));
        }

        if (!string.Equals(settings.NuGetAudit.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            Add("NuGetAudit", $"NuGetAudit is '{settings.NuGetAudit}': the vulnerability audit is off.", null);
            return findings;
        }

        ModeAndLevel(settings, Add);
        CodesSilenced(settings, ExpectedErrorCodes(settings, Add), Add);
        return findings;
    }

    /// <summary>Transitive packages not audited, or moderate advisories not reported.</summary>
    private static void ModeAndLevel(AuditSettings settings, Action<string, string, string?> add)
    {
        if (!string.Equals(settings.NuGetAuditMode.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            add("NuGetAuditMode", $"NuGetAuditMode is '{settings.NuGetAuditMode}': transitive packages are not audited.", null);
        }

        var reportRank = Rank(settings.NuGetAuditLevel);
        if (reportRank < 0 || reportRank > Rank(DefaultReportLevel))
        {
            add("NuGetAuditLevel", $"NuGetAuditLevel is '{settings.NuGetAuditLevel}': moderate advisories are not reported.", null);
        }
    }

    /// <summary>The NU190x codes that must be errors: the configured level's, or the default's when that level is wrong (reported).</summary>
    private static IReadOnlyList<string> ExpectedErrorCodes(AuditSettings settings, Action<string, string, string?> add)
    {
        var expected = ErrorCodes(settings.ErrorLevel);
        if (expected is null)
        {
            add("StandardsNuGetAuditErrorLevel", $"StandardsNuGetAuditErrorLevel is '{settings.ErrorLevel}'; it must be one of low, moderate, high, critical.", null);
            return ErrorCodes(DefaultErrorLevel)!;
        }

        if (!expected.Contains("NU1903", StringComparer.Ordinal))
        {
            add("StandardsNuGetAuditErrorLevel", $"StandardsNuGetAuditErrorLevel is '{settings.ErrorLevel}': high advisories are no longer errors.", null);
            return ErrorCodes(DefaultErrorLevel)!;
        }

        return expected;
    }

    /// <summary>An expected code silenced, kept from being an error or dropped from WarningsAsErrors; NU1902 silenced.</summary>
    private static void CodesSilenced(AuditSettings settings, IReadOnlyList<string> expected, Action<string, string, string?> add)
    {
        var asErrors = Split(settings.WarningsAsErrors);
        var notAsErrors = Split(settings.WarningsNotAsErrors);
        var noWarn = Split(settings.NoWarn);
        foreach (var code in expected)
        {
            if (noWarn.Contains(code))
            {
                add("NoWarn", $"NoWarn silences {code} (a vulnerable package).", code);
            }
            else if (notAsErrors.Contains(code))
            {
                add("WarningsNotAsErrors", $"WarningsNotAsErrors keeps {code} (a vulnerable package) from failing the build.", code);
            }
            else if (!asErrors.Contains(code))
            {
                add("WarningsAsErrors", $"WarningsAsErrors no longer contains {code} (a vulnerable package); it was replaced after Standards.Sdk set it.", null);
            }
        }

        if (noWarn.Contains("NU1902") && !expected.Contains("NU1902", StringComparer.Ordinal))
        {
            add("NoWarn", "NoWarn silences NU1902 (a package with a moderate advisory).", "NU1902");
        }
    }

    private static HashSet<string> Split(string value) =>
        new(value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
