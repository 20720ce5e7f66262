using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Sbom;

/// <summary>What the build knows about the project an SBOM describes.</summary>
public sealed record SbomSubject
{
    /// <summary>The package id (pack) or assembly name (publish).</summary>
    public required string Name { get; init; }

    /// <summary>Its version.</summary>
    public required string Version { get; init; }

    /// <summary>Company, else Authors.</summary>
    public required string Supplier { get; init; }

    /// <summary>PackageLicenseExpression, or null.</summary>
    public string? License { get; init; }

    /// <summary>True for a published application, false for a package.</summary>
    public bool IsApplication { get; init; }

    /// <summary>The target frameworks to describe (all of a multi-targeted package; the one published).</summary>
    public IReadOnlyList<string> TargetFrameworks { get; init; } = [];

    /// <summary>The runtime identifier of a publish, or null.</summary>
    public string? RuntimeIdentifier { get; init; }

    /// <summary>The package versions referenced projects will have (name → version), overriding the restore-time one.</summary>
    public IReadOnlyDictionary<string, string> ProjectVersions { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Builds an <see cref="SbomDocument"/> from the restore graph: every package of the selected target frameworks
/// with its purl, version, SHA-512 (from the package folder, else project.assets.json), declared licence and
/// supplier (its .nuspec's authors), and the dependency edges. Packages only build-time references bring in
/// (PrivateAssets=all: analyzers, SourceLink, test tools) are kept and marked as development dependencies.
/// </summary>
public static class SbomBuilder
{
    /// <summary>Builds the document; problems (a package without hash) go to <paramref name="findings"/>.</summary>
    public static SbomDocument Build(RestoreGraph graph, SbomSubject subject, PackageFolder packages, DateTimeOffset timestamp, string toolVersion, string assetsFile, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(findings);
        var targets = graph.Select(subject.TargetFrameworks, subject.RuntimeIdentifier);
        var subjectPurl = subject.IsApplication ? PackageUrl.Generic(subject.Name, subject.Version) : PackageUrl.NuGet(subject.Name, subject.Version);
        var (frameworksOf, runtimeReachable, edges) = Walk(targets);
        var purlOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [string.Empty] = subjectPurl };
        var components = new List<SbomComponent>();
        foreach (var key in frameworksOf.Keys.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (!graph.Libraries.TryGetValue(key, out var library))
            {
                continue;
            }

            var version = library.IsProject && subject.ProjectVersions.TryGetValue(library.Id, out var projectVersion) ? projectVersion : library.Version;
            var purl = PackageUrl.NuGet(library.Id, version);
            purlOf[key] = purl;
            components.Add(library.IsProject
                ? new SbomComponent(library.Id, version, purl, subject.Supplier, null, null, !runtimeReachable.Contains(key), [.. frameworksOf[key]])
                : Package(library, packages, !runtimeReachable.Contains(key), [.. frameworksOf[key]], assetsFile, findings));
        }

        var dependencies = edges
            .Where(e => purlOf.ContainsKey(e.Item1) && purlOf.ContainsKey(e.Item2))
            .Select(e => new SbomDependency(purlOf[e.Item1], purlOf[e.Item2]))
            .Distinct()
            .OrderBy(d => d.From, StringComparer.Ordinal)
            .ThenBy(d => d.To, StringComparer.Ordinal)
            .ToList();

        return new SbomDocument
        {
            Subject = new SbomComponent(subject.Name, subject.Version, subjectPurl, subject.Supplier, null, subject.License, false, [.. subject.TargetFrameworks]),
            IsApplication = subject.IsApplication,
            Components = [.. components.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Version, StringComparer.Ordinal)],
            Dependencies = dependencies,
            Timestamp = timestamp,
            ToolVersion = toolVersion,
            Author = subject.Supplier,
        };
    }

    /// <summary>
    /// The selected targets' graph: the frameworks each library is in, the libraries reachable at run time, and the
    /// dependency edges (from "" for the subject's direct references).
    /// </summary>
    private static (Dictionary<string, SortedSet<string>> FrameworksOf, HashSet<string> RuntimeReachable, HashSet<(string, string)> Edges) Walk(IReadOnlyList<GraphTarget> targets)
    {
        var frameworksOf = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        var runtimeReachable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var edges = new HashSet<(string, string)>();
        foreach (var target in targets)
        {
            var framework = target.Name.Split('/')[0];
            foreach (var key in target.Libraries)
            {
                if (!frameworksOf.TryGetValue(key, out var set))
                {
                    frameworksOf[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(framework);
                foreach (var child in target.Dependencies.GetValueOrDefault(key) ?? [])
                {
                    edges.Add((key, child));
                }
            }

            var directKeys = target.Libraries.Where(k => target.Direct.ContainsKey(Id(k))).ToList();
            foreach (var key in directKeys)
            {
                edges.Add((string.Empty, key));
            }

            MarkRuntime(target, directKeys, runtimeReachable);
        }

        return (frameworksOf, runtimeReachable, edges);
    }

    /// <summary>
    /// Runtime = reachable in this target from a direct reference that flows to consumers; the rest is build-time
    /// only. The walk is per target: a package another framework already reached still has its children of this
    /// framework walked (its dependencies differ by framework), so a package is build-time only only when it is so
    /// in every framework that has it.
    /// </summary>
    private static void MarkRuntime(GraphTarget target, List<string> directKeys, HashSet<string> runtimeReachable)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(directKeys.Where(k => !target.Direct[Id(k)]));
        while (queue.Count > 0)
        {
            var key = queue.Dequeue();
            if (visited.Add(key))
            {
                runtimeReachable.Add(key);
                foreach (var child in target.Dependencies.GetValueOrDefault(key) ?? [])
                {
                    queue.Enqueue(child);
                }
            }
        }
    }

    private static SbomComponent Package(GraphLibrary library, PackageFolder packages, bool development, IReadOnlyList<string> frameworks, string assetsFile, List<Finding> findings)
    {
        var base64 = packages.Sha512(library.Id, library.Version, library.Path) ?? library.AssetsSha512;
        string? hex = null;
        if (base64 is not null)
        {
            try
            {
                hex = Convert.ToHexString(Convert.FromBase64String(base64)).ToLowerInvariant();
            }
            catch (FormatException)
            {
                hex = null;
            }
        }

        if (hex is null || hex.Length != 128)
        {
            hex = null;
            findings.Add(new Finding(ReleaseRuleIds.SbomHashMissing, Severity.Warning,
                $"The SBOM lists {library.Id} {library.Version} without a SHA-512: the package folders have no valid {library.Id.ToLowerInvariant()}.{library.Version.ToLowerInvariant()}.nupkg.sha512 and project.assets.json records none. Restore again (dotnet restore --force) to let NuGet write it.",
                assetsFile));
        }

        var (nuspec, _) = packages.Nuspec(library.Id, library.Path, library.Files);
        var supplier = nuspec is null ? null : PackageFolder.Authors(nuspec);
        var license = packages.DeclaredLicense(library.Id, library.Path, library.Files).Expression;
        return new SbomComponent(library.Id, library.Version, PackageUrl.NuGet(library.Id, library.Version), supplier, hex, license, development, frameworks);
    }

    private static string Id(string key) => key[..Math.Max(0, key.IndexOf('/', StringComparison.Ordinal))];
}
