using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Standards.Adoption.Adopt;

/// <summary>
/// The projects a solution lists and whether its build builds them, read as Visual Studio and MSBuild write the two
/// formats (the served Microsoft.VisualStudio.SolutionPersistence also models configurations, but answering this
/// one question from it takes more code than the two readers below).
/// </summary>
public static partial class SolutionProjects
{
    /// <summary>
    /// Each repo-relative project the solution lists, with false when the solution builds it in no configuration: a
    /// .slnx <c>&lt;Build Project="false" /&gt;</c> without a <c>Solution</c> attribute (or one of <c>*|*</c>); a .sln
    /// project with configuration entries (<c>ActiveCfg</c>) and no <c>Build.0</c> one. A solution that cannot be
    /// read lists nothing here.
    /// </summary>
    public static IEnumerable<(string Project, bool Built)> Read(string solution, string text)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(text);
        var folder = solution.Contains('/', StringComparison.Ordinal) ? solution[..solution.LastIndexOf('/')] : string.Empty;
        return solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? Slnx(folder, text) : Sln(folder, text);
    }

    private static List<(string Project, bool Built)> Slnx(string folder, string text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }

        var result = new List<(string, bool)>();
        foreach (var project in document.Descendants().Where(e => e.Name.LocalName == "Project"))
        {
            if (project.Attribute("Path")?.Value is not { } path || LeftOutProjects.RepoRelative(folder, path.Replace('\\', '/')) is not { } relative)
            {
                continue;
            }

            var notBuilt = project.Elements().Any(e => e.Name.LocalName == "Build"
                && string.Equals(e.Attribute("Project")?.Value, "false", StringComparison.OrdinalIgnoreCase)
                && (e.Attribute("Solution")?.Value is null or "*|*"));
            result.Add((relative, !notBuilt));
        }

        return result;
    }

    private static List<(string Project, bool Built)> Sln(string folder, string text)
    {
        var result = new List<(string, bool)>();
        foreach (Match match in SlnProject().Matches(text))
        {
            if (LeftOutProjects.RepoRelative(folder, match.Groups["path"].Value.Replace('\\', '/')) is not { } relative
                || !relative.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var guid = Regex.Escape(match.Groups["guid"].Value);
            var configured = Regex.IsMatch(text, guid + @"\.[^\r\n]*\.ActiveCfg\s*=", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            var built = Regex.IsMatch(text, guid + @"\.[^\r\n]*\.Build\.0\s*=", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            result.Add((relative, built || !configured));
        }

        return result;
    }

    [GeneratedRegex("""^Project\("[^"]*"\)\s*=\s*"[^"]*"\s*,\s*"(?<path>[^"]+)"\s*,\s*"(?<guid>\{[0-9A-Fa-f-]+\})"\s*$""", RegexOptions.Multiline | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex SlnProject();
}
