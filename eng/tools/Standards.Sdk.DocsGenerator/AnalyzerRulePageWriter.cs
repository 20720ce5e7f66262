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
    public const string GeneratedMarker = "<!-- Generated from the rule catalog (src/Standards.Sdk.Checks/Rules/) by eng/update-generated.sh: do not edit. -->";

    /// <summary>The rules that get a generated page: every catalog rule that is not ours.</summary>
    public static IReadOnlyList<RuleDefinition> Rules { get; } =
        [.. RuleCatalog.All.Where(r => r.Origin is not (RuleOrigin.StandardsTask or RuleOrigin.StandardsAnalyzer))];

    /// <summary>The pages, repo-relative, with what writes each.</summary>
    public static IReadOnlyList<(string Path, Func<string, string> Write)> Files { get; } =
        [.. Rules.Select(r => (PagePath(r), (Func<string, string>)(root => Write(r, root))))];

    /// <summary>The SDK's banned-symbol files, repo-relative: RS0030's page lists each ban with its replacement.</summary>
    public static readonly IReadOnlyList<string> BannedSymbolFiles = ["sdk/config/BannedSymbols.txt", "sdk/config/BannedSymbols.Console.txt"];

    /// <summary>The repo-relative path of <paramref name="rule"/>'s page.</summary>
    public static string PagePath(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"docs/rules/{rule.Id}.md";
    }

    /// <summary>
    /// <paramref name="text"/> as a Markdown code span that shows it exactly: a documentation id such as
    /// <c>T:System.Task`1</c> holds a backtick, which would end a single-backtick span early, so the fence is one
    /// backtick longer than the longest run inside, with a space on each side when the text has a backtick
    /// (CommonMark strips exactly that space).
    /// </summary>
    /// <param name="text">The text, on one line.</param>
    /// <returns>The code span.</returns>
    public static string CodeSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }

    /// <summary>The page of <paramref name="rule"/>; <paramref name="root"/> is the repo root, where RS0030's page reads the banned list.</summary>
    public static string Write(RuleDefinition rule, string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(rule);
        var sb = new StringBuilder();
        sb.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        sb.Append(GeneratedMarker).Append("\n\n");
        Header(sb, rule);
        WhatItChecks(sb, rule);
        sb.Append("\n## Why\n\nThe standards profile asks for it: ").Append(ProfileLinks(rule))
            .Append(". The profile rows say where each rule comes from.\n");
        if (rule.Origin == RuleOrigin.BannedApiAnalyzers)
        {
            BannedApiFix(sb, rule, root);
        }
        else
        {
            sb.Append("\n## How to fix\n\n").Append(FixLine(rule)).Append(" The analyzer's own page describes the rule and its fixes: ")
                .Append('<').Append(rule.VendorHelpLink).Append(">.\n");
        }
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

    /// <summary>
    /// RS0030's fix: the replacement of every ban of the SDK's list, read from the files the SDK ships, and the
    /// <c>TimeProvider</c> pattern most of them point to, since "inject TimeProvider" alone does not say how.
    /// </summary>
    private static void BannedApiFix(StringBuilder sb, RuleDefinition rule, string root)
    {
        sb.Append("\n## How to fix\n\nCall the replacement instead of the banned API. The SDK bans these (`config/BannedSymbols.txt` in every project kind but tests; `config/BannedSymbols.Console.txt` in services and workers too):\n\n");
        sb.Append("| Banned API | Replacement |\n|---|---|\n");
        foreach (var file in BannedSymbolFiles)
        {
            foreach (var line in File.ReadAllText(Path.Combine(root, file)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var ban = line.Trim();
                if (ban.Length == 0 || ban.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = ban.Split(';', 2);
                sb.Append("| ").Append(CodeSpan(parts[0].Trim()).Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(parts.Length > 1 ? parts[1].Trim().Replace("|", "\\|", StringComparison.Ordinal) : string.Empty).Append(" |\n");
            }
        }

        sb.Append("""

            ### The clock: inject `TimeProvider`

            Register the system clock once, ask for `TimeProvider` where the time is read, and read it from there:

            ```csharp
            // Program.cs
            builder.Services.AddSingleton(TimeProvider.System);

            // The class that needs the time
            public sealed class InvoiceDates(TimeProvider clock)
            {
                public DateTimeOffset DueDate() => clock.GetUtcNow().AddDays(30);   // was DateTime.UtcNow.AddDays(30)
                public Task WaitBeforeRetry(CancellationToken cancellationToken) =>
                    Task.Delay(TimeSpan.FromSeconds(5), clock, cancellationToken);  // was Thread.Sleep(5000)
            }
            ```

            In tests, `FakeTimeProvider` (package `Microsoft.Extensions.TimeProvider.Testing`) is a clock the test sets
            and moves: no waiting, the same result on every run.

            ```csharp
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
            var dates = new InvoiceDates(clock);
            Assert.Equal(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero), dates.DueDate());
            clock.Advance(TimeSpan.FromSeconds(5));   // completes the Task.Delay of WaitBeforeRetry
            ```

            A type that cannot take a constructor argument gets the clock the same way as any other service; a static
            helper takes it as a parameter.

            """);
        sb.Append("How the analyzer reads a banned list, and how to add your own (an `AdditionalFiles` item named `BannedSymbols.*.txt`): <")
            .Append(rule.VendorHelpLink).Append(">.\n");
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
