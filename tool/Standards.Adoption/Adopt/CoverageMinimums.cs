using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The per-run coverage gate's minimums (standards.json <c>coverage.line</c>, <c>branch</c>, <c>criticalLine</c>;
/// docs/quality-gates.md) set to the coverage a repo's tests reach on adoption, so `dotnet test` passes today and
/// the numbers are raised as tests are added.
/// </summary>
public static partial class CoverageMinimums
{
    /// <summary>The policy file at the repo root.</summary>
    public const string PolicyFile = "standards.json";

    /// <summary>The gate codes and the standards.json key each one's minimum is.</summary>
    public static readonly IReadOnlyDictionary<string, string> Gates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CoverageRuleIds.LineBelowThreshold] = "line",
        [CoverageRuleIds.BranchBelowThreshold] = "branch",
        [CoverageRuleIds.CriticalBelowThreshold] = "criticalLine",
    };

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // "Line coverage of X over Y is 44.4 % (16 of 36 lines), below the minimum of 80.0 %."
    [GeneratedRegex(" is (?<value>[0-9]+(?:\\.[0-9]+)?) % ", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Measured();

    // "Line coverage of FuzzingTests over Acme.Orders, Acme.Core is ...": the gate of one test project's own run; the
    // merge's name a project under test or "the repo (merged over every test run)" without " over ".
    [GeneratedRegex("^(Line|Branch) coverage of (?<test>\\S+) over ", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RunGate();

    /// <summary>
    /// The lowest value the merge measured per key (each project under test and the repo total, every test run
    /// merged), rounded down to a whole percent (to one decimal under 1 %, so a coverage that is low but not nothing
    /// is not recorded as a minimum of 0). A test project's own run does not lower the repo's minimums: a run that
    /// tests a part (a fuzzing or an example project) gets an exception (<see cref="RunsBelow"/>), and the merge keeps
    /// holding the repo to what all its tests reach. A merge gate that measured 0 % of real lines or branches sets no
    /// minimum: a minimum of 0 would pass on anything, so it is in <see cref="Uncovered"/> instead.
    /// </summary>
    public static IReadOnlyDictionary<string, double> From(IEnumerable<BuildDiagnostic> diagnostics) =>
        Measurements(diagnostics)
            .Where(m => m.Value > 0 && RunOf(m.Diagnostic) is null)
            .GroupBy(m => Gates[m.Diagnostic.Code], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RoundDown(g.Min(m => m.Value)), StringComparer.Ordinal);

    /// <summary>The merge's gate findings that measured 0 % of real lines or branches: nothing of that code is tested, and no minimum can hold it.</summary>
    public static IReadOnlyList<BuildDiagnostic> Uncovered(IEnumerable<BuildDiagnostic> diagnostics) =>
        [.. Measurements(diagnostics).Where(m => m.Value <= 0 && RunOf(m.Diagnostic) is null).Select(m => m.Diagnostic)];

    /// <summary>
    /// Of <see cref="Uncovered"/>, the gates of one project under test (not the repo total), each (rule, project)
    /// once: a project the tests reference and reach none of, which an exception scoped to it can hold while the repo
    /// total is judged on the rest.
    /// </summary>
    public static IReadOnlyList<(string Rule, string Project)> UncoveredProjects(IEnumerable<BuildDiagnostic> diagnostics) =>
        [.. Uncovered(diagnostics)
            .Select(d => (d.Code, Project: ProjectOf(d)))
            .Where(u => u.Project is not null)
            .Select(u => (u.Code, u.Project!))
            .Distinct()
            .OrderBy(u => u.Item2, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)];

    /// <summary>The project under test a merge gate finding judges; null for the repo total's and a run's.</summary>
    public static string? ProjectOf(BuildDiagnostic diagnostic) =>
        RunOf(diagnostic) is null && ProjectGate().Match(diagnostic.Message) is { Success: true } match ? match.Groups["project"].Value : null;

    /// <summary>
    /// The test runs whose own gate stays below the minimums once <paramref name="minimums"/> are set (a key without
    /// a new minimum keeps the one the run failed): each (rule, test project, measured %) once, for an exception
    /// scoped to the test project, which waives its own run's gate only.
    /// </summary>
    public static IReadOnlyList<(string Rule, string TestProject, double Measured)> RunsBelow(IEnumerable<BuildDiagnostic> diagnostics, IReadOnlyDictionary<string, double> minimums)
    {
        ArgumentNullException.ThrowIfNull(minimums);
        return [.. Measurements(diagnostics)
            .Select(m => (m.Diagnostic.Code, Run: RunOf(m.Diagnostic), m.Value))
            .Where(m => m.Run is not null && (!minimums.TryGetValue(Gates[m.Code], out var minimum) || RoundDown(m.Value) < minimum))
            .Select(m => (m.Code, m.Run!, m.Value))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    // "Line coverage of Acme.Core is 0.0 % (...)", "Acme.Core is a critical project and its line coverage is ...": the
    // merge's gate of one project under test; the repo total's subject, "the repo (merged over every test run)", is
    // not one name, and a run's has " over " after its test project.
    [GeneratedRegex("^(?:(?:Line|Branch) coverage of (?<project>\\S+) is |(?<project>\\S+) is a critical project )", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ProjectGate();

    /// <summary>The test project whose own run a gate finding judges; null for the merge's.</summary>
    private static string? RunOf(BuildDiagnostic diagnostic) =>
        RunGate().Match(diagnostic.Message) is { Success: true } match ? match.Groups["test"].Value : null;

    /// <summary>The minimum as standards.json gets it, in the invariant culture.</summary>
    public static string Format(double minimum) => minimum.ToString("0.#", CultureInfo.InvariantCulture);

    private static double RoundDown(double measured) =>
        measured >= 1 ? Math.Floor(measured) : Math.Floor(measured * 10) / 10;

    private static IEnumerable<(BuildDiagnostic Diagnostic, double Value)> Measurements(IEnumerable<BuildDiagnostic> diagnostics) =>
        diagnostics.Where(d => Gates.ContainsKey(d.Code) && Measured().IsMatch(d.Message))
            .Select(d => (d, double.Parse(Measured().Match(d.Message).Groups["value"].Value, CultureInfo.InvariantCulture)));

    /// <summary>standards.json (null: none yet) with the coverage minimums set; other settings are kept.</summary>
    public static string Apply(string? policy, IReadOnlyDictionary<string, double> minimums)
    {
        ArgumentNullException.ThrowIfNull(minimums);
        var (root, positions) = policy is null
            ? ([], null)
            : EditableJson.Load(JsonFormats.Policy, PolicyFile, policy, "Fix it (the build reports it as STD0001 or STD0002) and run the command again.");

        if (root["coverage"] is not JsonObject coverage)
        {
            if (positions?.Get("coverage") is { } wrong)
            {
                throw new ToolException(ToolRuleIds.ConfigurationMalformed,
                    $"standards.json's \"coverage\" must be an object, not {wrong.Kind}. Fix it (the build reports it as STD0002) and run the command again.", PolicyFile, wrong.Line);
            }

            coverage = [];
            root["coverage"] = coverage;
        }

        foreach (var (key, value) in minimums.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            coverage[key] = value == Math.Floor(value) ? JsonValue.Create((int)value) : JsonValue.Create(value);
        }

        return root.ToJsonString(WriteOptions) + "\n";
    }
}
