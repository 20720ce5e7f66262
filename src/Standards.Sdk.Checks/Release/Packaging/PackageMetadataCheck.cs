using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Packaging;

/// <summary>The package metadata of a packable library, as the pack is about to write it into the .nuspec.</summary>
public sealed record PackageMetadata
{
    /// <summary>The project file (findings without a line that sets the property point at its line 1).</summary>
    public required string ProjectFile { get; init; }

    /// <summary>PackageId.</summary>
    public string PackageId { get; init; } = string.Empty;

    /// <summary>AssemblyName (what the .NET SDK writes as Authors when nothing sets it).</summary>
    public string AssemblyName { get; init; } = string.Empty;

    /// <summary>Description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Authors.</summary>
    public string Authors { get; init; } = string.Empty;

    /// <summary>PackageLicenseExpression.</summary>
    public string LicenseExpression { get; init; } = string.Empty;

    /// <summary>PackageLicenseFile.</summary>
    public string LicenseFile { get; init; } = string.Empty;

    /// <summary>PackageReadmeFile.</summary>
    public string ReadmeFile { get; init; } = string.Empty;

    /// <summary>RepositoryUrl (after SourceLink filled it in from the git remote under PublishRepositoryUrl).</summary>
    public string RepositoryUrl { get; init; } = string.Empty;

    /// <summary>The paths of the files the pack puts into the package ('/'-separated, relative to its root).</summary>
    public IReadOnlyList<string> PackedFiles { get; init; } = [];
}

/// <summary>An item of NuGet's <c>_PackageFiles</c>, as the pack target hands it to the pack task.</summary>
/// <param name="Identity">The item's Include, as written (relative to the project folder, or rooted).</param>
/// <param name="FullPath">The file's full path.</param>
/// <param name="PackagePath">Its PackagePath metadata: null when the item has none, empty when it is set to "".</param>
public sealed record PackItem(string Identity, string FullPath, string? PackagePath)
{
    /// <summary>The wildcard's RecursiveDir (or NuGetRecursiveDir) of the item, or empty.</summary>
    public string RecursiveDir { get; init; } = string.Empty;

    /// <summary>The item's BuildAction (Compile packs into contentFiles/cs/), or empty.</summary>
    public string BuildAction { get; init; } = string.Empty;

    /// <summary>ContentTargetFolders: where a file without PackagePath goes.</summary>
    public IReadOnlyList<string> ContentTargetFolders { get; init; } = ["content", "contentFiles"];
}

/// <summary>
/// A packable library's package says what it is (profile: package-metadata): a real description (STD6050), a
/// licence (STD6051), a readme that is packed (STD6052), the repository URL (STD6053) and authors (STD6054). Each
/// finding points at the line that sets the property (found by <see cref="MsBuildPropertyLocator"/>), or at the
/// project file when nothing does. Plain input in, findings out; the task applies severities, exceptions and the
/// adoption baseline.
/// </summary>
public static class PackageMetadataCheck
{
    /// <summary>The description the .NET SDK writes when a project sets none.</summary>
    public const string SdkDefaultDescription = "Package Description";

    /// <summary>Checks <paramref name="metadata"/>.</summary>
    /// <param name="metadata">The values the pack uses.</param>
    /// <param name="locate">Where a property is set (a line 0 location: set nowhere the locator can follow).</param>
    public static IReadOnlyList<Finding> Run(PackageMetadata metadata, Func<string, PropertyLocation> locate)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(locate);
        var findings = new List<Finding>();
        var project = Path.GetFileName(metadata.ProjectFile);
        void Add(string code, string property, string problem, string fix)
        {
            var at = locate(property);
            var (file, line) = at.Line > 0 ? (at.File, at.Line) : (metadata.ProjectFile, 1);
            var where = at.Line > 0
                ? $"set in {Path.GetFileName(at.File)}"
                : $"set nowhere in {project} or its Directory.Build.props";
            findings.Add(new Finding(code, Severity.Error, $"Package {metadata.PackageId}: {problem} ({property} {where}). {fix}", file, line));
        }

        CheckDescription(metadata, Add);
        if (Blank(metadata.LicenseExpression) && Blank(metadata.LicenseFile))
        {
            Add(ReleaseRuleIds.PackageLicenseMissing, "PackageLicenseExpression", "the package declares no licence, so nobody may legally use it",
                "Set <PackageLicenseExpression> to an SPDX expression (e.g. MIT) in Directory.Build.props, or <PackageLicenseFile> to a licence file that is packed.");
        }

        CheckReadme(metadata, Add);
        if (Blank(metadata.RepositoryUrl))
        {
            Add(ReleaseRuleIds.PackageRepositoryMissing, "RepositoryUrl", "the package does not name its source repository",
                "Set <PublishRepositoryUrl>true</PublishRepositoryUrl> (Standards.Sdk's default for libraries: SourceLink then takes the URL of the git remote 'origin'), or set <RepositoryUrl> in Directory.Build.props.");
        }

