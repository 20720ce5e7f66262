using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption;

/// <summary>An inline package version taken out of a project (or Directory.Build.*) file.</summary>
/// <param name="Package">The package id as written.</param>
/// <param name="Version">The version as written (may be an MSBuild property expression).</param>
/// <param name="File">The repo-relative file it was in.</param>
public sealed record InlinePackageVersion(string Package, string Version, string File);

/// <summary>The result of editing one MSBuild file: its new text and what changed.</summary>
public sealed record ProjectEdit(string NewText, IReadOnlyList<string> Changes, IReadOnlyList<InlinePackageVersion> Versions);

/// <summary>
/// Text edits of MSBuild files that keep everything else byte for byte (formatting, comments, attribute order):
/// the project's SDK and the inline <c>Version</c> of its <c>PackageReference</c>s. The file is parsed first, so a
/// file the edits would corrupt is refused (STD7502) rather than rewritten.
/// </summary>
public static partial class ProjectFileEditor
{
    /// <summary>The SDK this tool puts projects on.</summary>
    public const string StandardsSdk = "Standards.Sdk";

    /// <summary>The SDK a plain project is on and that Standards.Sdk wraps.</summary>
    public const string PlainSdk = "Microsoft.NET.Sdk";

    [GeneratedRegex("<Project\\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectStartTag();

    [GeneratedRegex("\\bSdk\\s*=\\s*(?<q>[\"'])(?<value>[^\"']*)\\k<q>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SdkAttribute();

    // <PackageReference Include="X" Version="1.2.3" ... /> or with a separate closing tag; Version anywhere in the tag.
    [GeneratedRegex("<PackageReference\\b(?<attrs>[^>]*?)(?<selfclose>/?)>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PackageReferenceTag();

    [GeneratedRegex("\\s+Version\\s*=\\s*(?<q>[\"'])(?<value>[^\"']*)\\k<q>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionAttribute();

    [GeneratedRegex("\\bInclude\\s*=\\s*(?<q>[\"'])(?<value>[^\"']*)\\k<q>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IncludeAttribute();

    /// <summary>Parses the file; a file that is not well-formed XML is STD7502 with its line.</summary>
    public static XDocument Parse(string relativePath, string text) => ParseXml(relativePath, text, ToolRuleIds.ProjectUnparsable,
        "the tool edits project files in place and will not touch one it cannot read. Fix the file (`dotnet build` shows the same error as MSB4025) and run the command again.");

    /// <summary>Parses an MSBuild file; one that is not well-formed XML is <paramref name="code"/> with its line and <paramref name="fix"/>.</summary>
    internal static XDocument ParseXml(string relativePath, string text, string code, string fix)
    {
        try
        {
            return XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ToolException(code, $"{relativePath} is not well-formed XML ({ex.Message}); {fix}", relativePath, ex.LineNumber);
        }
    }

    /// <summary>
    /// Puts a project on the policy: a plain Microsoft.NET.Sdk project becomes <c>Sdk="Standards.Sdk"</c>; a
    /// project on another SDK keeps it and gains <c>&lt;Sdk Name="Standards.Sdk" /&gt;</c> as its first child.
    /// A project already on Standards.Sdk, or without an <c>Sdk</c> attribute (old-style), is left alone.
    /// </summary>
    public static ProjectEdit AdoptSdk(string relativePath, string text)
    {
        var document = Parse(relativePath, text);
        var changes = new List<string>();
        var root = document.Root;
        var alreadyLayered = root?.Elements("Sdk").Any(e => string.Equals((string?)e.Attribute("Name"), StandardsSdk, StringComparison.OrdinalIgnoreCase)) == true;
        var start = ProjectStartTag().Match(text);
        if (root is null || root.Name.LocalName != "Project" || !start.Success || alreadyLayered)
        {
            return new ProjectEdit(text, changes, []);
        }

        var sdk = SdkAttribute().Match(start.Value);
        if (!sdk.Success)
        {
            changes.Add($"{relativePath}: left alone: no Sdk attribute (an old-style project); move it to an SDK-style project first");
            return new ProjectEdit(text, changes, []);
        }

        var sdks = sdk.Groups["value"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var names = sdks.Select(s => s.Split('/')[0]).ToList();
        if (names.Contains(StandardsSdk, StringComparer.OrdinalIgnoreCase))
        {
            return new ProjectEdit(text, changes, []);
        }

        string newText;
        if (names.Count == 1 && string.Equals(names[0], PlainSdk, StringComparison.OrdinalIgnoreCase))
        {
            var valueGroup = sdk.Groups["value"];
            var at = start.Index + valueGroup.Index;
            newText = string.Concat(text.AsSpan(0, at), StandardsSdk, text.AsSpan(at + valueGroup.Length));
            changes.Add($"{relativePath}: Sdk=\"{sdk.Groups["value"].Value}\" -> Sdk=\"{StandardsSdk}\"");
        }
        else
        {
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var insertAt = start.Index + start.Length;
            newText = string.Concat(text.AsSpan(0, insertAt), $"{newline}{ChildIndent(text, insertAt)}<Sdk Name=\"{StandardsSdk}\" />", text.AsSpan(insertAt));
            changes.Add($"{relativePath}: layered <Sdk Name=\"{StandardsSdk}\" /> over {sdk.Groups["value"].Value}");
        }

        Parse(relativePath, newText);
        return new ProjectEdit(newText, changes, []);
    }

    /// <summary>True when the project file names Standards.Sdk (its Sdk attribute, or an &lt;Sdk Name="Standards.Sdk" /&gt; element); false for text that is not a project.</summary>
    public static bool IsOnStandardsSdk(string? text)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text ?? string.Empty);
        }
        catch (XmlException)
        {
            return false;
        }

        var root = document.Root;
        return root is not null
            && (((string?)root.Attribute("Sdk") ?? string.Empty).Split(';').Any(s => string.Equals(s.Split('/')[0].Trim(), StandardsSdk, StringComparison.OrdinalIgnoreCase))
                || root.Elements("Sdk").Any(e => string.Equals((string?)e.Attribute("Name"), StandardsSdk, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Takes the inline versions out of the file's <c>PackageReference</c>s (attribute form) for central package
    /// management. A version that is an MSBuild expression (<c>$(XunitVersion)</c>) stays in the project as
    /// <c>VersionOverride</c>, where the property is defined. References without Include (Update=) are left alone,
    /// as are <c>&lt;Version&gt;</c> child elements, which are reported.
    /// </summary>
    /// <param name="relativePath">The repo-relative path, for messages.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="central">The version each package gets in Directory.Packages.props; null to only collect. A
    /// reference whose version differs keeps it as <c>VersionOverride</c>, so every project restores what it did.</param>
    public static ProjectEdit TakeInlineVersions(string relativePath, string text, IReadOnlyDictionary<string, string>? central = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Parse(relativePath, text);
        var changes = new List<string>();
        var versions = new List<InlinePackageVersion>();
        var newText = PackageReferenceTag().Replace(text, match =>
        {
            var attrs = match.Groups["attrs"].Value;
            var include = IncludeAttribute().Match(attrs);
            var version = VersionAttribute().Match(attrs);
            if (!include.Success || !version.Success)
            {
                return match.Value;
            }

            var id = include.Groups["value"].Value;
            var value = version.Groups["value"].Value;
            if (value.Contains("$(", StringComparison.Ordinal))
            {
                changes.Add($"{relativePath}: {id}: Version=\"{value}\" -> VersionOverride (an MSBuild property; keep it where it is defined)");
                return ToVersionOverride(match.Value, version);
            }

            versions.Add(new InlinePackageVersion(id, value, relativePath));
            if (central is not null && central.TryGetValue(id, out var centralVersion) && !string.Equals(centralVersion, value, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add($"{relativePath}: {id} {value}: kept as VersionOverride (Directory.Packages.props has {centralVersion})");
                return ToVersionOverride(match.Value, version);
            }

            changes.Add($"{relativePath}: {id} {value}: version moved to Directory.Packages.props");
            return match.Value.Replace(version.Value, string.Empty, StringComparison.Ordinal);
        });

        foreach (var element in document.Descendants("PackageReference").Where(e => e.Element("Version") is not null))
        {
            changes.Add($"{relativePath}: {(string?)element.Attribute("Include")}: a <Version> element is left as is; move it to Directory.Packages.props by hand (NU1008 tells you where)");
        }

        Parse(relativePath, newText);
        return new ProjectEdit(newText, changes, versions);
    }

    /// <summary>The tag with its <c>Version</c> attribute renamed to <c>VersionOverride</c> (value and quotes kept).</summary>
    private static string ToVersionOverride(string tag, Match version)
    {
        var at = version.Value.IndexOf("Version", StringComparison.Ordinal);
        var renamed = string.Concat(version.Value.AsSpan(0, at), "VersionOverride", version.Value.AsSpan(at + "Version".Length));
        return tag.Replace(version.Value, renamed, StringComparison.Ordinal);
    }

    /// <summary>The indentation of the line after <paramref name="at"/> (the first child's: tabs or spaces as the file has them), else two spaces.</summary>
    private static string ChildIndent(string text, int at)
    {
        var lineStart = text.IndexOf('\n', at);
        if (lineStart < 0)
        {
            return "  ";
        }

        var end = lineStart + 1;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return end > lineStart + 1 && end < text.Length && text[end] is not ('\r' or '\n') ? text[(lineStart + 1)..end] : "  ";
    }
}
