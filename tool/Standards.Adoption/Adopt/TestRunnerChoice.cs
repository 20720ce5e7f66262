using System.Xml;
using System.Xml.Linq;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Adoption.Adopt;

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
/// <c>dotnet test</c> runs both kinds there, and when its tests fail, adopt names the projects of each kind and the
/// two ways out (<see cref="MixedModesFix"/>).
/// </summary>
internal static class TestRunnerChoice
{
    /// <summary>The advice for a repo whose test projects need both modes of <c>dotnet test</c>.</summary>
    public const string MixedModesFix =
        "`dotnet test` on the .NET 10 SDK runs Microsoft.Testing.Platform apps or VSTest test projects, never both in one run. "
        + "Put the VSTest-only projects on Microsoft.Testing.Platform (xunit v2 to xunit.v3 with UseMicrosoftTestingPlatformRunner, "
        + "NUnit3TestAdapter 5 with EnableNUnitRunner, MSTest with EnableMSTestRunner) or the others on VSTest "
        + "(xunit.v3: UseMicrosoftTestingPlatformRunner false; MSTest.Sdk: UseVSTest true), then run adopt again";

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

    /// <summary>The test projects of <paramref name="projects"/> by the mode of <c>dotnet test</c> that runs them.</summary>
    /// <param name="files">The repo's files (for the Directory.Build files each project imports).</param>
    /// <param name="projects">The projects adopt puts on the policy.</param>
    /// <param name="read">Reads a repo file (null when it cannot).</param>
    public static TestProjectKinds Classify(IReadOnlyList<string> files, IReadOnlyList<string> projects, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(read);
        var fileSet = files.ToHashSet(StringComparer.Ordinal);
        var platform = new List<string>();
        var vstest = new List<string>();
        foreach (var project in projects)
        {
            // A project file that does not parse is refused by the planner's own edit; it says nothing of its runner.
            if (Parse(read(project)) is not { Root: { } root } own)
            {
                continue;
            }

            List<XDocument> documents = [own, .. DirectoryBuildFiles(fileSet, project, read)];
            var why = Why(root, documents);
            if (why is not null)
            {
                platform.Add($"{project} ({why})");
            }
            else if (IsTestProject(documents))
            {
                vstest.Add(project);
            }
        }

        return new TestProjectKinds(platform, vstest);
    }

    /// <summary>
    /// The Directory.Build.props and Directory.Build.targets MSBuild imports into <paramref name="project"/>: the
    /// nearest of each name above it, and the next one up only where that one imports it (the documented
    /// <c>GetPathOfFileAbove</c> chain, or a relative path), as MSBuild stops at the first it finds.
    /// </summary>
    private static IEnumerable<XDocument> DirectoryBuildFiles(HashSet<string> files, string project, Func<string, string?> read)
    {
        foreach (var name in (string[])["Directory.Build.props", "Directory.Build.targets"])
        {
            for (var folder = FolderOf(project); ; folder = FolderOf(folder))
            {
                var candidate = folder.Length == 0 ? name : $"{folder}/{name}";
                if (files.Contains(candidate))
                {
                    var document = Parse(read(candidate));
                    if (document is not null)
                    {
                        yield return document;
                    }

                    // The nearest file decides whether MSBuild sees the one above it.
                    if (document is null || !ImportsItsName(document, name))
                    {
                        break;
                    }
                }

                if (folder.Length == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The repo-relative folder of a repo-relative path, "" at the root.</summary>
    private static string FolderOf(string path) => (Path.GetDirectoryName(path) ?? string.Empty).Replace('\\', '/');

    /// <summary>True when the file imports a file of its own name (the one above it).</summary>
    private static bool ImportsItsName(XDocument document, string name) =>
        document.Descendants().Where(e => e.Name.LocalName == "Import")
            .Any(e => ((string?)e.Attribute("Project") ?? string.Empty).Contains(name, StringComparison.OrdinalIgnoreCase));

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

/// <summary>A repo's test projects by the mode of <c>dotnet test</c> that runs them.</summary>
/// <param name="TestingPlatform">The Microsoft.Testing.Platform apps, each with what makes it one.</param>
/// <param name="VSTestOnly">The test projects only the VSTest mode runs.</param>
internal sealed record TestProjectKinds(IReadOnlyList<string> TestingPlatform, IReadOnlyList<string> VSTestOnly)
{
    /// <summary>True when the repo has test projects of both kinds: no one mode of <c>dotnet test</c> runs them all.</summary>
    public bool Mixed => TestingPlatform.Count > 0 && VSTestOnly.Count > 0;
}
