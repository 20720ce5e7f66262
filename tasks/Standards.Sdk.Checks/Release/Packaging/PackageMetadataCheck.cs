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
    /// Where a packed item lands: its PackagePath when that names a file (it ends with the item's extension), else
    /// the item's file name in that folder, as NuGet's pack does.
    /// </summary>
    /// <param name="itemPath">The item's path on disk.</param>
    /// <param name="packagePath">Its PackagePath metadata ("/": the package root; empty: NuGet's content folders).</param>
    public static string PackedPath(string itemPath, string packagePath)
    {
        ArgumentNullException.ThrowIfNull(itemPath);
        var name = Path.GetFileName(itemPath.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(packagePath))
        {
            // No PackagePath: NuGet packs the item under its content folders, never at the package root.
            return "content/" + name;
        }

        var target = Normalize(packagePath);
        var extension = Path.GetExtension(name);
        if (target.Length > 0 && extension.Length > 0 && target.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            return target;
        }

        return target.Length == 0 ? name : target + "/" + name;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Trim().Trim('/');

    private static string PackageFolder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "/" : path[..slash];
    }

    private static bool Blank(string value) => string.IsNullOrWhiteSpace(value);
}
