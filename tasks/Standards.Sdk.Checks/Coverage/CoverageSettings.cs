using System.Globalization;
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
    /// <summary>The keys the section accepts.</summary>
    public static readonly IReadOnlyList<string> Keys = ["line", "branch", "criticalLine", "tolerance", "exclude"];

    /// <summary>The profile defaults.</summary>
    public static CoverageSettings Default { get; } = new();

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
        var (obj, path) = PolicySection.Read(policy, "coverage", Keys, findings);
        if (obj is null)
        {
            return Default;
        }

        return new CoverageSettings
        {
            Line = Number(obj, "line", Default.Line, 100, path, findings),
            Branch = Number(obj, "branch", Default.Branch, 100, path, findings),
            CriticalLine = Number(obj, "criticalLine", Default.CriticalLine, 100, path, findings),
            Tolerance = Number(obj, "tolerance", Default.Tolerance, 100, path, findings),
            Exclude = Globs(obj.Get("exclude"), path, findings),
        };
    }

    private static double Number(JsonObjectNode section, string name, double fallback, double max, string path, List<Finding> findings) =>
        PolicySection.Number(section.Get(name), max, fallback,
            $"'coverage.{name}' must be a number from 0 to {max.ToString(CultureInfo.InvariantCulture)} (default {fallback.ToString(CultureInfo.InvariantCulture)}).", path, findings);

    private static List<string> Globs(JsonValueNode? node, string path, List<Finding> findings)
    {
        if (node is null)
        {
            return [];
        }

        if (node is JsonArrayNode array && array.Items.All(i => i is JsonStringNode { Value.Length: > 0 }))
        {
            return [.. array.Items.Cast<JsonStringNode>().Select(i => Glob.Normalize(i.Value.Trim()))];
        }

        findings.Add(PolicyLoader.Shape(path, node, "'coverage.exclude' must be an array of repo-relative globs (non-empty strings), e.g. [\"src/Acme.Orders/Migrations/**\"]."));
        return [];
    }
}