        CheckAuthors(metadata, Add);
        return findings;
    }

    private static void CheckDescription(PackageMetadata metadata, Action<string, string, string, string> add)
    {
        var description = metadata.Description.Trim();
        var problem = description.Length == 0 ? "the package has no description"
            : string.Equals(description, SdkDefaultDescription, StringComparison.OrdinalIgnoreCase) ? $"the description is the .NET SDK's placeholder \"{SdkDefaultDescription}\""
            : string.Equals(description, metadata.PackageId, StringComparison.OrdinalIgnoreCase) ? "the description only repeats the package id"
            : null;
        if (problem is not null)
        {
            add(ReleaseRuleIds.PackageDescriptionMissing, "Description", problem,
                $"Set <Description> in {Path.GetFileName(metadata.ProjectFile)} to one sentence saying what the package does (NuGet shows it in search results).");
        }
    }

    private static void CheckReadme(PackageMetadata metadata, Action<string, string, string, string> add)
    {
        if (Blank(metadata.ReadmeFile))
        {
            add(ReleaseRuleIds.PackageReadmeMissing, "PackageReadmeFile", "the package has no readme",
                "Set <PackageReadmeFile>README.md</PackageReadmeFile> and pack the file: <None Include=\"README.md\" Pack=\"true\" PackagePath=\"/\" />.");
            return;
        }

        var wanted = Normalize(metadata.ReadmeFile);
        if (!metadata.PackedFiles.Any(f => string.Equals(Normalize(f), wanted, StringComparison.OrdinalIgnoreCase)))
        {
            add(ReleaseRuleIds.PackageReadmeMissing, "PackageReadmeFile", $"the readme {wanted} is not among the files packed",
                $"Pack it at that path: <None Include=\"{Path.GetFileName(wanted)}\" Pack=\"true\" PackagePath=\"{PackageFolder(wanted)}\" />.");
        }
    }

    private static void CheckAuthors(PackageMetadata metadata, Action<string, string, string, string> add)
    {
        var authors = metadata.Authors.Trim();
        if (authors.Length == 0)
        {
            add(ReleaseRuleIds.PackageAuthorsMissing, "Authors", "the package names no authors",
                "Set <Authors> (the team or organisation) in Directory.Build.props.");
        }
        else if (string.Equals(authors, metadata.AssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            add(ReleaseRuleIds.PackageAuthorsMissing, "Authors", $"the authors are the assembly name {metadata.AssemblyName} (the .NET SDK's default when nothing sets Authors)",
                "Set <Authors> (the team or organisation) in Directory.Build.props.");
        }
    }

    /// <summary>
    /// Where NuGet's pack puts an item of <c>_PackageFiles</c>: every path of the package it writes the file to,
    /// computed as NuGet's pack computes them. With <c>PackagePath</c> set: each of its ';'-separated paths, the
    /// package root when it is set but empty (<c>PackagePath=""</c>), the wildcard's <c>RecursiveDir</c> below it,
    /// and the file name after it unless it already names a file of the same extension. Without: the content folders
    /// (<c>content/</c>, <c>contentFiles/any/&lt;tfm&gt;/</c>) and, for a file inside the project folder, its folder
    /// there. <c>Link</c> changes none of this: NuGet reads the item's Identity and full path only.
    /// </summary>
    /// <param name="item">The item as the pack target hands it over.</param>
    /// <param name="projectDirectory">The project's folder (full path).</param>
    /// <param name="frameworks">The project's target frameworks, for <c>contentFiles/any/&lt;tfm&gt;/</c>.</param>
    public static IReadOnlyList<string> PackedPaths(PackItem item, string projectDirectory, IReadOnlyList<string> frameworks)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(projectDirectory);
        ArgumentNullException.ThrowIfNull(frameworks);
        var source = item.FullPath.Replace('\\', '/');
        var fileName = Path.GetFileName(source);
        List<string> targets;
        if (item.PackagePath is { } packagePath)
        {
            targets = [.. Split(packagePath).Distinct(StringComparer.Ordinal)];
            if (targets.Count == 0)
            {
                // Set but empty: NuGet's rule for the package root.
                targets.Add(string.Empty);
            }

            if (item.RecursiveDir.Length > 0)
            {
                targets = [.. targets.Select(t => NamesTheFile(t, fileName) ? t : Combine(t, item.RecursiveDir))];
            }
        }
        else
        {
            var language = string.Equals(item.BuildAction, "Compile", StringComparison.OrdinalIgnoreCase) ? "cs" : "any";
            targets = [.. item.ContentTargetFolders.SelectMany(folder => string.Equals(folder.Trim('/', '\\'), "contentFiles", StringComparison.Ordinal)
                ? frameworks.Select(f => $"contentFiles/{language}/{f}/")
                : [folder + "/"])];
            var folderInProject = FolderInProject(item.Identity.Replace('\\', '/'), source, fileName, projectDirectory.Replace('\\', '/'));
            if (folderInProject is not null)
            {
                targets = [.. targets.Select(t => Combine(t, folderInProject) + "/")];
            }
        }

        return [.. targets.Select(t => Normalize(NamesTheFile(t, fileName) ? t : Combine(t, fileName))).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A file inside the project folder without PackagePath keeps its folder below the content folders; null when it has none.</summary>
    private static string? FolderInProject(string identity, string source, string fileName, string projectDirectory)
    {
        var root = projectDirectory.TrimEnd('/') + "/";
        if (!source.StartsWith(root, StringComparison.OrdinalIgnoreCase) || string.Equals(identity, fileName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var relative = Path.IsPathRooted(identity) ? Path.GetRelativePath(root, identity).Replace('\\', '/') : identity;
        var slash = relative.LastIndexOf('/');
        return slash <= 0 ? null : relative[..slash];
    }

    /// <summary>True when a target path already names the file: it ends with the file's (non-empty) extension.</summary>
    private static bool NamesTheFile(string target, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length > 0 && string.Equals(Path.GetExtension(target.Replace('\\', '/')), extension, StringComparison.OrdinalIgnoreCase);
    }

    private static string Combine(string folder, string name) => folder.Length == 0 ? name : folder.TrimEnd('/', '\\') + "/" + name;

    private static string[] Split(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Normalize(string path) => path.Replace('\\', '/').Trim().Trim('/');

    private static string PackageFolder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "/" : path[..slash];
    }

    private static bool Blank(string value) => string.IsNullOrWhiteSpace(value);
}
