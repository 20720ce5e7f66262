using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// Licence allow-list for every package a project resolves (docs/standards-profile.md#licences): reads the project's
/// project.assets.json, finds each package's .nuspec in the package folders it names, and judges the declared
/// licence. Unknown or not-allowed is <see cref="DependencyRuleIds.LicenseNotAllowed"/>, denied is
/// <see cref="DependencyRuleIds.LicenseDenied"/>. A project that was never restored (no assets file) is skipped:
/// restore reports its own problems. An assets file that does not read (bad JSON, a duplicate key, no "libraries"
/// object) is a <see cref="DependencyRuleIds.LicenseNotAllowed"/> finding at its line: no licence was checked. Packages the .NET SDK brings
/// (<see cref="SdkImplicitPackages"/>) are not the repo's dependencies and are never judged.
/// </summary>
public static class LicenseCheck
{
    /// <summary>Runs the check for one project.</summary>
    /// <param name="projectFile">The project file, named in the findings.</param>
    /// <param name="assetsText">The text of project.assets.json, or null when it does not exist.</param>
    /// <param name="readFile">Reads an absolute path (the .nuspec files); null when it cannot be read.</param>
    /// <param name="policy">Allow and deny lists.</param>
    /// <param name="severityOf">The configured severity of a rule for this project (None: off).</param>
    /// <param name="projectText">The project file's text, to point at the PackageReference of a direct dependency.</param>
    /// <param name="assetsPath">The path of project.assets.json, named in a finding about the file itself.</param>
    public static IReadOnlyList<Finding> Run(
        string projectFile,
        string? assetsText,
        Func<string, string?> readFile,
        LicensePolicy policy,
        Func<string, Severity> severityOf,
        string? projectText = null,
        string? assetsPath = null)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(severityOf);
        var notAllowedSeverity = severityOf(DependencyRuleIds.LicenseNotAllowed);
        var deniedSeverity = severityOf(DependencyRuleIds.LicenseDenied);
        if (assetsText is null || (notAllowedSeverity == Severity.None && deniedSeverity == Severity.None))
        {
            return [];
        }

        var (assets, unreadable) = ReadAssets(assetsText, assetsPath ?? projectFile,
            notAllowedSeverity == Severity.None ? (DependencyRuleIds.LicenseDenied, deniedSeverity) : (DependencyRuleIds.LicenseNotAllowed, notAllowedSeverity));
        if (assets is null)
        {
            return [unreadable!];
        }

        var folders = (assets.Get("packageFolders") as JsonObjectNode)?.Properties.Select(p => p.Name).ToList() ?? [];
        var direct = DirectIds(assets);
        var parents = Parents(assets);
        var sdkPackages = SdkImplicitPackages.Of(assets, direct, parents);
        var findings = new List<Finding>();
        foreach (var library in ((JsonObjectNode)assets.Get("libraries")!).Properties)
        {
            if (PackageOf(library, sdkPackages) is not { } package)
            {
                continue;
            }

            var (id, version, entry) = package;
            var declared = Declared(id, version, entry, folders, readFile, policy);
            var verdict = Verdict(declared, policy);
            var severity = verdict switch
            {
                LicenseVerdict.Denied => deniedSeverity,
                LicenseVerdict.NotAllowed => notAllowedSeverity,
                _ => Severity.None,
            };
            if (severity == Severity.None)
            {
                continue;
            }

            findings.Add(LicenseFinding(new Package(id, version, declared, verdict, severity), projectFile, projectText, direct, parents));
        }

