using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

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

    /// <summary>The lowest measured value per key, rounded down to a whole percent.</summary>
    public static IReadOnlyDictionary<string, int> From(IEnumerable<BuildDiagnostic> diagnostics) =>
        diagnostics.Where(d => Gates.ContainsKey(d.Code) && Measured().IsMatch(d.Message))
            .GroupBy(d => Gates[d.Code], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (int)Math.Floor(g.Min(d => double.Parse(Measured().Match(d.Message).Groups["value"].Value, CultureInfo.InvariantCulture))),
                StringComparer.Ordinal);

    /// <summary>standards.json (null: none yet) with the coverage minimums set; other settings are kept.</summary>
    public static string Apply(string? policy, IReadOnlyDictionary<string, int> minimums)
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
            coverage[key] = value;
        }

        return root.ToJsonString(WriteOptions) + "\n";
    }
}
