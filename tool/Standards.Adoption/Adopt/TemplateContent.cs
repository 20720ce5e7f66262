namespace Standards.Adoption.Adopt;

/// <summary>
/// The projects of a <c>dotnet new</c> template pack, which adopt leaves alone: the template content (every project
/// under a folder that has a <c>.template.config/</c> folder at its root; users create projects from it, and one
/// rewritten to Standards.Sdk fails MSB4236 wherever that SDK is not configured) and the pack project
/// (<c>&lt;PackageType&gt;Template&lt;/PackageType&gt;</c>).
/// </summary>
public static class TemplateContent
{
    private const string ConfigFolder = ".template.config";

    /// <summary>The template content roots among the repo's files: each folder holding a .template.config folder ("" for the repo root).</summary>
    public static IReadOnlyList<string> Roots(IEnumerable<string> files) => files
        .Select(f => f.Split('/'))
        .Select(parts => (Parts: parts, At: Array.IndexOf(parts, ConfigFolder, 0, parts.Length - 1)))
        .Where(p => p.At >= 0)
        .Select(p => string.Join('/', p.Parts.Take(p.At)))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>True when <paramref name="relativePath"/> is inside one of the template content <paramref name="roots"/>.</summary>
    public static bool IsUnder(string relativePath, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(roots);
        return roots.Any(r => r.Length == 0 || relativePath.StartsWith(r + "/", StringComparison.Ordinal));
    }

    /// <summary>Why adopt leaves <paramref name="relativePath"/> alone, or null when it is not part of a template pack.</summary>
    public static string? Reason(string relativePath, string text, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(roots);
        var root = roots.FirstOrDefault(r => IsUnder(relativePath, [r]));
        if (root is not null)
        {
            return $"template content (under {(root.Length == 0 ? "the repo root" : root + "/")}, which has {ConfigFolder}/): projects created from the template keep the SDK it names";
        }

        System.Xml.Linq.XDocument document;
        try
        {
            document = ProjectFileEditor.Parse(relativePath, text);
        }
        catch (ToolException)
        {
            return null; // Reported with every other unparsable project when adopt edits it.
        }

        return document.Root?.Descendants().Any(e => e.Name.LocalName == "PackageType"
                && e.Value.Split(';', StringSplitOptions.TrimEntries).Contains("Template", StringComparer.OrdinalIgnoreCase)) == true
            ? "a template pack project (<PackageType>Template</PackageType>)"
            : null;
    }
}
