using System.Xml;

namespace Standards.Sdk.Checks.Policy;

/// <summary>Where a property got the value a check reports.</summary>
/// <param name="File">The file that sets it (absolute), or the project file when the value comes from elsewhere.</param>
/// <param name="Line">1-based line, 0 when no line sets it.</param>
/// <param name="Origin">Empty for a file line; else where the value comes from ("on the command line (-p:NoWarn)").</param>
public sealed record PropertyLocation(string File, int Line, string Origin)
{
    /// <summary>" (set on the command line ...)" for messages, or empty.</summary>
    public string Suffix => Origin.Length == 0 ? string.Empty : $" ({Origin})";
}

/// <summary>Where a project's property values come from: what <see cref="MsBuildPropertyLocator"/> reads.</summary>
public interface IPropertySources
{
    /// <summary>The project file (the fallback location).</summary>
    string ProjectFile { get; }

    /// <summary>The files evaluation reads that may set properties, in evaluation order; their imports are followed.</summary>
    IReadOnlyList<string> SettingFiles { get; }

    /// <summary>Names of the build's global properties (set with -p:), which beat every file; null: none.</summary>
    IReadOnlySet<string>? GlobalProperties { get; }

    /// <summary>Reads an environment variable (MSBuild turns them into properties); null: none.</summary>
    Func<string, string?>? Environment { get; }
}

/// <summary>
/// Finds the line that gives an MSBuild property its final value, the way evaluation reads the files: the root
/// files in evaluation order (Directory.Build.props, the project file, Directory.Build.targets, ...), each one's
/// <c>&lt;Import&gt;</c>s followed where they are written (paths built from MSBuildThisFileDirectory,
/// MSBuildProjectDirectory, GetPathOfFileAbove, GetDirectoryNameOfFileAbove and properties defined as plain text),
/// and the LAST definition wins, as in MSBuild. Conditions are not evaluated: of several definitions the last
/// written one is reported. A global property (<c>-p:</c>) beats every file; a property no file sets may come from
/// the environment. Never throws: a file that cannot be read or parsed is skipped.
/// MSBuild itself keeps no record of where a property was set outside its evaluation API, which tasks cannot use.
/// </summary>
public sealed class MsBuildPropertyLocator
{
    private const int MaxImportDepth = 32;

    private readonly List<Definition> definitions = [];
    private readonly IReadOnlySet<string> globalProperties;
    private readonly Func<string, string?> environment;
    private readonly string projectFile;

