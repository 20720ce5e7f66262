using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>
/// What every rule page (docs/rules/STDnnnn.md) must have, compared with the rule's declaration: the heading with
/// its id and title, the header table's severity and area, the four sections. The committed pages and a sample
/// rule's generated first page are held to the same checks.
/// </summary>
internal static class RulePages
{
    /// <summary>The sections every page has, in order.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["## What it checks", "## Why", "## How to fix", "## How to configure or except"];

    /// <summary>Where <paramref name="page"/> disagrees with <paramref name="rule"/> or lacks what a page needs; empty when none.</summary>
    public static IReadOnlyList<string> Problems(RuleDefinition rule, string page)
    {
        var problems = new List<string>();
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0] != $"# {rule.Id}: {rule.Title}")
        {
            problems.Add($"the heading is '{lines[0]}', the catalog says '# {rule.Id}: {rule.Title}'");
        }

        var severity = SeverityNames.ToWord(rule.DefaultSeverity) + (rule.Locked ? " (locked)" : string.Empty);
        var severityCell = Cell(lines, "Severity");
        if (severityCell is null || (severityCell != severity && !severityCell.StartsWith(severity + " (", StringComparison.Ordinal)))
        {
            problems.Add($"the Severity row says '{severityCell}', the catalog says '{severity}'");
        }

        if (Cell(lines, "Area") is var area && area != rule.Area)
        {
            problems.Add($"the Area row says '{area}', the catalog says '{rule.Area}'");
        }

        if (Cell(lines, "Source") is null)
        {
            problems.Add("there is no Source row");
        }

        problems.AddRange(Sections.Where(s => !lines.Contains(s)).Select(s => $"the section '{s}' is missing"));
        return problems;
    }

    /// <summary>The value of the header table's row <paramref name="name"/> (<c>| name | value |</c>), or null.</summary>
    private static string? Cell(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith($"| {name} | ", StringComparison.Ordinal) && l.EndsWith(" |", StringComparison.Ordinal)) is { } line
            ? line[($"| {name} | ".Length)..^2]
            : null;
}
