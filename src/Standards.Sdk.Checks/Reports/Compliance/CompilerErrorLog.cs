using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>What one compile reported, counted from the compiler's error log (SARIF 2.1, <c>-errorlog</c>).</summary>
/// <param name="Findings">One row per rule and severity; baselined: suppressed by the code baseline.</param>
/// <param name="SuppressedInSource">Diagnostics suppressed by #pragma, [SuppressMessage] or another suppressor.</param>
public sealed record CompilerCounts(IReadOnlyList<ComplianceRuleCount> Findings, int SuppressedInSource);

/// <summary>
/// Counts the diagnostics of a compiler error log (the SARIF 2.1 file csc writes with <c>ErrorLog</c>): every
/// result, at the level the compiler gave it (a warning made an error by TreatWarningsAsErrors is an error). A result
/// the code baseline suppressor suppressed (suppression id <c>STDB</c> + rule) is counted as baselined; one suppressed
/// in source otherwise is counted apart. Hidden diagnostics are not in the log.
/// Read with our JSON reader, not Sarif.Sdk: the checks take no dependency beyond System.Text.Json (MSBuild's process).
/// </summary>
public static class CompilerErrorLog
{
    /// <summary>The prefix of the code baseline suppressor's suppression ids (src/Standards.Sdk.Analyzers).</summary>
    public const string BaselineSuppressionPrefix = "Suppression Id: STDB";

    /// <summary>The counts, or the STD0007 finding that says why the log cannot be read.</summary>
    public static (CompilerCounts? Counts, Finding? Problem) Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = JsonFormats.CompilerErrorLog.Parse(text);
        if (!parsed.Succeeded)
        {
            return (null, Problem(path, $"it is not valid JSON ({parsed.Error})", parsed.ErrorLine));
        }

        if (parsed.Root is not JsonObjectNode root || root.Get("runs") is not JsonArrayNode runs)
        {
            var node = parsed.Root is JsonObjectNode o ? (JsonValueNode?)o.Get("runs") ?? o : parsed.Root!;
            return (null, Problem(path, "it has no \"runs\" array", node.Line));
        }

        var rows = new Dictionary<(string Rule, string Severity), (int Count, int Baselined)>();
        var suppressed = 0;
        foreach (var run in runs.Items)
        {
            if (run is not JsonObjectNode runObject || runObject.Get("results") is not JsonArrayNode results)
            {
                return (null, Problem(path, "a run has no \"results\" array", run.Line));
            }

            if (CountResults(results, rows, ref suppressed) is { } line)
            {
                return (null, Problem(path, "a result has no \"ruleId\"", line));
            }
        }

        return (new CompilerCounts([.. rows.Select(r => new ComplianceRuleCount(r.Key.Rule, r.Key.Severity, r.Value.Count, r.Value.Baselined))], suppressed), null);
    }

    /// <summary>Adds a run's results to <paramref name="rows"/>; the line of a result without a rule, or null.</summary>
    private static int? CountResults(JsonArrayNode results, Dictionary<(string Rule, string Severity), (int Count, int Baselined)> rows, ref int suppressed)
    {
        foreach (var item in results.Items)
        {
            if (item is not JsonObjectNode result || result.Get("ruleId") is not JsonStringNode { Value.Length: > 0 } rule)
            {
                return item.Line;
            }

            var severity = LevelOf(result);
            var suppression = SuppressionOf(result);
            if (severity is null)
            {
                continue;
            }

            if (suppression == Suppression.InSource)
            {
                suppressed++;
                continue;
            }

            var key = (rule.Value, severity);
            var (count, baselined) = rows.TryGetValue(key, out var current) ? current : (0, 0);
            rows[key] = (count + 1, baselined + (suppression == Suppression.Baseline ? 1 : 0));
        }

        return null;
    }

    private enum Suppression
    {
        None,
        Baseline,
        InSource,
    }

    /// <summary>error, warning or info; null for a level the build does not show ("none").</summary>
    private static string? LevelOf(JsonObjectNode result) => (result.Get("level") as JsonStringNode)?.Value switch
    {
        "error" => "error",
        "note" => "info",
        "none" => null,
        _ => "warning",
    };

    private static Suppression SuppressionOf(JsonObjectNode result)
    {
        if (result.Get("suppressions") is not JsonArrayNode { Items.Count: > 0 } suppressions)
        {
            return Suppression.None;
        }

        var byBaseline = suppressions.Items.OfType<JsonObjectNode>().Any(s =>
            s.Get("properties") is JsonObjectNode properties
            && properties.Get("suppressionType") is JsonStringNode type
            && type.Value.Contains(BaselineSuppressionPrefix, StringComparison.Ordinal));
        return byBaseline ? Suppression.Baseline : Suppression.InSource;
    }

    private static Finding Problem(string path, string what, int line) => new(PolicyRuleIds.InputUnreadable, Diagnostics.Severity.Error,
        $"The compiler's error log {path} cannot be read: {what}, so compliance.json cannot count this project's diagnostics. Delete the file and build again; the compiler writes it on every compile (ErrorLog).",
        path, line);
}
