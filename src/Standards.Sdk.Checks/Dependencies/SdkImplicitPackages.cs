using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// The packages of a project.assets.json that the .NET SDK brings, not the repo: what the SDK references implicitly
/// (<c>"autoReferenced": true</c> in <c>project.frameworks</c>: NETStandard.Library, ILLink, the analyzers it pins,
/// .NET Framework reference assemblies on a machine without them), the platform's reference, targeting and runtime
/// packs by name, and every package reached only through those. None of them is a dependency anyone chose, so no
/// licence rule judges them.
/// </summary>
public static class SdkImplicitPackages
{
    /// <summary>Ids (and id prefixes ending in '.') of packages that are part of the platform whoever references them.</summary>
    private static readonly string[] PlatformIds =
    [
        "NETStandard.Library",
        "NETStandard.Library.Ref",
        "Microsoft.NETCore.Platforms",
        "Microsoft.NETCore.Targets",
        "Microsoft.NETFramework.ReferenceAssemblies",
        "Microsoft.NET.ILLink.Tasks",
        "Microsoft.DotNet.ILCompiler",
    ];

    private static readonly string[] PlatformPrefixes =
    [
        "Microsoft.NETFramework.ReferenceAssemblies.",
        "Microsoft.NETCore.App.",
        "Microsoft.AspNetCore.App.",
        "Microsoft.WindowsDesktop.App.",
        "Microsoft.DotNet.ILCompiler.",
    ];

    /// <summary>True for an id of the platform's own packages (reference, targeting and runtime packs, ILLink, ILCompiler).</summary>
    public static bool IsPlatformId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return PlatformIds.Contains(id, StringComparer.OrdinalIgnoreCase)
            || PlatformPrefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || (id.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase) && id.EndsWith(".Microsoft.DotNet.ILCompiler", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ids of the assets file's packages the SDK brings (see the class remarks).</summary>
    /// <param name="assets">The root of project.assets.json.</param>
    /// <param name="direct">The ids the project references itself (projectFileDependencyGroups).</param>
    /// <param name="parents">For each package id, the ids of the packages that depend on it.</param>
    public static HashSet<string> Of(JsonObjectNode assets, IReadOnlySet<string> direct, IReadOnlyDictionary<string, List<string>> parents)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(parents);
        var implicitIds = AutoReferenced(assets);

        // A package the project references itself is its dependency, unless it is a platform pack or the SDK put it there.
        var candidates = (assets.Get("libraries") as JsonObjectNode)?.Properties
            .Select(p => p.Name.Split('/')[0])
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList() ?? [];
        implicitIds.UnionWith(candidates.Where(IsPlatformId));

        // Then everything reached only through them.
        bool changed;
        do
        {
            changed = false;
            foreach (var id in candidates.Where(c => !implicitIds.Contains(c) && !direct.Contains(c)))
            {
                if (parents.TryGetValue(id, out var from) && from.Count > 0 && from.All(implicitIds.Contains))
                {
                    changed |= implicitIds.Add(id);
                }
            }
        }
        while (changed);

        return implicitIds;
    }

    /// <summary>The ids the SDK referenced implicitly for any target framework ("autoReferenced": true).</summary>
    private static HashSet<string> AutoReferenced(JsonObjectNode assets)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var frameworks = (assets.Get("project") as JsonObjectNode)?.Get("frameworks") as JsonObjectNode;
        foreach (var framework in frameworks?.Properties ?? [])
        {
            var dependencies = (framework.Value as JsonObjectNode)?.Get("dependencies") as JsonObjectNode;
            ids.UnionWith((dependencies?.Properties ?? [])
                .Where(d => (d.Value as JsonObjectNode)?.Get("autoReferenced") is JsonBooleanNode { Value: true })
                .Select(d => d.Name));
        }

        return ids;
    }
}
