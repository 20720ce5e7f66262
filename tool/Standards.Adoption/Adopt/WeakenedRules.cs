using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Standards.Adoption.Adopt;

/// <summary>
/// Rules of the policy that a repo's own MSBuild files switch off without an exception in standards.json: a
/// <c>&lt;NoWarn&gt;</c> that lists CS1591 (the public-API documentation rule) silences it for the whole project.
/// Adopt takes CS1591 out of it (<see cref="RemoveCs1591"/>), so today's findings are recorded in the code baseline
/// and new undocumented public API fails; what it cannot edit is reported (<see cref="Find"/>).
/// </summary>
public static partial class WeakenedRules
{
    // A CS1591 (or 1591) token of a NoWarn value and the separator that joins it to its neighbour: the one before
    // it, or, first in the list, the one after it.
    [GeneratedRegex(@"\s*[;,]\s*(CS)?1591(?![^;,\s])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AfterASeparator();

    [GeneratedRegex(@"^(?<lead>\s*)(CS)?1591(?![^;,\s])\s*[;,]?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex First();

    [GeneratedRegex(@"(?<=\S)\s+(CS)?1591(?![^;,\s])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AfterASpace();

    [GeneratedRegex(@"(?<open><NoWarn(\s[^>]*)?>)(?<value>[^<]*)</NoWarn\s*>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NoWarnElement();

    [GeneratedRegex("<!--.*?-->", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>
    /// The file with CS1591 (or 1591) taken out of every <c>&lt;NoWarn&gt;</c> outside a comment, every other byte
    /// kept, and one line per element changed for the user; null when no element lists it.
    /// </summary>
    public static (string After, IReadOnlyList<string> Lines)? RemoveCs1591(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        var comments = Comment().Matches(text).Select(c => (c.Index, End: c.Index + c.Length)).ToList();
        var lines = new List<string>();
        var after = NoWarnElement().Replace(text, match =>
        {
            var value = match.Groups["value"];
            if (comments.Any(c => match.Index >= c.Index && match.Index < c.End))
            {
                return match.Value;
            }

            // The first token last: once the others are gone, a list that starts "CS1591 1591" has none left behind it.
            var without = First().Replace(AfterASpace().Replace(AfterASeparator().Replace(value.Value, string.Empty), string.Empty), "${lead}");
            if (string.Equals(without, value.Value, StringComparison.Ordinal))
            {
                return match.Value;
            }

            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            lines.Add(FormattableString.Invariant($"{relativePath}({line}): <NoWarn> listed CS1591, which switched off the public-API documentation rule for the whole project: taken out, so new public API without documentation fails; today's CS1591 findings are recorded in the code baseline"));
            return match.Groups["open"].Value + without + match.Value[(value.Index - match.Index + value.Length)..];
        });
        return lines.Count == 0 ? null : (after, lines);
    }

    private static readonly char[] Separators = [';', ',', ' ', '\t', '\r', '\n'];

    /// <summary>One line per <c>&lt;NoWarn&gt;</c> of <paramref name="text"/> that still lists CS1591 (or 1591): file, line and the fix.</summary>
    public static IReadOnlyList<string> Find(string relativePath, string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            return []; // An unparsable project is refused with STD7502 when adopt edits it.
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "NoWarn" && e.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
                .Any(id => string.Equals(id, "CS1591", StringComparison.OrdinalIgnoreCase) || id == "1591"))
            .Select(e => $"{relativePath}({((IXmlLineInfo)e).LineNumber}): <NoWarn> lists CS1591, which switches off the public-API documentation rule for the whole project; remove it from <NoWarn> (adopt records today's CS1591 findings in the code baseline) or document the public API")
            .ToList();
    }
}
