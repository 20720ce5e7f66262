using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Layout;

/// <summary>An ATX heading (<c>## Context</c>).</summary>
/// <param name="Level">Number of '#'.</param>
/// <param name="Text">The heading text, trimmed, closing '#'s removed.</param>
/// <param name="Line">1-based line.</param>
internal sealed record MarkdownHeading(int Level, string Text, int Line);

/// <summary>A header line <c>Key: value</c> (plain, bold, in a list item or in front matter).</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value with emphasis markers and trailing spaces removed.</param>
/// <param name="Line">1-based line.</param>
internal sealed record MarkdownField(string Key, string Value, int Line);

/// <summary>A link target (<c>[text](target)</c> or <c>[ref]: target</c>).</summary>
/// <param name="Target">The target as written, without a title.</param>
/// <param name="Line">1-based line.</param>
internal sealed record MarkdownLink(string Target, int Line);

/// <summary>
/// The little of a markdown document the layout rules need: headings, <c>Key: value</c> header lines and link
/// targets, all with line numbers, ignoring fenced code blocks (so a doc that shows an example ADR is not read
/// as one). Never throws; any text is a document.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(IReadOnlyList<MarkdownHeading> headings, IReadOnlyList<MarkdownField> fields, IReadOnlyList<MarkdownLink> links)
    {
        Headings = headings;
        Fields = fields;
        Links = links;
    }

    /// <summary>Headings in order.</summary>
    public IReadOnlyList<MarkdownHeading> Headings { get; }

    /// <summary>Header lines in order.</summary>
    public IReadOnlyList<MarkdownField> Fields { get; }

    /// <summary>Links in order.</summary>
    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>The line of the first heading (the title), or 1.</summary>
    public int TitleLine => Headings.Count > 0 ? Headings[0].Line : 1;

    /// <summary>Parses a document.</summary>
    public static MarkdownDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headings = new List<MarkdownHeading>();
        var fields = new List<MarkdownField>();
        var links = new List<MarkdownLink>();
        var lines = text.Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            var fenceMatch = Fence().Match(line);
            if (fence is null && fenceMatch.Success)
            {
                fence = fenceMatch.Groups["fence"].Value;
                continue;
            }

            if (fence is not null)
            {
                if (fenceMatch.Success && fenceMatch.Groups["fence"].Value[0] == fence[0]
                    && fenceMatch.Groups["fence"].Value.Length >= fence.Length && fenceMatch.Groups["info"].Value.Trim().Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var title = ClosingHashes().Replace(heading.Groups["text"].Value, string.Empty).Trim();
                headings.Add(new MarkdownHeading(heading.Groups["level"].Value.Length, title, number));
                continue;
            }

            var field = Field().Match(line);
            if (field.Success)
            {
                fields.Add(new MarkdownField(field.Groups["key"].Value.Trim(), CleanValue(field.Groups["value"].Value), number));
            }

            foreach (Match link in InlineLink().Matches(line))
            {
                links.Add(new MarkdownLink(link.Groups["target"].Value.Trim('<', '>'), number));
            }

            var reference = ReferenceLink().Match(line);
            if (reference.Success)
            {
                links.Add(new MarkdownLink(reference.Groups["target"].Value.Trim('<', '>'), number));
            }
        }

        return new MarkdownDocument(headings, fields, links);
    }

    /// <summary>The first header line with this key (case-insensitive), or null.</summary>
    public MarkdownField? Field(string key) =>
        Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a level-2 or level-3 heading has this text (case-insensitive).</summary>
    public bool HasSection(string title) =>
        Headings.Any(h => h.Level is 2 or 3 && string.Equals(h.Text, title, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when any heading (level 1 to 6) has this text (case-insensitive).</summary>
    public bool HasHeading(string title) =>
        Headings.Any(h => string.Equals(h.Text, title, StringComparison.OrdinalIgnoreCase));

    private static string CleanValue(string value)
    {
        var v = value.Trim();
        // "**Accepted**", "_Accepted_", "`2026-01-02`"
        v = v.Trim('*', '_', '`').Trim();
        return v;
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}(?<level>#{1,6})(?:[ \t]+(?<text>.*))?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ClosingHashes();

    // Status: Accepted | **Status**: Accepted | **Status:** Accepted | - **Status**: Accepted | status: accepted (front matter)
    [GeneratedRegex(@"^ {0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?(?<key>[A-Za-z][A-Za-z ]{0,40}?)(?:(?:\*\*|__):|:(?:\*\*|__)|:)[ \t]*(?<value>.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Field();

    [GeneratedRegex(@"\[[^\]\n]*\]\((?<target>[^)\s]+)(?:[ \t]+""[^""]*"")?\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]\n]+\]:[ \t]*(?<target>\S+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReferenceLink();
}