        return findings;
    }

    /// <summary>A package library of the assets file (not a project, not one the .NET SDK brings): its id, version and entry.</summary>
    private static (string Id, string Version, JsonObjectNode Entry)? PackageOf(JsonPropertyNode library, HashSet<string> sdkPackages)
    {
        var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
        return library.Value is JsonObjectNode entry && entry.Get("type") is JsonStringNode { Value: "package" } && slash > 0
            && !sdkPackages.Contains(library.Name[..slash])
            ? (library.Name[..slash], library.Name[(slash + 1)..], entry)
            : null;
    }

    /// <summary>The assets file's top level, or the finding that says why no licence could be checked.</summary>
    private static (JsonObjectNode? Assets, Finding? Problem) ReadAssets(string text, string path, (string Code, Severity Severity) rule)
    {
        Finding Problem(string what, int line, int column) => new(rule.Code, rule.Severity,
            $"project.assets.json cannot be read ({what}), so no package licence was checked. Restore the project again (dotnet restore --force-evaluate).",
            path, Math.Max(line, 1), column);
        var parsed = JsonFormats.ProjectAssets.Parse(text);
        return parsed.Root switch
        {
            null => (null, Problem(parsed.Error!, parsed.ErrorLine, parsed.ErrorColumn)),
            JsonObjectNode root when root.Get("libraries") is JsonObjectNode => (root, null),
            JsonObjectNode root => (null, Problem("it has no \"libraries\" object", root.Get("libraries")?.Line ?? root.Line, root.Get("libraries")?.Column ?? root.Column)),
            var other => (null, Problem($"the top level is {other.Kind}, not an object", other.Line, other.Column)),
        };
    }

    /// <summary>The finding for a package whose licence is denied or not on the allow-list, at its PackageReference (or the one that brings it in).</summary>
    private static Finding LicenseFinding(Package package, string projectFile, string? projectText, HashSet<string> direct, Dictionary<string, List<string>> parents)
    {
        var (id, version, declared, verdict, severity) = package;
        var isDirect = direct.Contains(id);
        var via = isDirect ? "a direct dependency" : $"brought in by {Via(id, direct, parents)}";
        var line = ReferenceLine(projectText, isDirect ? id : Via(id, direct, parents));
        return verdict == LicenseVerdict.Denied
            ? new Finding(DependencyRuleIds.LicenseDenied, severity,
                $"Package {id} {version} ({via}) is licensed under {declared.Description}, which the licence policy denies. Replace or remove the dependency, or add an exception for {DependencyRuleIds.LicenseDenied} after a legal review.",
                projectFile, line)
            : new Finding(DependencyRuleIds.LicenseNotAllowed, severity,
                $"Package {id} {version} ({via}) has {(declared.Expression is null ? "an unknown licence: it declares " + declared.Description : "licence " + declared.Description + ", which is not on the allow-list")}. Check the licence; if it is acceptable, record it in standards.json under dependencies.licenses.packages (\"{id}\": \"<SPDX expression>\") or add it to dependencies.licenses.allow.",
                projectFile, line);
    }

    private readonly record struct Package(string Id, string Version, DeclaredLicense Declared, LicenseVerdict Verdict, Severity Severity);

    /// <summary>The line of the project's PackageReference to a package, or 0.</summary>
    private static int ReferenceLine(string? projectText, string id)
    {
        if (projectText is null)
        {
            return 0;
        }

        var lines = projectText.Split('\n');
        var needle = $"Include=\"{id}\"";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("PackageReference", StringComparison.Ordinal) && lines[i].Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static DeclaredLicense Declared(string id, string version, JsonObjectNode entry, List<string> folders, Func<string, string?> readFile, LicensePolicy policy)
    {
        if (policy.ReviewedLicense(id, version) is { } reviewed)
        {
            return new DeclaredLicense(reviewed, reviewed + " (reviewed in standards.json)");
        }

        var path = (entry.Get("path") as JsonStringNode)?.Value ?? $"{id.ToLowerInvariant()}/{version.ToLowerInvariant()}";
        var files = (entry.Get("files") as JsonArrayNode)?.Items.OfType<JsonStringNode>().Select(f => f.Value) ?? [];
        return new PackageFolder(folders, readFile).DeclaredLicense(id, path, files);
    }

    private static LicenseVerdict Verdict(DeclaredLicense declared, LicensePolicy policy) =>
        declared.Expression is { } expression && LicenseExpression.TryEvaluate(expression, policy.Judge, out var verdict)
            ? verdict
            : LicenseVerdict.NotAllowed;

    private static HashSet<string> DirectIds(JsonObjectNode assets)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in (assets.Get("projectFileDependencyGroups") as JsonObjectNode)?.Properties ?? [])
        {
            foreach (var item in (group.Value as JsonArrayNode)?.Items.OfType<JsonStringNode>() ?? [])
            {
                var id = item.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                if (id is not null)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    /// <summary>For each package id, the ids of the packages that depend on it (from every target).</summary>
    private static Dictionary<string, List<string>> Parents(JsonObjectNode assets)
    {
        var parents = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in (assets.Get("targets") as JsonObjectNode)?.Properties ?? [])
        {
            foreach (var package in (target.Value as JsonObjectNode)?.Properties ?? [])
            {
                var parent = package.Name.Split('/')[0];
                var dependencies = (package.Value as JsonObjectNode)?.Get("dependencies") as JsonObjectNode;
                foreach (var child in dependencies?.Properties ?? [])
                {
                    if (!parents.TryGetValue(child.Name, out var list))
                    {
                        parents[child.Name] = list = [];
                    }

                    if (!list.Contains(parent, StringComparer.OrdinalIgnoreCase))
                    {
                        list.Add(parent);
                    }
                }
            }
        }

        return parents;
    }

    /// <summary>The direct dependency a transitive package comes through (breadth-first up the graph).</summary>
    private static string Via(string id, HashSet<string> direct, Dictionary<string, List<string>> parents)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
        var queue = new Queue<string>([id]);
        while (queue.Count > 0)
        {
            foreach (var parent in parents.GetValueOrDefault(queue.Dequeue()) ?? [])
            {
                if (direct.Contains(parent))
                {
                    return parent;
                }

                if (seen.Add(parent))
                {
                    queue.Enqueue(parent);
                }
            }
        }

        return "another package";
    }
}
