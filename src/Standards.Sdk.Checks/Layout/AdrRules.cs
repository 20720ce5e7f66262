using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Layout;

/// <summary>Architecture decision records in docs/adr/: STD3010-STD3015.</summary>
internal static partial class AdrRules
{
    /// <summary>The folder of the records.</summary>
    public const string Folder = "docs/adr/";

    /// <summary>The statuses a record may have.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["Proposed", "Accepted", "Rejected", "Deprecated", "Superseded"];

    /// <summary>The sections every record has.</summary>
    public static readonly IReadOnlyList<string> Sections = ["Context", "Decision", "Alternatives Considered", "Consequences"];

    public static void Run(LayoutContext context)
    {
        var documents = context.FilesUnder(Folder)
            .Where(f => !f[Folder.Length..].Contains('/', StringComparison.Ordinal) && IsRecordCandidate(LayoutContext.NameOf(f)))
            .ToList();
        if (documents.Count == 0)
        {
            context.Report(LayoutRuleIds.NoAdrs,
                "The repo has no architecture decision record. Add docs/adr/0001-record-architecture-decisions.md with the header lines 'Status: Accepted' and 'Date: YYYY-MM-DD' and the sections ## Context, ## Decision, ## Alternatives Considered and ## Consequences.",
                "docs/adr");
            return;
        }

        var records = new List<(string Path, int Number)>();
        var misnamed = new List<string>();
        foreach (var path in documents)
        {
            var match = RecordName().Match(LayoutContext.NameOf(path));
            if (match.Success)
            {
                // Four ASCII digits: always an int.
                records.Add((path, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture)));
            }
            else
            {
                misnamed.Add(path);
            }
        }

        var used = new HashSet<int>(records.Select(r => r.Number));
        foreach (var path in misnamed)
        {
            var suggestion = SuggestName(LayoutContext.NameOf(path), used);
            var rename = suggestion is null
                ? "Rename it; every number from 0001 to 9999 is taken, so merge or retire records first."
                : $"Rename it, e.g. to {Folder}{suggestion}.";
            if (suggestion is not null)
            {
                // Two misnamed records must not be told to take the same number.
                used.Add(int.Parse(suggestion[..4], CultureInfo.InvariantCulture));
            }

            context.Report(LayoutRuleIds.AdrFileName,
                $"{path} is not named NNNN-kebab-case-title.md (four digits from 0001 to 9999, then lower-case words joined by '-'). {rename}",
                path);
        }

