using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Snapshot;

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

    /// <summary>Name suffixes that make a project a test project (Standards.ProjectKind.targets uses the same list).</summary>
    public static readonly IReadOnlyList<string> TestSuffixes = [".Tests", ".UnitTests", ".IntegrationTests", ".FunctionalTests", ".Specs"];

    /// <summary>SDKs that make a project a test project.</summary>
    private static readonly string[] TestSdks = ["MSTest.Sdk"];

    /// <summary>
    /// Packages that make a project a test project: the test platform and the frameworks (each of them also sets
    /// IsTestProject in the build, which the repo checks cannot evaluate).
    /// </summary>
    private static readonly string[] TestPackages =
    [
        "Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "xunit.core", "NUnit", "MSTest", "MSTest.TestFramework", "TUnit", "TUnit.Engine",
    ];
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
        var file = text is null ? ProjectFile.Unreadable : Parse(path, text);
        return new RepositoryProject(path, name, InferKind(path, name, file.Properties, ReferencesTestFramework(file.Packages, file.Sdks)), file.Properties)
        {
            // An unreadable or malformed file is taken to be on Standards.Sdk: the build reports it, and the checks
            // must not drop a project they cannot read.
            UsesStandardsSdk = !file.Parsed || file.Sdks.Any(s => string.Equals(s, StandardsSdkName, StringComparison.OrdinalIgnoreCase)),
            References = file.References,
        };
    }

    /// <summary>True when one of the packages or SDKs (names without versions) a project names makes it a test project.</summary>
    public static bool ReferencesTestFramework(IEnumerable<string> packages, IEnumerable<string> sdks) =>
        packages.Any(p => TestPackages.Contains(p, StringComparer.OrdinalIgnoreCase))
        || sdks.Any(s => TestSdks.Contains(s, StringComparer.OrdinalIgnoreCase));

    /// <summary>The name of the SDK a project uses to be on the policy.</summary>
    public const string StandardsSdkName = "Standards.Sdk";

    /// <summary>The project kind, as Standards.ProjectKind.targets decides it, plus the SDK names of non-Standards projects.</summary>
    /// <param name="path">Repo-relative path of the project file.</param>
    /// <param name="name">Project name.</param>
    /// <param name="properties">Literal properties of the file.</param>
    /// <param name="referencesTestFramework">True when it references a test framework or is on a test SDK.</param>
    public static string InferKind(string path, string name, IReadOnlyDictionary<string, string> properties, bool referencesTestFramework = false)
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

        // A test project is one whatever its name: IsTestProject, a test SDK or a test framework reference.
        if (string.Equals(Get("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase) || referencesTestFramework)
        {
            return ProjectKinds.Test;
        }

        // The Web SDK makes a service and the Worker SDK a worker wherever the project lives.
        var sdk = Get(SdkKey) ?? string.Empty;
        if (sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKinds.Service;
        }

        if (sdk.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKinds.Worker;
        }

        if (EndsWithAny(name, TestSuffixes))
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

        var outputType = Get("OutputType");
        return string.Equals(outputType, "Exe", StringComparison.OrdinalIgnoreCase) || string.Equals(outputType, "WinExe", StringComparison.OrdinalIgnoreCase)
            ? ProjectKinds.Tool
            : ProjectKinds.Library;
    }

    private static bool EndsWithAny(string name, IEnumerable<string> suffixes) =>
        suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    /// <summary>What the repo checks read from a project file.</summary>
    private sealed record ProjectFile(bool Parsed, Dictionary<string, string> Properties, IReadOnlyList<string> Sdks, IReadOnlyList<string> Packages, IReadOnlyList<string> References)
    {
        public static ProjectFile Unreadable => new(false, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), [], [], []);
    }

    private static ProjectFile Parse(string path, string text)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return ProjectFile.Unreadable;
        }

        var root = document.Root;
        if (root is null)
        {
            return ProjectFile.Unreadable;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sdkAttribute = root.Attribute("Sdk")?.Value;
        var sdkElements = root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => e.Attribute("Name")?.Value).OfType<string>().ToList();
        var sdk = sdkAttribute ?? sdkElements.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(sdk))
        {
            properties[SdkKey] = sdk.Trim();
        }

        // Sdk="A;B/1.0", <Sdk Name="A" />, <Import Project="Sdk.props" Sdk="A" />: the names without versions.
        var sdks = (sdkAttribute ?? string.Empty).Split(';')
            .Concat(sdkElements)
            .Concat(root.Descendants().Where(e => e.Name.LocalName == "Import").Select(e => e.Attribute("Sdk")?.Value).OfType<string>())
            .Select(s => s.Split('/')[0].Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        foreach (var group in root.Elements().Where(e => e.Name.LocalName == "PropertyGroup"))
        {
            foreach (var property in group.Elements())
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
        }

        var items = root.Descendants().Where(e => e.Parent?.Name.LocalName == "ItemGroup").ToList();
        var packages = items.Where(e => e.Name.LocalName == "PackageReference")
            .Select(e => e.Attribute("Include")?.Value?.Trim()).OfType<string>().ToList();
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;
        var references = items.Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .OfType<string>()
            .SelectMany(v => v.Split(';'))
            .Select(v => Resolve(folder, v.Trim()))
            .OfType<string>()
            .ToList();
        return new ProjectFile(true, properties, sdks, packages, references);
    }

    /// <summary>A reference's repo-relative path ('/'-separated), or null when it leaves the repo or uses a property.</summary>
    private static string? Resolve(string folder, string include)
    {
        if (include.Length == 0 || include.Contains("$(", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var segment in include.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }
}
