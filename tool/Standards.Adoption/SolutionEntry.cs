using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>
/// The repo's <c>Directory.Solution.targets</c> imports Standards.Sdk's solution entry (<c>Sdk/Solution.targets</c>),
/// which MSBuild then imports into the project it makes of every solution under the repo: the CI coverage step
/// (<c>dotnet build &lt;solution&gt; -t:StandardsCoverage</c>) runs the gate in the projects on Standards.Sdk and leaves
/// the others alone (a template pack, a plain tool), instead of failing MSB4057 on them (docs/ci.md, "Coverage on a solution with projects not on Standards.Sdk").
/// A new file is written whole, byte for byte the one the repo templates ship (templates/content/_shared/repo/), so a
/// template update finds it unchanged; in an existing one the import goes before its last <c>&lt;/Project&gt;</c>, in the
/// file's line ending, and every other byte stays.
/// </summary>
public static partial class SolutionEntry
{
    /// <summary>The file's name at the repo root.</summary>
    public const string FileName = "Directory.Solution.targets";

    /// <summary>The import of the solution entry.</summary>
    public const string Import = "<Import Project=\"Solution.targets\" Sdk=\"Standards.Sdk\" />";

    /// <summary>The line of a new file that says why it is there (the repo templates ship the same file).</summary>
    public const string Comment = "<!-- Lets the CI coverage step (dotnet build <solution> -t:StandardsCoverage) run the gate in the projects on Standards.Sdk only. -->";

    /// <summary>The new text (null when the file already imports the entry) from the existing text (null when there is no file).</summary>
    /// <exception cref="ToolException">The existing file has no closing <c>&lt;/Project&gt;</c> to put the import before.</exception>
    public static string? Write(string? existing)
    {
        if (existing is null)
        {
            return "<Project>\n  " + Comment + "\n  " + Import + "\n</Project>\n";
        }

        if (Imported().IsMatch(existing))
        {
            return null;
        }

        var end = existing.LastIndexOf("</Project>", StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ToolException(ToolRuleIds.ProjectUnparsable,
                $"{FileName} has no closing </Project>, so the import of Standards.Sdk's solution entry ({Import}) has no place in it. Give it a <Project>...</Project> element (or delete the file: adopt writes one), then run adopt again.",
                FileName, 1);
        }

        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lineStart = existing.LastIndexOf('\n', Math.Max(end - 1, 0)) + 1;
        var before = existing[lineStart..end];
        return string.IsNullOrWhiteSpace(before)
            ? existing[..lineStart] + "  " + Import + newline + existing[lineStart..]
            : existing[..end] + newline + "  " + Import + newline + existing[end..];
    }

    [GeneratedRegex("""<Import\s[^>]*Project\s*=\s*["']Solution\.targets["'][^>]*Sdk\s*=\s*["']Standards\.Sdk["']|<Import\s[^>]*Sdk\s*=\s*["']Standards\.Sdk["'][^>]*Project\s*=\s*["']Solution\.targets["']""")]
    private static partial Regex Imported();
}
