using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Dependencies;

/// <summary>One package entry of a lock file section.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Type">Direct, Transitive, CentralTransitive or Project.</param>
/// <param name="Requested">The requested range (Direct and CentralTransitive), or null.</param>
/// <param name="Line">Where the entry starts.</param>
public sealed record LockEntry(string Id, string Type, string? Requested, int Line);

/// <summary>The entries for one target framework (sections for a runtime, "net10.0/linux-x64", are skipped).</summary>
/// <param name="Framework">The framework key as written (e.g. <c>net10.0</c>).</param>
/// <param name="Line">Where the section starts.</param>
/// <param name="Entries">Its entries.</param>
public sealed record LockFramework(string Framework, int Line, IReadOnlyList<LockEntry> Entries);

/// <summary>
/// A packages.lock.json read with line numbers. Anything that is not the shape NuGet writes is a
/// <see cref="DependencyRuleIds.LockFileMalformed"/> finding, never an exception.
/// </summary>
public sealed class PackagesLockFile
{
    /// <summary>The lock file format versions NuGet writes (2 with central package management).</summary>
    public static readonly IReadOnlyList<int> SupportedVersions = [1, 2];

    private static readonly string[] EntryTypes = ["Direct", "Transitive", "CentralTransitive", "Project"];

    private PackagesLockFile(int version, IReadOnlyList<LockFramework> frameworks)
    {
        Version = version;
        Frameworks = frameworks;
    }

    /// <summary>The format version.</summary>
    public int Version { get; }

    /// <summary>Framework sections in file order.</summary>
    public IReadOnlyList<LockFramework> Frameworks { get; }

    /// <summary>Parses a lock file; returns the file (null when unusable) and every problem found.</summary>
    public static (PackagesLockFile? File, IReadOnlyList<Finding> Problems) Parse(string path, string text, string fixCommand)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<Finding>();
        Finding Problem(string what, int line, int column) =>
            new(DependencyRuleIds.LockFileMalformed, Severity.Error,
                $"packages.lock.json cannot be read: {what} Do not edit lock files by hand; regenerate it with `{fixCommand}` from the repo root and commit it.",
                path, Math.Max(line, 1), column);

        var parsed = JsonFormats.PackagesLock.Parse(text);
        if (!parsed.Succeeded)
        {
            problems.Add(Problem($"it is not valid JSON ({parsed.Error})", parsed.ErrorLine, parsed.ErrorColumn));
            return (null, problems);
        }

        if (parsed.Root is not JsonObjectNode root)
        {
            problems.Add(Problem($"the top level is {parsed.Root!.Kind}, not an object.", parsed.Root.Line, parsed.Root.Column));
            return (null, problems);
        }

        if (VersionProblem(root, out var version) is { } versionProblem)
        {
            problems.Add(Problem(versionProblem.What, versionProblem.Line, versionProblem.Column));
            return (null, problems);
        }

        if (root.Get("dependencies") is not JsonObjectNode dependencies)
        {
            var node = root.Get("dependencies");
            problems.Add(Problem(node is null ? "it has no \"dependencies\" object." : $"\"dependencies\" is {node.Kind}, not an object.",
                node?.Line ?? root.Line, node?.Column ?? root.Column));
            return (null, problems);
        }

        var frameworks = ReadFrameworks(dependencies, problems, Problem);
        return (problems.Count == 0 ? new PackagesLockFile(version, frameworks) : null, problems);
    }

    /// <summary>What is wrong with the lock file's "version" (null: a version Standards.Sdk reads).</summary>
    private static (string What, int Line, int Column)? VersionProblem(JsonObjectNode root, out int version)
    {
        var versionNode = root.Get("version");
        version = 0;
        if (versionNode is JsonNumberNode number && number.TryGetInt32(out version) && SupportedVersions.Contains(version))
        {
            return null;
        }

        var found = versionNode switch
        {
            null => "it has no \"version\"",
            JsonNumberNode n => $"\"version\" is {n.Text}; Standards.Sdk reads versions {string.Join(" and ", SupportedVersions)}",
            _ => $"\"version\" is {versionNode.Kind}, not a number",
        };
        return (found + ".", versionNode?.Line ?? root.Line, versionNode?.Column ?? root.Column);
    }

    /// <summary>The framework sections (runtime-specific ones, "tfm/rid", are read for problems but not kept).</summary>
    private static List<LockFramework> ReadFrameworks(JsonObjectNode dependencies, List<Finding> problems, Func<string, int, int, Finding> problem)
    {
        var frameworks = new List<LockFramework>();
        foreach (var section in dependencies.Properties)
        {
            if (section.Value is not JsonObjectNode packages)
            {
                problems.Add(problem($"the section \"{section.Name}\" is {section.Value.Kind}, not an object.", section.Line, section.Column));
                continue;
            }

            var entries = ReadEntries(packages, problems, problem);
            if (!section.Name.Contains('/', StringComparison.Ordinal))
            {
                frameworks.Add(new LockFramework(section.Name, section.Line, entries));
            }
        }

        return frameworks;
    }

    private static List<LockEntry> ReadEntries(JsonObjectNode packages, List<Finding> problems, Func<string, int, int, Finding> problem)
    {
        var entries = new List<LockEntry>();
        foreach (var package in packages.Properties)
        {
            if (package.Value is not JsonObjectNode entry)
            {
                problems.Add(problem($"the entry \"{package.Name}\" is {package.Value.Kind}, not an object.", package.Line, package.Column));
                continue;
            }

            var type = entry.Get("type");
            if (type is not JsonStringNode { } typeText || !EntryTypes.Contains(typeText.Value, StringComparer.Ordinal))
            {
                problems.Add(problem($"the entry \"{package.Name}\" has no valid \"type\" (one of {string.Join(", ", EntryTypes)}).", package.Line, package.Column));
                continue;
            }

            var requested = entry.Get("requested");
            if (requested is not null and not JsonStringNode)
            {
                problems.Add(problem($"\"requested\" of \"{package.Name}\" is {requested.Kind}, not a string.", requested.Line, requested.Column));
                continue;
            }

            if (typeText.Value is "Direct" or "CentralTransitive" && requested is null)
            {
                problems.Add(problem($"the {typeText.Value} entry \"{package.Name}\" has no \"requested\" range.", package.Line, package.Column));
                continue;
            }

            entries.Add(new LockEntry(package.Name, typeText.Value, (requested as JsonStringNode)?.Value, package.Line));
        }

        return entries;
    }
}
