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
internal sealed class MarkdownDocument
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

    /// <summary>Parses a document. Linear in the length of the text: hand-written scanners, no regex, so no line can hang or time out the check.</summary>
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
            var fenceMatch = MarkdownScanner.Fence(line);
            if (fence is null && fenceMatch is { } opening)
            {
                fence = opening.Marker;
                continue;
            }

            if (fence is not null)
            {
                if (fenceMatch is { } closing && closing.Marker[0] == fence[0]
                    && closing.Marker.Length >= fence.Length && closing.Info.Trim().Length == 0)
                {
                    fence = null;
                }

                continue;
            }

            if (MarkdownScanner.Heading(line) is { } heading)
            {
                headings.Add(new MarkdownHeading(heading.Level, heading.Text, number));
                continue;
            }

            if (MarkdownScanner.Field(line) is { } field)
            {
                fields.Add(new MarkdownField(field.Key.Trim(), CleanValue(field.Value), number));
            }

            foreach (var target in MarkdownScanner.InlineLinkTargets(line))
            {
                links.Add(new MarkdownLink(target.Trim('<', '>'), number));
            }

            if (MarkdownScanner.ReferenceLinkTarget(line) is { } reference)
            {
                links.Add(new MarkdownLink(reference.Trim('<', '>'), number));
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
}
