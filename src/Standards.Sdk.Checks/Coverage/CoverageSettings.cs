using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// The "coverage" section of standards.json (profile §4):
/// <code>
/// "coverage": { "line": 80, "branch": 60, "criticalLine": 90, "tolerance": 0.5, "exclude": ["src/Acme.Orders/Migrations/**"] }
/// </code>
/// Percentages from 0 to 100 (decimals allowed); <c>tolerance</c> is how many percentage points coverage may fall
/// below the committed baseline before the ratchet fails. Critical projects are the ones the layout section
/// names (<c>layout.criticalProjects</c>) or that set <c>StandardsCritical</c>. Severities go in "rules".
/// </summary>
public sealed record CoverageSettings
{
    /// <summary>The profile defaults.</summary>
    public static CoverageSettings Default { get; } = new();

    private const string ExcludeHint = "Write an array of repo-relative globs, such as [\"src/Acme.Orders/Migrations/**\"].";

    /// <summary>The section's keys, read by <see cref="Read"/> and published in the schema.</summary>
    internal static readonly JsonShape Shape = new(
        "'coverage' of standards.json",
        PolicySection.Percent("line", Default.Line, 100, "Minimum line coverage in percent (0-100): of each test run, each project under test and the repo total."),
        PolicySection.Percent("branch", Default.Branch, 100, "Minimum branch coverage in percent (0-100): of each test run, each project under test and the repo total."),
        PolicySection.Percent("criticalLine", Default.CriticalLine, 100, "Minimum line coverage of critical projects (layout.criticalProjects, StandardsCritical) in percent."),
        PolicySection.Percent("tolerance", Default.Tolerance, 100, "Percentage points the merged coverage may fall below standards-coverage-baseline.json before the ratchet fails."),
        new JsonKey("exclude", JsonType.Array) { Hint = ExcludeHint, TextItems = true, Description = "Repo-relative globs of source files that do not count (generated code is always excluded)." });

    /// <summary>Minimum line coverage in percent.</summary>
    public double Line { get; init; } = 80;

    /// <summary>Minimum branch coverage in percent.</summary>
    public double Branch { get; init; } = 60;

    /// <summary>Minimum line coverage of a critical project in percent.</summary>
    public double CriticalLine { get; init; } = 90;

    /// <summary>Percentage points coverage may fall below the baseline.</summary>
    public double Tolerance { get; init; } = 0.5;

    /// <summary>Repo-relative globs of source files that do not count.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Reads the section; problems (STD0002, with the line) go to <paramref name="findings"/>, and what is valid applies.</summary>
    public static CoverageSettings Read(StandardsPolicy policy, List<Finding> findings)
    {
        var (read, path) = PolicySection.Read(policy, "coverage", Shape, findings);
        if (read?.Source is null)
        {
            return Default;
        }

        return new CoverageSettings
        {
            Line = read.GetNumber("line") ?? Default.Line,
            Branch = read.GetNumber("branch") ?? Default.Branch,
            CriticalLine = read.GetNumber("criticalLine") ?? Default.CriticalLine,
            Tolerance = read.GetNumber("tolerance") ?? Default.Tolerance,
            Exclude = Globs(read.GetArray("exclude"), path, findings),
        };
    }

    private static List<string> Globs(JsonArrayNode? array, string path, List<Finding> findings) =>
        PolicySection.Strings(array, "'coverage.exclude' must be an array of repo-relative globs (non-empty strings), e.g. [\"src/Acme.Orders/Migrations/**\"].", path, findings)
            ?.Select(Glob.Normalize).ToList() ?? [];
}
