using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Adoption;

/// <summary>
/// Which mode of <c>dotnet test</c> the repo's test projects need. On the .NET 10 SDK, a test app on
/// Microsoft.Testing.Platform (TUnit, MSTest.Sdk's default runner, MSTest or NUnit with their runner on, xunit.v3 with
/// <c>UseMicrosoftTestingPlatformRunner</c>, any project that sets <c>TestingPlatformDotnetTestSupport</c> or
/// <c>IsTestingPlatformApplication</c>) refuses the VSTest mode, the one <c>dotnet test</c> takes when global.json
/// names no runner ("Testing with VSTest target is no longer supported by Microsoft.Testing.Platform on .NET 10 SDK
/// and later"): such a repo's <c>dotnet test</c> fails before adopt, and after it, in adopt's own test run and in
/// CI. When every test project is such an app, the mode that runs them is global.json's
/// <c>"test": { "runner": "Microsoft.Testing.Platform" }</c>, which adopt then writes before the workspace restores
/// (the runner decides which coverage collector the SDK adds, so the lock files record it). A repo that also has a
/// test project only VSTest runs (xunit v2, NUnit or MSTest on their VSTest adapters) keeps its mode: no single
/// <c>dotnet test</c> runs both kinds there.
/// </summary>
internal static class TestRunnerChoice
{
    private static readonly string[] TestingPlatformProperties =
        ["EnableMSTestRunner", "EnableNUnitRunner", "UseMicrosoftTestingPlatformRunner", "TestingPlatformDotnetTestSupport", "IsTestingPlatformApplication"];

    /// <summary>Packages that make a test project an app on Microsoft.Testing.Platform whatever its properties.</summary>
    private static readonly string[] TestingPlatformPackages = ["TUnit", "TUnit.Engine"];

    /// <summary>
    /// The VSTest adapters, which make a test project too (besides the frameworks the repository checks know,
    /// <see cref="ProjectFileReader.ReferencesTestFramework"/>): one runs on VSTest unless a property above puts it on
    /// Microsoft.Testing.Platform.
    /// </summary>
    private static readonly string[] VSTestAdapters = ["xunit.runner.visualstudio", "NUnit3TestAdapter", "MSTest.TestAdapter"];

    /// <summary>
    /// The test projects on Microsoft.Testing.Platform, each with why, when every test project of <paramref name="projects"/>
    /// is one; empty when there is none, or when another test project runs on VSTest only.
    /// </summary>
    /// <param name="files">The repo's files (for the Directory.Build files above each project).</param>
    /// <param name="projects">The projects adopt puts on the policy.</param>
    /// <param name="read">Reads a repo file (null when it cannot).</param>
    public static IReadOnlyList<string> TestingPlatformOnly(IReadOnlyList<string> files, IReadOnlyList<string> projects, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(read);
        var directoryBuildFiles = files.Where(f => Path.GetFileName(f) is "Directory.Build.props" or "Directory.Build.targets").ToList();
        var platform = new List<string>();
        foreach (var project in projects)
        {
            // A project file that does not parse is refused by the planner's own edit; it says nothing of its runner.
            if (Parse(read(project)) is not { Root: { } root } own)
            {
                continue;
            }

            List<XDocument> documents = [own, .. directoryBuildFiles.Where(f => IsAbove(f, project)).Select(f => Parse(read(f))).OfType<XDocument>()];
            var why = Why(root, documents);
            if (why is not null)
            {
                platform.Add($"{project} ({why})");
            }
            else if (IsTestProject(documents))
            {
                return [];
            }
        }

        return platform;
    }

    /// <summary>What puts the project on Microsoft.Testing.Platform, or null when nothing does.</summary>
    private static string? Why(XElement project, List<XDocument> documents)
    {
        bool IsTrue(string name) => IsTrueIn(documents, name);
        if (Sdks(project).Contains("MSTest.Sdk", StringComparer.OrdinalIgnoreCase) && !IsTrue("UseVSTest"))
        {
            return "MSTest.Sdk";
        }

        if (PackageReferences(documents).FirstOrDefault(p => TestingPlatformPackages.Contains(p, StringComparer.OrdinalIgnoreCase)) is { } package)
        {
            return package;
        }

        // A property in a Directory.Build file counts for the test projects under it, not for every project there.
        var own = documents.Take(1).ToList();
        return TestingPlatformProperties.FirstOrDefault(p => IsTestProject(documents) ? IsTrue(p) : IsTrueIn(own, p));
    }

    private static bool IsTrueIn(List<XDocument> documents, string name) =>
        documents.SelectMany(d => d.Descendants()).Any(e => !e.HasElements && string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    private static bool IsTestProject(List<XDocument> documents) =>
        ProjectFileReader.ReferencesTestFramework(PackageReferences(documents), Sdks(documents[0].Root!))
        || PackageReferences(documents).Any(p => VSTestAdapters.Contains(p, StringComparer.OrdinalIgnoreCase));

    /// <summary>The SDKs the project element names (its Sdk attribute and Sdk elements), without versions.</summary>
    private static IEnumerable<string> Sdks(XElement project) =>
        ((string?)project.Attribute("Sdk") ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Concat(project.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name") ?? string.Empty))
            .Select(s => s.Split('/')[0].Trim());

    private static IEnumerable<string> PackageReferences(List<XDocument> documents) =>
        documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "PackageReference"))
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Trim())
            .Where(p => p.Length > 0);

    /// <summary>True when the Directory.Build file is in the project's folder or a folder above it.</summary>
    private static bool IsAbove(string directoryBuildFile, string project)
    {
        var folder = Path.GetDirectoryName(directoryBuildFile)!.Replace('\\', '/');
        var projectFolder = Path.GetDirectoryName(project)!.Replace('\\', '/');
        return folder.Length == 0 || string.Equals(folder, projectFolder, StringComparison.Ordinal) || projectFolder.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    private static XDocument? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
