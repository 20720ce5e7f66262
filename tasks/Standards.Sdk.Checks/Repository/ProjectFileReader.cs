using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// Reads what repo-wide checks need from a project file without evaluating it: the literal property values
/// written in the file (last one wins, conditions ignored), the SDK it names, and the project kind inferred
/// the way Standards.ProjectKind.targets infers it. A file that is not valid XML gives no properties (the
/// build reports it) and the kind from its name and place alone.
/// </summary>
public static class ProjectFileReader
{
    /// <summary>The key under which the project's SDK attribute is stored in <see cref="RepositoryProject.Properties"/>.</summary>
    public const string SdkKey = "Sdk";

    /// <summary>The project file extensions the snapshot treats as projects.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".csproj", ".fsproj", ".vbproj"];

    private static readonly string[] TestSuffixes = [".Tests", ".UnitTests", ".IntegrationTests"];
    private static readonly string[] ServiceSuffixes = [".Api", ".Web", ".Service", ".Gateway"];
    private static readonly string[] WorkerSuffixes = [".Worker", ".Host", ".Consumer", ".Processor"];

    /// <summary>True when a repo-relative path is a project file.</summary>
    public static bool IsProjectFile(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a project; <paramref name="text"/> null means unreadable.</summary>
    public static RepositoryProject Read(string path, string? text)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var properties = text is null ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) : Properties(text);
        return new RepositoryProject(path, name, InferKind(path, name, properties), properties);
    }

    /// <summary>The project kind, as Standards.ProjectKind.targets decides it, plus the SDK names of non-Standards projects.</summary>
    public static string InferKind(string path, string name, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(properties);
        string? Get(string key) => properties.TryGetValue(key, out var v) ? v.Trim() : null;

        var declared = Get("StandardsProjectKind");
        if (ProjectKinds.IsKnown(declared))
        {
            return declared!.ToLowerInvariant();
        }

        if (string.Equals(Get("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase) || EndsWithAny(name, TestSuffixes))
        {
            return ProjectKinds.Test;
        }

        if (name.EndsWith(".Benchmarks", StringComparison.Ordinal))
        {
            return ProjectKinds.Benchmark;
        }

        if (path.StartsWith("cmd/", StringComparison.Ordinal))
        {
            return EndsWithAny(name, ServiceSuffixes) ? ProjectKinds.Service
                : EndsWithAny(name, WorkerSuffixes) ? ProjectKinds.Worker
                : ProjectKinds.Tool;
        }

        var sdk = Get(SdkKey) ?? string.Empty;
        if (sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKinds.Service;
        }

        if (sdk.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKinds.Worker;
        }

        var outputType = Get("OutputType");
        return string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase) || string.Equals(outputType, "WinExe", StringComparison.OrdinalIgnoreCase)
            ? ProjectKinds.Tool
            : ProjectKinds.Library;
    }

    private static bool EndsWithAny(string name, string[] suffixes) =>
        suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    private static Dictionary<string, string> Properties(string text)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return properties;
        }

        var root = document.Root;
        if (root is null)
        {
            return properties;
        }

        var sdk = root.Attribute("Sdk")?.Value
            ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value;
        if (!string.IsNullOrWhiteSpace(sdk))
        {
            properties[SdkKey] = sdk.Trim();
        }

        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            foreach (var property in group.Elements())
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
        }

        return properties;
    }
}
