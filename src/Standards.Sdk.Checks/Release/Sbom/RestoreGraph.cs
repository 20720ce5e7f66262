using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Sbom;

/// <summary>A package or project in the restore graph.</summary>
/// <param name="Id">The package id (or project name).</param>
/// <param name="Version">The resolved version.</param>
/// <param name="IsProject">True for a project reference.</param>
/// <param name="AssetsSha512">The SHA-512 (base64) project.assets.json records, or null.</param>
/// <param name="Path">The folder relative to a package folder (<c>newtonsoft.json/13.0.3</c>), or the project path.</param>
/// <param name="Files">The files the package holds (to find its .nuspec).</param>
public sealed record GraphLibrary(string Id, string Version, bool IsProject, string? AssetsSha512, string Path, IReadOnlyList<string> Files)
{
    /// <summary>The key project.assets.json uses (<c>Id/Version</c>).</summary>
    public string Key => $"{Id}/{Version}";
}

/// <summary>What a target framework of the project resolved: its libraries and who depends on whom.</summary>
/// <param name="Name">The target key in project.assets.json (<c>net10.0</c>, or <c>net10.0/linux-x64</c>).</param>
/// <param name="Libraries">The keys (<c>Id/Version</c>) of the libraries in this target.</param>
/// <param name="Dependencies">For each library key, the keys of the libraries it depends on.</param>
/// <param name="Direct">The ids the project references directly, with whether they stay private (PrivateAssets=all).</param>
public sealed record GraphTarget(string Name, IReadOnlyList<string> Libraries, IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies, IReadOnlyDictionary<string, bool> Direct);

/// <summary>
/// The restore graph of a project, read from its project.assets.json (NuGet.ProjectModel does not restore here,
/// so the few parts an SBOM needs are read directly with the positioned JSON parser). Bad input gives STD6020
/// with the file and line, never an exception.
/// </summary>
public sealed class RestoreGraph
{
    private RestoreGraph(IReadOnlyDictionary<string, GraphLibrary> libraries, IReadOnlyList<GraphTarget> targets, IReadOnlyList<string> packageFolders)
    {
        Libraries = libraries;
        Targets = targets;
        PackageFolders = packageFolders;
    }

    /// <summary>Libraries by key (<c>Id/Version</c>, case-insensitive).</summary>
    public IReadOnlyDictionary<string, GraphLibrary> Libraries { get; }

    /// <summary>The targets (one per framework, and per framework and runtime).</summary>
    public IReadOnlyList<GraphTarget> Targets { get; }

    /// <summary>The package folders, in the order NuGet looks.</summary>
    public IReadOnlyList<string> PackageFolders { get; }

    /// <summary>Reads the file; null with findings when it cannot be used.</summary>
    public static RestoreGraph? Read(string path, string? text, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (ReadRoot(path, text, findings) is not { } root)
        {
            return null;
        }

        if (root.Get("libraries") is not JsonObjectNode libraries || root.Get("targets") is not JsonObjectNode targets)
        {
            var wrong = root.Get("libraries") is JsonObjectNode ? root.Get("targets") : root.Get("libraries");
            findings.Add(Problem(path, wrong?.Line ?? root.Line, "project.assets.json has no 'libraries' or 'targets' object. Delete the obj folder and restore again."));
            return null;
        }

        if (ReadLibraries(path, libraries, findings) is not { } libraryMap)
        {
            return null;
        }

        if (ReadTargets(path, targets, DirectDependencies(root), findings) is not { } targetList)
        {
            return null;
        }

        var folders = (root.Get("packageFolders") as JsonObjectNode)?.Properties.Select(p => p.Name).ToList() ?? [];
        return new RestoreGraph(libraryMap, targetList, folders);
    }

    /// <summary>The file's top-level object; null (with a finding) when the file is missing or its top level is not an object.</summary>
    private static JsonObjectNode? ReadRoot(string path, string? text, List<Finding> findings)
    {
        if (text is null)
        {
            findings.Add(Problem(path, 0, $"{path} does not exist or cannot be read, so the SBOM has nothing to list. Restore the project (dotnet restore) before packing or publishing."));
            return null;
        }

        var parsed = JsonFormats.ProjectAssets.Parse(text);
        if (parsed.Root is not JsonObjectNode root)
        {
            var what = parsed.Root is null ? parsed.Error : $"the top level is {parsed.Root.Kind}";
            findings.Add(Problem(path, parsed.Root?.Line ?? parsed.ErrorLine, $"project.assets.json is not a JSON object ({what}). Delete the obj folder and restore again."));
            return null;
        }

        return root;
    }

    /// <summary>The 'targets' section: per target its packages and who depends on whom; null (with a finding) when a target is not an object.</summary>
    private static List<GraphTarget>? ReadTargets(string path, JsonObjectNode targets, Dictionary<string, IReadOnlyDictionary<string, bool>> direct, List<Finding> findings)
    {
        var targetList = new List<GraphTarget>();
        foreach (var target in targets.Properties)
        {
            if (target.Value is not JsonObjectNode packages)
            {
                findings.Add(Problem(path, target.Line, $"The target '{target.Name}' in project.assets.json is not an object. Delete the obj folder and restore again."));
                return null;
            }

            var dependencies = PackageDependencies(packages);
            var framework = target.Name.Split('/')[0];
            targetList.Add(new GraphTarget(target.Name, [.. packages.Properties.Select(p => p.Name)], dependencies,
                direct.GetValueOrDefault(framework) ?? new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)));
        }

