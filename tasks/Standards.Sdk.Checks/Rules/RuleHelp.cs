using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Rules;

/// <summary>
/// A rule's help link, the one place a report, a task or the tool takes it from: our page <c>&lt;code&gt;.md</c> for
/// every STD rule and for every analyzer rule the policy configures (the rule catalog; their pages are generated from
/// it), the rules index for any other code.
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

        return RuleCatalog.Find(code) is { } rule
            ? $"{baseUrl}{rule.Id}.md"
            : $"{baseUrl}README.md#{code.ToLowerInvariant()}";
    }

    /// <summary>The finding's message with its rule's help link appended, as it is shown to users.</summary>
    public static string MessageWithHelp(this Finding finding, string helpBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.Message} See {Link(helpBaseUrl, finding.Code)}";
    }
}
