using System.Text;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// Writes docs/rules/&lt;id&gt;.md for each analyzer rule the policy configures that is not ours (CA, IDE, RS0030, CS):
/// what the policy sets for it, why (the profile rows its declaration names), how to fix, configure and except it,
/// with the vendor's page linked. Unlike an STD page these are wholly generated: rewritten on every run, and a test
/// fails when a committed one differs, so they cannot drift from the catalog.
/// </summary>
public static class AnalyzerRulePageWriter
{
    /// <summary>The comment at the top of each page.</summary>
    public const string GeneratedMarker = "<!-- Generated from the rule catalog (tasks/Standards.Sdk.Checks/Rules/) by eng/update-generated.sh: do not edit. -->";

    /// <summary>The rules that get a generated page: every catalog rule that is not ours.</summary>
    public static IReadOnlyList<RuleDefinition> Rules { get; } =
        [.. RuleCatalog.All.Where(r => r.Origin is not (RuleOrigin.StandardsTask or RuleOrigin.StandardsAnalyzer))];

    /// <summary>The pages, repo-relative, with what writes each.</summary>
    public static IReadOnlyList<(string Path, Func<string, string> Write)> Files { get; } =
        [.. Rules.Select(r => (PagePath(r), (Func<string, string>)(_ => Write(r))))];

    /// <summary>The repo-relative path of <paramref name="rule"/>'s page.</summary>
    public static string PagePath(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"docs/rules/{rule.Id}.md";
    }

    /// <summary>The page of <paramref name="rule"/>.</summary>
    public static string Write(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        sb.Append(GeneratedMarker).Append("\n\n");
        Header(sb, rule);
        WhatItChecks(sb, rule);
        sb.Append("\n## Why\n\nThe standards profile asks for it: ").Append(ProfileLinks(rule))
            .Append(". The profile rows say where each rule comes from.\n");
        sb.Append("\n## How to fix\n\n").Append(FixLine(rule)).Append(" The analyzer's own page describes the rule and its fixes: ")
            .Append('<').Append(rule.VendorHelpLink).Append(">.\n");
        Configure(sb, rule);
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, RuleDefinition rule)
    {
        sb.Append("| | |\n|---|---|\n");
        sb.Append("| Severity | ").Append(SeverityNames.ToWord(rule.DefaultSeverity)).Append(rule.Locked ? " (locked)" : string.Empty).Append(" |\n");
        sb.Append("| In test projects | ").Append(SeverityNames.ToWord(rule.SeverityFor(ProjectKinds.Test))).Append(" |\n");
        sb.Append("| Area | ").Append(rule.Area).Append(" |\n");
        sb.Append("| Applies to | ").Append(rule.Kinds is null ? "every project kind" : string.Join(", ", rule.Kinds)).Append(" |\n");
        sb.Append("| Reported by | ").Append(Reporter(rule.Origin)).Append(", during compilation |\n");
        sb.Append("| Source | Standards profile: ").Append(ProfileLinks(rule)).Append(" |\n");
    }

    private static void WhatItChecks(StringBuilder sb, RuleDefinition rule)
    {
        sb.Append("\n## What it checks\n\n").Append(Reporter(rule.Origin)).Append(" reports ").Append(rule.Id).Append(" (")
            .Append(rule.Title.ToLowerInvariant()[0]).Append(rule.Title[1..]).Append("). The policy turns it on as **")
            .Append(SeverityNames.ToWord(rule.DefaultSeverity)).Append("** in ")
            .Append(rule.Kinds is null ? "every project kind" : string.Join(", ", rule.Kinds) + " projects")
            .Append(rule.TestSeverity is { } test ? $" and **{SeverityNames.ToWord(test)}** in test projects" : string.Empty)
            .Append(", through the analyzer config the SDK generates for each project");
        sb.Append(rule.Locked ? "; the rule is locked: a project that silences it (`<NoWarn>`, `#pragma`, `.editorconfig`) without an exception entry gets [STD0103](STD0103.md).\n" : ".\n");
        foreach (var parameter in rule.Parameters)
        {
            sb.Append("\n- `").Append(parameter.Name).Append("`: ").Append(parameter.Default)
                .Append(parameter.StrictDefault is null ? string.Empty : $" ({parameter.StrictDefault} under `\"profile\": \"strict\"`)")
                .Append(". ").Append(parameter.Description).Append('\n');
        }
    }

    private static void Configure(StringBuilder sb, RuleDefinition rule)
    {
        sb.Append("\n## How to configure or except\n\nIn `standards.json`, change the severity")
            .Append(rule.Parameters.Count > 0 ? ", the numbers" : string.Empty)
            .Append(" or grant an exception (a scope, an owner, a reason and an expiry date):\n\n```json\n{\n  \"rules\": {\n    \"")
            .Append(rule.Id).Append("\": { \"severity\": \"").Append(SeverityNames.ToWord(rule.DefaultSeverity)).Append('"');
        foreach (var parameter in rule.Parameters)
        {
            sb.Append(", \"").Append(parameter.Name).Append("\": ").Append(parameter.Default);
        }

        sb.Append(" }\n  },\n  \"exceptions\": [\n    { \"rule\": \"").Append(rule.Id)
            .Append("\", \"scope\": \"src/Legacy/**\", \"owner\": \"@team\", \"reason\": \"Why\", \"expires\": \"2027-03-31\" }\n  ]\n}\n```\n");
        sb.Append("\nFindings in existing code are recorded at their exact place (rule, file, line text) in the code baseline, ")
            .Append("`standards-code-baseline.json`, by `dotnet standards adopt` ([adopting](../adopting.md#the-code-baseline)); ")
            .Append("a new occurrence still fails the build.\n");
    }

    private static string Reporter(RuleOrigin origin) => origin switch
    {
        RuleOrigin.NetAnalyzers => "Microsoft.CodeAnalysis.NetAnalyzers (pinned by the SDK)",
        RuleOrigin.BannedApiAnalyzers => "Microsoft.CodeAnalysis.BannedApiAnalyzers (pinned by the SDK)",
        RuleOrigin.CodeStyle => "The .NET code-style analyzers (IDE rules, run in the build)",
        _ => "The C# compiler",
    };

    private static string FixLine(RuleDefinition rule) => rule.Origin switch
    {
        RuleOrigin.BannedApiAnalyzers => "Call the replacement the message names instead of the banned API (the SDK's list of banned APIs is in its BannedSymbols.txt, each with the reason and the replacement).",
        RuleOrigin.Compiler => "Add the XML documentation comment (`/// <summary>`) the compiler asks for to the public member.",
        _ => "Change the code as the message says.",
    };

    private static string ProfileLinks(RuleDefinition rule) =>
        string.Join(", ", rule.ProfileAnchors.Select(a => $"[{a.Replace('-', ' ')}](../standards-profile.md#{a})"));
}
