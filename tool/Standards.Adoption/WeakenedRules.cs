using System.Xml;
using System.Xml.Linq;

namespace Standards.Adoption;

/// <summary>
/// Rules of the policy that a repo's own MSBuild files switch off without an exception in standards.json: a
/// <c>&lt;NoWarn&gt;</c> that lists CS1591 (the public-API documentation rule) silences it for the whole project.
/// Reported, never rewritten.
/// </summary>
public static class WeakenedRules
{
    private static readonly char[] Separators = [';', ',', ' ', '\t', '\r', '\n'];

    /// <summary>One line per <c>&lt;NoWarn&gt;</c> of <paramref name="text"/> that lists CS1591 (or 1591): file, line and the fix.</summary>
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