    /// <summary>Reads the files.</summary>
    /// <param name="projectFile">The project file (the fallback location).</param>
    /// <param name="rootFiles">The files evaluation reads, in its order (missing or empty entries are skipped).</param>
    /// <param name="readFile">Reads a file; null when it cannot be read.</param>
    /// <param name="globalProperties">Names of the global properties of the build (command line).</param>
    /// <param name="environment">Reads an environment variable (MSBuild turns them into properties).</param>
    public MsBuildPropertyLocator(
        string projectFile,
        IEnumerable<string> rootFiles,
        Func<string, string?> readFile,
        IReadOnlySet<string>? globalProperties = null,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(projectFile);
        ArgumentNullException.ThrowIfNull(rootFiles);
        ArgumentNullException.ThrowIfNull(readFile);
        this.projectFile = projectFile;
        this.globalProperties = globalProperties ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        this.environment = environment ?? (_ => null);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in rootFiles.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            Visit(Path.GetFullPath(file), readFile, visited, 0);
        }
    }

    /// <summary>
    /// A locator for a project's settings, made on first use: a check reads the files only when a finding needs a
    /// line. The one way checks and tasks locate properties, so they all follow imports, global properties and the
    /// environment alike.
    /// </summary>
    public static Lazy<MsBuildPropertyLocator> For(IPropertySources sources, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(readFile);
        return new Lazy<MsBuildPropertyLocator>(() => new MsBuildPropertyLocator(
            sources.ProjectFile, sources.SettingFiles, readFile, sources.GlobalProperties, sources.Environment));
    }

    /// <summary>Every file read, in evaluation order.</summary>
    public IReadOnlyList<string> Files => [.. definitions.Select(d => d.File).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Where <paramref name="property"/> gets its value; with <paramref name="containing"/>, the definition that
    /// brings that item into a list (<c>&lt;NoWarn&gt;$(NoWarn);CS8602&lt;/NoWarn&gt;</c>), also through another
    /// property it names (<c>$(LegacyNoWarn)</c>).
    /// </summary>
    public PropertyLocation Locate(string property, string? containing = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (globalProperties.Contains(property))
        {
            return new PropertyLocation(projectFile, 0, $"set on the command line, -p:{property}=...");
        }

        var own = definitions.Where(d => Same(d.Name, property)).ToList();
        if (containing is not null && FindContaining(property, containing, 0, new HashSet<string>(StringComparer.OrdinalIgnoreCase)) is { } through)
        {
            return new PropertyLocation(through.File, through.Line, string.Empty);
        }

        if (own.Count > 0)
        {
            return new PropertyLocation(own[^1].File, own[^1].Line, string.Empty);
        }

        return environment(property) is { Length: > 0 }
            ? new PropertyLocation(projectFile, 0, $"set by the environment variable {property}")
            : new PropertyLocation(projectFile, 0, $"not set in {Path.GetFileName(projectFile)} or a file it imports that Standards.Sdk could follow; look for {property} in the build's other imports and targets");
    }

    private Definition? FindContaining(string property, string token, int depth, HashSet<string> seen)
    {
        if (depth > 8 || !seen.Add(property))
        {
            return null;
        }

        var own = definitions.Where(d => Same(d.Name, property)).ToList();
        for (var i = own.Count - 1; i >= 0; i--)
        {
            if (ContainsItem(own[i].Value, token))
            {
                return own[i];
            }
        }

        for (var i = own.Count - 1; i >= 0; i--)
        {
            foreach (var referenced in References(own[i].Value))
            {
                if (FindContaining(referenced, token, depth + 1, seen) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static bool ContainsItem(string value, string token) =>
        value.Split([';', ',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => string.Equals(part.Trim(), token, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names in <c>$(Name)</c> references of a value.</summary>
    private static IEnumerable<string> References(string value)
    {
        var i = 0;
        while ((i = value.IndexOf("$(", i, StringComparison.Ordinal)) >= 0)
        {
            var end = value.IndexOf(')', i + 2);
            if (end < 0)
            {
                yield break;
            }

            var name = value[(i + 2)..end].Trim();
            if (name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                yield return name;
            }

            i = end + 1;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private void Visit(string file, Func<string, string?> readFile, HashSet<string> visited, int depth)
    {
        if (depth > MaxImportDepth || !visited.Add(file) || readFile(file) is not { } text)
        {
            return;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var stack = new List<string>();
            var positioned = false;
            while (positioned ? !reader.EOF : reader.Read())
            {
                positioned = reader.NodeType switch
                {
                    XmlNodeType.EndElement => EndElement(stack),
                    XmlNodeType.Element => Element(reader, stack, (file, readFile, visited, depth)),
                    _ => false,
                };
            }
        }
        catch (XmlException)
        {
            // Not valid XML: MSBuild reports it; the definitions read so far still count.
        }
    }

    private static bool EndElement(List<string> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }

        return false;
    }

    /// <summary>
    /// One element: a property (a child of PropertyGroup) is recorded, and then the reader is already on the node
    /// after it (true); an Import is followed; any other element is entered.
    /// </summary>
    private bool Element(XmlReader reader, List<string> stack, (string File, Func<string, string?> ReadFile, HashSet<string> Visited, int Depth) visit)
    {
        var file = visit.File;
        var name = reader.LocalName;
        var parent = stack.Count > 0 ? stack[^1] : string.Empty;
        if (parent == "PropertyGroup")
        {
            var line = ((IXmlLineInfo)reader).LineNumber;
            // ReadInnerXml leaves the reader on the node after the property: do not skip it.
            var value = ReadValue(reader);
            definitions.Add(new Definition(name, file, line, value));
            return true;
        }

        if (name == "Import")
        {
            Imports(reader, file, visit.ReadFile, visit.Visited, visit.Depth);
        }

        if (!reader.IsEmptyElement)
        {
            stack.Add(name);
        }

        return false;
    }

    /// <summary>Visits the files an Import element names (an SDK import is MSBuild's, not the repo's).</summary>
    private void Imports(XmlReader reader, string file, Func<string, string?> readFile, HashSet<string> visited, int depth)
    {
        if (reader.GetAttribute("Project") is { } project && reader.GetAttribute("Sdk") is null)
        {
            foreach (var imported in Resolve(project, file))
            {
                Visit(imported, readFile, visited, depth + 1);
            }
        }
    }

    /// <summary>The text of a property element (inner XML as MSBuild keeps it); leaves the reader after its end tag.</summary>
    private static string ReadValue(XmlReader reader)
    {
        try
        {
            return reader.ReadInnerXml();
        }
        catch (XmlException)
        {
            return string.Empty;
        }
    }

    /// <summary>The existing files an Import's Project attribute names, as far as it can be expanded without evaluating.</summary>
    private IEnumerable<string> Resolve(string project, string importingFile)
    {
        var directory = Path.GetDirectoryName(importingFile) ?? string.Empty;
        var projectDirectory = Path.GetDirectoryName(projectFile) ?? string.Empty;
        var text = project.Trim();
        text = FileAbove(text, directory);
        text = Replace(text, "MSBuildThisFileDirectory", EnsureSlash(directory));
        text = Replace(text, "MSBuildThisFileFullPath", importingFile);
        text = Replace(text, "MSBuildThisFile", Path.GetFileName(importingFile));
        text = Replace(text, "MSBuildProjectDirectory", projectDirectory);
        text = Replace(text, "MSBuildProjectFullPath", projectFile);
        foreach (var name in References(text).ToList())
        {
            var last = definitions.LastOrDefault(d => Same(d.Name, name));
            if (last is not null && !last.Value.Contains('$', StringComparison.Ordinal))
            {
                text = Replace(text, name, last.Value.Trim());
            }
        }

        if (text.Contains("$(", StringComparison.Ordinal) || text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal))
        {
            yield break;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(directory, text.Replace('\\', '/')));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            yield break;
        }

        // A file that does not exist is skipped by Visit (the reader returns null).
        yield return full;
    }

    /// <summary>Expands <c>$([MSBuild]::GetPathOfFileAbove('name', 'dir'))</c> and <c>GetDirectoryNameOfFileAbove('dir', 'name')</c>.</summary>
    private static string FileAbove(string text, string directory)
    {
        foreach (var function in new[] { "GetPathOfFileAbove", "GetDirectoryNameOfFileAbove" })
        {
            var marker = $"$([MSBuild]::{function}(";
            var start = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                continue;
            }

            var end = text.IndexOf("))", start, StringComparison.Ordinal);
            if (end < 0)
            {
                return text;
            }

            var arguments = text[(start + marker.Length)..end].Split(',').Select(a => a.Trim().Trim('\'', '"')).ToList();
            if (arguments.Count is < 1 or > 2)
            {
                return text;
            }

            var isPath = function == "GetPathOfFileAbove";
            var name = isPath ? arguments[0] : arguments.ElementAtOrDefault(1) ?? string.Empty;
            var from = isPath ? arguments.ElementAtOrDefault(1) ?? "$(MSBuildThisFileDirectory)" : arguments[0];
            from = Replace(from, "MSBuildThisFileDirectory", EnsureSlash(directory));
            if (from.Contains("$(", StringComparison.Ordinal) || name.Length == 0)
            {
                return text;
            }

            string? found = null;
            for (var dir = new DirectoryInfo(Path.GetFullPath(Path.Combine(directory, from))); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, name)))
                {
                    found = isPath ? Path.Combine(dir.FullName, name) : dir.FullName;
                    break;
                }
            }

            text = text[..start] + (found ?? string.Empty) + text[(end + 2)..];
        }

        return text;
    }

    private static string Replace(string text, string property, string value) =>
        text.Replace($"$({property})", value, StringComparison.OrdinalIgnoreCase);

    private static string EnsureSlash(string directory) =>
        directory.EndsWith('/') || directory.EndsWith('\\') ? directory : directory + "/";

    private sealed record Definition(string Name, string File, int Line, string Value);
}
