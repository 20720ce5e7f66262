using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Baseline;

/// <summary>
/// The code baseline's dated entries, judged for the repository checks: the compiler's suppressor already ignores an
/// entry past its <c>expires</c> date (its diagnostic fails again), and this names the entry, its reason and date
/// (STD3051); an <c>expires</c> that is not a YYYY-MM-DD date is STD3901 at its line. The rest of the file's format
/// is the tool's to judge (STD7504).
/// </summary>
public static class CodeBaselineExpiry
{
    /// <summary>The file name at the repo root.</summary>
    public const string FileName = "standards-code-baseline.json";

    /// <summary>STD3051 for each expired entry and STD3901 for each unreadable date of <paramref name="text"/> on <paramref name="today"/>.</summary>
    public static IReadOnlyList<Finding> Judge(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        if (JsonFormats.CodeBaseline.Parse(text).Root is not JsonObjectNode root || root.Get("diagnostics") is not JsonArrayNode diagnostics)
        {
            return findings;
        }

        foreach (var entry in diagnostics.Items.OfType<JsonObjectNode>())
        {
            if (entry.Get("expires") is not { } node)
            {
                continue;
            }

            if (node is not JsonStringNode date || !DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            {
                findings.Add(new Finding(BaselineRuleIds.Malformed, Severity.Error,
                    $"{FileName}: \"expires\" is {(node is JsonStringNode s ? $"'{JsonText.Shown(s.Value)}'" : node.Kind)}; write the date as a string YYYY-MM-DD, e.g. \"2027-03-31\" (the last day the entry suppresses its finding). Until then the entry suppresses nothing.",
                    FileName, node.Line, node.Column));
            }
            else if (today > expires)
            {
                findings.Add(new Finding(BaselineRuleIds.CodeEntryExpired, Severity.Warning, Message(entry, expires), FileName, entry.Line, entry.Column));
            }
        }

        return findings;
    }

    private static string Message(JsonObjectNode entry, DateOnly expires)
    {
        string? Text(string name) => (entry.Get(name) as JsonStringNode)?.Value is { } value ? JsonText.Shown(value) : null;
        var reason = Text("reason") is { } r ? $", recorded for \"{r}\"," : string.Empty;
        var file = Text("file") is { Length: > 0 } f ? $" in {f}" : string.Empty;
        return $"{FileName}: the entry for {Text("id")}{file}{reason} expired on {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; the compiler no longer suppresses its finding. Fix the finding (then `dotnet standards adopt` drops the entry), or, if it must wait, set a later \"expires\" date with the reason.";
    }
}