        Numbering(context, records);
        var recordPaths = new HashSet<string>(records.Select(r => r.Path), StringComparer.Ordinal);
        context.ForEach(documents, "check the decision record", path =>
        {
            var document = context.Markdown(path);
            if (document is not null)
            {
                var number = records.Where(r => r.Path == path).Select(r => (int?)r.Number).FirstOrDefault();
                Content(context, path, number, document, recordPaths);
            }
        });
    }

    /// <summary>Index and template files in docs/adr/ are not records.</summary>
    private static bool IsRecordCandidate(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(name, "index.md", StringComparison.OrdinalIgnoreCase)
        && !name.Contains("template", StringComparison.OrdinalIgnoreCase);

    private static void Numbering(LayoutContext context, List<(string Path, int Number)> records)
    {
        var sorted = records.OrderBy(r => r.Number).ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
        var used = new HashSet<int>(sorted.Select(r => r.Number));
        foreach (var group in sorted.GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var next = NextFreeNumber(used);
                var give = next is { } free ? $"Give it the next free number ({free:D4})" : "Merge it with the other record (every number from 0001 to 9999 is taken)";
                if (next is { } taken)
                {
                    used.Add(taken);
                }

                context.Report(LayoutRuleIds.AdrNumbering,
                    $"{duplicate.Path} reuses number {group.Key:D4} of {LayoutContext.NameOf(first.Path)}. {give} and update links to it.",
                    duplicate.Path);
            }
        }

        var distinct = sorted.DistinctBy(r => r.Number).ToList();
        if (distinct.Count > 0 && distinct[0].Number != 1)
        {
            var what = distinct[0].Number == 0 ? "starts at 0000" : $"starts at {distinct[0].Number:D4}";
            context.Report(LayoutRuleIds.AdrNumbering,
                $"ADR numbering {what}; records are numbered 0001, 0002, ... without gaps. Renumber {LayoutContext.NameOf(distinct[0].Path)} (and the records after it) or restore the missing records.",
                distinct[0].Path);
        }

        for (var i = 1; i < distinct.Count; i++)
        {
            var previous = distinct[i - 1].Number;
            var current = distinct[i];
            if (current.Number > previous + 1)
            {
                var missing = current.Number == previous + 2
                    ? $"{previous + 1:D4} is missing"
                    : $"{previous + 1:D4} to {current.Number - 1:D4} are missing";
                context.Report(LayoutRuleIds.AdrNumbering,
                    $"ADR numbers jump from {previous:D4} to {current.Number:D4} ({missing}). Restore the missing record (a rejected or withdrawn decision keeps its number, with Status: Rejected), or renumber {LayoutContext.NameOf(current.Path)}.",
                    current.Path);
            }
        }
    }

    private static void Content(LayoutContext context, string path, int? number, MarkdownDocument document, HashSet<string> records)
    {
        var status = Status(context, path, document);
        Date(context, path, document);
        TitleNumberAgrees(context, path, number, document);
        var missing = Sections.Where(s => !document.HasSection(s)).ToList();
        if (missing.Count > 0)
        {
            context.Report(LayoutRuleIds.AdrSectionMissing,
                $"{path} lacks the section{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Select(s => "## " + s))}. Add {(missing.Count == 1 ? "it" : "them")}: every ADR has ## Context, ## Decision, ## Alternatives Considered and ## Consequences (level-2 headings).",
                path, document.TitleLine);
        }

        if (status is { Word: { } word and ("Deprecated" or "Superseded"), Line: var line })
        {
            Replacement(context, path, word, line, document, records);
        }
    }

    /// <summary>The record's Status line and its word (null word: missing or not one of <see cref="Statuses"/>), reported when wrong.</summary>
    private static (string? Word, MarkdownField Line)? Status(LayoutContext context, string path, MarkdownDocument document)
    {
        var status = document.Field("Status");
        if (status is null)
        {
            context.Report(LayoutRuleIds.AdrHeader,
                $"{path} has no Status header line. Add 'Status: Accepted' below the title (one of {string.Join(", ", Statuses)}; plain or bold, '**Status**: Accepted').",
                path, document.TitleLine);
            return null;
        }

        // "Proposed | Accepted | ..." is the template's placeholder, not a status.
        var statusWord = status.Value.Contains('|', StringComparison.Ordinal)
            ? null
            : Statuses.FirstOrDefault(s => string.Equals(s, FirstWord(status.Value), StringComparison.OrdinalIgnoreCase));
        if (statusWord is null)
        {
            context.Report(LayoutRuleIds.AdrHeader,
                $"{path} has Status '{status.Value}'; it must be one of {string.Join(", ", Statuses)}.",
                path, status.Line);
        }

        return (statusWord, status);
    }

    private static void Date(LayoutContext context, string path, MarkdownDocument document)
    {
        var date = document.Field("Date");
        if (date is null)
        {
            context.Report(LayoutRuleIds.AdrHeader,
                $"{path} has no Date header line. Add 'Date: YYYY-MM-DD' (the day the decision was made) below the title.",
                path, document.TitleLine);
        }
        else if (!IsDate(date.Value))
        {
            context.Report(LayoutRuleIds.AdrHeader,
                $"{path} has Date '{date.Value}'; write the decision date as YYYY-MM-DD, e.g. 2026-01-31.",
                path, date.Line);
        }
    }

    private static void TitleNumberAgrees(LayoutContext context, string path, int? number, MarkdownDocument document)
    {
        var title = document.Headings.FirstOrDefault(h => h.Level == 1);
        if (title is not null && number is { } n && TitleNumber().Match(title.Text) is { Success: true } titleNumber)
        {
            var digits = titleNumber.Groups["number"].Value;
            // Any number of ASCII digits: only four can agree with the file name, and only those are parsed.
            if (digits.Length != 4 || int.Parse(digits, CultureInfo.InvariantCulture) != n)
            {
                context.Report(LayoutRuleIds.AdrHeader,
                    $"{path} is titled '{title.Text}' but its file number is {n:D4}; write the title as 'ADR-{n:D4}: ...' so the two agree.",
                    path, title.Line);
            }
        }
    }

    private static void Replacement(LayoutContext context, string path, string status, MarkdownField statusLine, MarkdownDocument document, HashSet<string> records)
    {
        var broken = new List<string>();
        foreach (var link in document.Links)
        {
            var target = Resolve(link.Target);
            if (target is null)
            {
                continue;
            }

            if (records.Contains(target) && target != path)
            {
                return;
            }

            if (target.StartsWith(Folder, StringComparison.Ordinal) && target != path)
            {
                broken.Add(link.Target);
            }
        }

        var detail = broken.Count > 0 ? $" It links to {string.Join(", ", broken)}, which is not a record in {Folder}." : string.Empty;
        context.Report(LayoutRuleIds.AdrReplacementLinkMissing,
            $"{path} is {status} but does not link to the record that replaces it.{detail} Add e.g. 'Superseded by [ADR-0007](0007-new-decision.md)'.",
            path, statusLine.Line);
    }

    /// <summary>A link target as a repo-relative path, resolved from docs/adr/; null for URLs and anchors.</summary>
    private static string? Resolve(string target)
    {
        var t = target;
        var cut = t.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            t = t[..cut];
        }

        if (t.Length == 0 || t.Contains("://", StringComparison.Ordinal) || t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        t = Uri.UnescapeDataString(t.Replace('\\', '/'));
        var segments = new List<string>();
        var start = t.StartsWith('/') ? string.Empty : Folder.TrimEnd('/');
        foreach (var segment in (start + "/" + t).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static string FirstWord(string value)
    {
        var match = LeadingWord().Match(value);
        return match.Success ? match.Value : value;
    }

    internal static bool IsDate(string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    internal static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The highest record number.</summary>
    public const int MaxNumber = 9999;

    /// <summary>The number after the highest one in use, or the lowest free one when that would pass 9999; null when all are taken.</summary>
    internal static int? NextFreeNumber(IReadOnlySet<int> used)
    {
        var next = used.Count == 0 ? 1 : used.Max() + 1;
        if (next is >= 1 and <= MaxNumber)
        {
            return next;
        }

        for (var n = 1; n <= MaxNumber; n++)
        {
            if (!used.Contains(n))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// A valid name close to the one given, which itself passes STD3011 and STD3012: the number it carries when
    /// that is 1-9999 and free (padded to four digits), else the next free number; the rest in kebab case. Null
    /// when every number is taken. Only ASCII digits count as digits.
    /// </summary>
    internal static string? SuggestName(string name, IReadOnlySet<int> used)
    {
        var stem = name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        var digits = LeadingDigits().Match(stem);
        var number = digits.Success ? Bounded(digits.Value) : null;
        var rest = digits.Success ? stem[digits.Length..] : stem;
        if (!digits.Success && AdrPrefix().Match(rest) is { Success: true } adr)
        {
            number = Bounded(adr.Groups["number"].Value);
            rest = rest[adr.Length..];
        }

        if (number is not { } n || used.Contains(n))
        {
            number = NextFreeNumber(used);
        }

        if (number is null)
        {
            return null;
        }

        var words = new StringBuilder();
        foreach (var c in rest)
        {
            words.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var title = Dashes().Replace(words.ToString(), "-").Trim('-');
        return $"{number:D4}-{(title.Length == 0 ? "title" : title)}.md";

        // ASCII digits of any length: a record number only when 1-9999.
        static int? Bounded(string asciiDigits)
        {
            var trimmed = asciiDigits.TrimStart('0');
            return trimmed.Length is > 0 and <= 4 && int.Parse(trimmed, CultureInfo.InvariantCulture) is var value && value <= MaxNumber
                ? value
                : null;
        }
    }

    [GeneratedRegex(@"^(?<number>[0-9]{4})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RecordName();

    [GeneratedRegex(@"\bADR-(?<number>[0-9]+)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex TitleNumber();

    [GeneratedRegex(@"^[A-Za-z]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"^[0-9]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LeadingDigits();

    [GeneratedRegex(@"^adr[-_ ]?(?<number>[0-9]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex AdrPrefix();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Dashes();
}