        return targetList;
    }

    /// <summary>The 'libraries' section by key; null (with a finding) when an entry is not 'Id/Version' with an object.</summary>
    private static Dictionary<string, GraphLibrary>? ReadLibraries(string path, JsonObjectNode libraries, List<Finding> findings)
    {
        var libraryMap = new Dictionary<string, GraphLibrary>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in libraries.Properties)
        {
            var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || library.Value is not JsonObjectNode entry)
            {
                findings.Add(Problem(path, library.Line, $"The library '{library.Name}' in project.assets.json is not 'Id/Version' with an object. Delete the obj folder and restore again."));
                return null;
            }

            var type = (entry.Get("type") as JsonStringNode)?.Value;
            var files = (entry.Get("files") as JsonArrayNode)?.Items.OfType<JsonStringNode>().Select(f => f.Value).ToList() ?? [];
            libraryMap[library.Name] = new GraphLibrary(
                library.Name[..slash],
                library.Name[(slash + 1)..],
                type == "project",
                (entry.Get("sha512") as JsonStringNode)?.Value,
                (entry.Get("path") as JsonStringNode)?.Value ?? $"{library.Name[..slash].ToLowerInvariant()}/{library.Name[(slash + 1)..].ToLowerInvariant()}",
                files);
        }

        return libraryMap;
    }

    /// <summary>Each package of a target with the keys of the packages it depends on (those of the same target).</summary>
    private static Dictionary<string, IReadOnlyList<string>> PackageDependencies(JsonObjectNode packages)
    {
        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages.Properties)
        {
            byId.TryAdd(package.Name[..Math.Max(0, package.Name.IndexOf('/', StringComparison.Ordinal))], package.Name);
        }

        foreach (var package in packages.Properties)
        {
            var children = ((package.Value as JsonObjectNode)?.Get("dependencies") as JsonObjectNode)?.Properties
                .Select(d => byId.GetValueOrDefault(d.Name))
                .OfType<string>()
                .ToList() ?? [];
            dependencies[package.Name] = children;
        }

        return dependencies;
    }

    /// <summary>The targets of the given frameworks (and runtime), or every framework-only target when none is given.</summary>
    public IReadOnlyList<GraphTarget> Select(IReadOnlyCollection<string> frameworks, string? runtime)
    {
        ArgumentNullException.ThrowIfNull(frameworks);
        bool Wanted(GraphTarget t)
        {
            var parts = t.Name.Split('/');
            var frameworkMatches = frameworks.Count == 0 || frameworks.Contains(parts[0], StringComparer.OrdinalIgnoreCase);
            return frameworkMatches && (string.IsNullOrEmpty(runtime) ? parts.Length == 1 : parts.Length == 2 && string.Equals(parts[1], runtime, StringComparison.OrdinalIgnoreCase));
        }

        var selected = Targets.Where(Wanted).ToList();
        // A runtime-specific publish of a framework the assets file only has without runtime: use that.
        return selected.Count > 0 || string.IsNullOrEmpty(runtime) ? selected : Select(frameworks, null);
    }

    /// <summary>Per framework alias, the directly referenced ids and whether each is private (suppressParent All).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, bool>> DirectDependencies(JsonObjectNode root)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, bool>>(StringComparer.OrdinalIgnoreCase);
        var project = root.Get("project");
        var restoreFrameworks = Member(Member(project, "restore"), "frameworks");
        foreach (var framework in Properties(Member(project, "frameworks")))
        {
            var direct = PackageReferences(framework.Value);

            // Project references are direct dependencies too (restore lists them separately).
            foreach (var reference in Properties(Member(Member(restoreFrameworks, framework.Name), "projectReferences")))
            {
                direct[Path.GetFileNameWithoutExtension(reference.Name)] = false;
            }

            result[framework.Name] = direct;
        }

        return result;
    }

    /// <summary>The packages one framework of the project references, with whether each is private (suppressParent All).</summary>
    private static Dictionary<string, bool> PackageReferences(JsonValueNode framework)
    {
        var direct = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var dependency in Properties(Member(framework, "dependencies")))
        {
            var suppress = (Member(dependency.Value, "suppressParent") as JsonStringNode)?.Value;
            direct[dependency.Name] = string.Equals(suppress, "All", StringComparison.OrdinalIgnoreCase);
        }

        return direct;
    }

    /// <summary>A member of a node that may be missing or not an object; null then.</summary>
    private static JsonValueNode? Member(JsonValueNode? node, string name) => (node as JsonObjectNode)?.Get(name);

    /// <summary>The properties of a node that may be missing or not an object; none then.</summary>
    private static IReadOnlyList<JsonPropertyNode> Properties(JsonValueNode? node) => (node as JsonObjectNode)?.Properties ?? [];

    private static Finding Problem(string path, int line, string message) =>
        new(ReleaseRuleIds.SbomAssetsUnreadable, Severity.Error, message, path, line);
}
