using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Coverage;
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
        JsonObject root;
        try
        {
            root = policy is null ? [] : JsonNode.Parse(policy, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new ToolException(ToolRuleIds.ConfigurationMalformed, "standards.json must be a JSON object.", PolicyFile, 1);
        }
        catch (JsonException ex)
        {
            throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"standards.json is not valid JSON ({ex.Message}). Fix it (the build reports it as STD0001) and run the command again.", PolicyFile, (int)(ex.LineNumber ?? 0) + 1);
        }

        if (root["coverage"] is not JsonObject coverage)
        {
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
