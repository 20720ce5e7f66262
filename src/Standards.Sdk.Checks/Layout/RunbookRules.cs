using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Layout;

/// <summary>Runbooks in docs/runbooks/: STD3020-STD3022.</summary>
internal static class RunbookRules
{
    /// <summary>The folder of the runbooks (searched recursively).</summary>
    public const string Folder = "docs/runbooks/";

    /// <summary>The sections every runbook has.</summary>
    public static readonly IReadOnlyList<string> Sections = ["Symptoms", "Checks", "Resolution", "Escalation"];

    public static void Run(LayoutContext context)
    {
        var runbooks = context.FilesUnder(Folder).Where(f => IsRunbook(LayoutContext.NameOf(f))).ToList();
        if (runbooks.Count == 0)
        {
            context.Report(LayoutRuleIds.NoRunbooks,
                $"This {context.Policy.Kind.Kind} repo has no runbook in {Folder}. Add one per failure mode operators must handle (e.g. {Folder}high-error-rate.md) with the header lines 'Owner:' and 'Last Validated: YYYY-MM-DD' and the sections {string.Join(", ", Sections.Select(s => "## " + s))}.",
                Folder.TrimEnd('/'));
            return;
        }

        context.ForEach(runbooks, "check the runbook", path =>
        {
            var document = context.Markdown(path);
            if (document is not null)
            {
                Check(context, path, document);
            }
        });
    }

    private static bool IsRunbook(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(name, "index.md", StringComparison.OrdinalIgnoreCase)
        && !name.Contains("template", StringComparison.OrdinalIgnoreCase);

    private static void Check(LayoutContext context, string path, MarkdownDocument document)
    {
        var owner = document.Field("Owner");
        if (owner is null || owner.Value.Length == 0)
        {
            context.Report(LayoutRuleIds.RunbookHeader,
                $"{path} names no owner. Add a header line 'Owner: @team' (who keeps this runbook right and is paged first).",
                path, owner?.Line ?? document.TitleLine);
        }

        var validated = document.Field("Last Validated");
        if (validated is null)
        {
            context.Report(LayoutRuleIds.RunbookHeader,
                $"{path} has no 'Last Validated: YYYY-MM-DD' header line. Walk through the runbook, then add the date you did.",
                path, document.TitleLine);
        }
        else if (!AdrRules.TryDate(validated.Value, out var date))
        {
            context.Report(LayoutRuleIds.RunbookHeader,
                $"{path} has Last Validated '{validated.Value}'; write the date as YYYY-MM-DD, e.g. 2026-01-31.",
                path, validated.Line);
        }
        else if (date > context.Today)
        {
            context.Report(LayoutRuleIds.RunbookHeader,
                $"{path} has Last Validated {date:yyyy-MM-dd}, which is in the future; write the day the runbook was last walked through.",
                path, validated.Line);
        }

        var missing = Sections.Where(s => !document.HasSection(s)).ToList();
        if (missing.Count > 0)
        {
            context.Report(LayoutRuleIds.RunbookSectionMissing,
                $"{path} lacks the section{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(s => "## " + s))}. Add {(missing.Count == 1 ? "it" : "them")}: every runbook has {string.Join(", ", Sections.Select(s => "## " + s))}.",
                path, document.TitleLine);
        }
    }
}
