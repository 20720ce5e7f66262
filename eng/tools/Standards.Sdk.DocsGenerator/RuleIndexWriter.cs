using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Produces docs/rules/README.md — every rule the SDK enforces, ours and the analyzer rules it turns on, with
/// default severity and numbers — from the catalog. A test fails when the committed file differs.
/// </summary>
public static class RuleIndexWriter
{
    /// <summary>The index of the rule catalog as markdown.</summary>
    public static string Write() => Write(RuleCatalog.All);

    /// <summary>The index of <paramref name="rules"/> as markdown (a test passes the catalog with a sample rule added).</summary>
    public static string Write(IReadOnlyList<RuleDefinition> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var sb = new StringBuilder();
        sb.Append("""
            # Rules index

            Every rule Standards.Sdk enforces: its own (`STDnnnn`) and the analyzer rules it turns on (CA, IDE, RS0030, CS),
            each with a page in this folder, with the default severity and numbers a repo gets when `standards.json` says nothing.
            This file and the analyzer rules' pages are generated from the rule catalog (`src/Standards.Sdk.Checks/Rules/`);
            a test fails when they drift. Regenerate them with `eng/update-generated.sh`.
            Our reports (SARIF, `summary.md`, the tasks' messages, `dotnet standards` output) link these pages; the compiler's
            own console line for an analyzer rule keeps that analyzer's link, since no compiler switch changes the help link of
            a third-party analyzer's descriptor.

            Severity: **error** fails the build; **warning** fails CI builds (warnings are errors there); **info** is reported
            only. *Locked* rules cannot be silenced by a project without an exception entry ([STD0103](STD0103.md)).
            "Tests" is the severity in test projects when it differs. "Profile" links the rows of the
            [standards profile](../standards-profile.md) the rule enforces, which say where each rule comes from.

            Beyond these, the analysis level the policy sets (`latest-recommended`) turns on the NetAnalyzers rules listed,
            one row each, in [the recommended analyzer rules](recommended-analyzer-rules.md), and the compiler's nullable
            warnings are errors under [STD0101](STD0101.md#nullable-warnings), which lists their ids. Our reports link a code
            none of these pages names (another analyzer package's rule, a compiler warning) to this index.

            """);
        foreach (var area in rules.Select(r => r.Area).Distinct())
        {
            sb.Append('\n').Append("## ").Append(area).Append("\n\n");
            sb.Append("| Rule | Title | Default | Tests | Numbers | Applies to | Profile |\n");
            sb.Append("|---|---|---|---|---|---|---|\n");
            foreach (var rule in rules.Where(r => r.Area == area))
            {
                sb.Append("| ").Append(RuleLink(rule))
                    .Append(" | ").Append(rule.Title)
                    .Append(" | ").Append(SeverityNames.ToWord(rule.DefaultSeverity)).Append(rule.Locked ? " (locked)" : string.Empty)
                    .Append(" | ").Append(rule.TestSeverity is { } t ? SeverityNames.ToWord(t) : string.Empty)
                    .Append(" | ").Append(string.Join("; ", rule.Parameters.Select(Number)))
                    .Append(" | ").Append(rule.Kinds is null ? "all" : string.Join(", ", rule.Kinds))
                    .Append(" | ").Append(ProfileLinks(rule))
                    .Append(" |\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>Every rule of the catalog has its page here: ours written by hand, the analyzer rules' generated.</summary>
    private static string RuleLink(RuleDefinition rule) => $"<a id=\"{rule.Id.ToLowerInvariant()}\"></a>[{rule.Id}]({rule.Id}.md)";

    /// <summary>The rule's profile rows as links into docs/standards-profile.md, labelled with the row's anchor in words.</summary>
    private static string ProfileLinks(RuleDefinition rule) =>
        rule.ProfileAnchors.Count == 0
            ? "—"
            : string.Join(", ", rule.ProfileAnchors.Select(a => $"[{a.Replace('-', ' ')}](../standards-profile.md#{a})"));

    private static string Number(RuleParameter p) =>
        p.StrictDefault is null ? $"`{p.Name}` {p.Default}" : $"`{p.Name}` {p.Default} (strict {p.StrictDefault})";
}
