namespace Standards.Sdk.Checks.Diagnostics;

/// <summary>
/// One diagnostic produced by a check. Tasks turn findings into MSBuild errors, warnings and messages;
/// reports (SARIF, markdown) are written from the same records.
/// </summary>
/// <param name="Code">Stable rule code, e.g. <c>STD0001</c>.</param>
/// <param name="Severity">How it is reported.</param>
/// <param name="Message">What is wrong and how to fix it (one or two sentences).</param>
/// <param name="File">The file the finding is about, or null for a repo-wide finding.</param>
/// <param name="Line">1-based line, 0 when the finding has no line.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record Finding(string Code, Severity Severity, string Message, string? File = null, int Line = 0, int Column = 0)
{
    /// <summary>The message with the rule's help link appended, as it is shown to users.</summary>
    public string MessageWithHelp(string helpBaseUrl) => $"{Message} See {HelpLink(helpBaseUrl, Code)}";

    /// <summary>
    /// The documentation page for a rule code: our page <c>&lt;code&gt;.md</c> for every STD rule and for every
    /// analyzer rule the policy configures (the rule catalog; their pages are generated from it), the rules index for
    /// any other code. The one place a report, a task or the tool takes a rule's link from.
    /// </summary>
    public static string HelpLink(string helpBaseUrl, string code)
    {
        ArgumentNullException.ThrowIfNull(helpBaseUrl);
        ArgumentNullException.ThrowIfNull(code);
        var baseUrl = helpBaseUrl.EndsWith('/') ? helpBaseUrl : helpBaseUrl + "/";
        if (code.StartsWith("STD", StringComparison.Ordinal))
        {
            return $"{baseUrl}{code}.md";
        }

        return Rules.RuleCatalog.Find(code) is { } rule
            ? $"{baseUrl}{rule.Id}.md"
            : $"{baseUrl}README.md#{code.ToLowerInvariant()}";
    }
}
