using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// A rule's help link, the one place a report, a task or the tool takes it from: our page <c>&lt;code&gt;.md</c> for
/// every STD rule and for every analyzer rule the policy configures (the rule catalog; their pages are generated from
/// it), the rule's row of the generated page of the rules the analysis level turns on (<see cref="RecommendedAnalyzerRules"/>),
/// the list of nullable warnings on STD0101's page for the compiler's nullable ids (<see cref="NullableWarnings"/>), and
/// the rules index, without a fragment, for a code the policy does not turn on.
/// </summary>
public static class RuleHelp
{
    /// <summary>The documentation page for a rule code under <paramref name="helpBaseUrl"/>.</summary>
    public static string Link(string helpBaseUrl, string code)
    {
        ArgumentNullException.ThrowIfNull(helpBaseUrl);
        ArgumentNullException.ThrowIfNull(code);
        var baseUrl = helpBaseUrl.EndsWith('/') ? helpBaseUrl : helpBaseUrl + "/";
        if (code.StartsWith("STD", StringComparison.Ordinal))
        {
            return $"{baseUrl}{code}.md";
        }

        if (RuleCatalog.Find(code) is { } rule)
        {
            return $"{baseUrl}{rule.Id}.md";
        }

        if (RecommendedAnalyzerRules.Title(code) is not null)
        {
            return $"{baseUrl}{RecommendedAnalyzerRules.PagePath}#{RecommendedAnalyzerRules.Anchor(code)}";
        }

        return NullableWarnings.Ids.Contains(code, StringComparer.OrdinalIgnoreCase)
            ? $"{baseUrl}STD0101.md#{NullableWarnings.PageAnchor}"
            : $"{baseUrl}README.md";
    }

    /// <summary>The finding's message with its rule's help link appended, as it is shown to users.</summary>
    public static string MessageWithHelp(this Finding finding, string helpBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.Message} See {Link(helpBaseUrl, finding.Code)}";
    }
}
