using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Release.Packaging;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before the pack writes the .nuspec of a packable library: its package metadata (STD6050-STD6054). The logic is
/// <see cref="PackageMetadataCheck"/>; this adapter passes the final property values and the packed files, and
/// applies standards.json (severities, exceptions) and the adoption baseline's entries for this project.
/// </summary>
public sealed class CheckPackageMetadata : ProjectPolicyTask
{
    /// <summary>PackageId.</summary>
    public string? PackageId { get; set; }

    /// <summary>AssemblyName.</summary>
    public string? AssemblyName { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Authors.</summary>
    public string? Authors { get; set; }

    /// <summary>PackageLicenseExpression.</summary>
    public string? PackageLicenseExpression { get; set; }

    /// <summary>PackageLicenseFile.</summary>
    public string? PackageLicenseFile { get; set; }

    /// <summary>PackageReadmeFile.</summary>
    public string? PackageReadmeFile { get; set; }

    /// <summary>RepositoryUrl.</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>The files the pack puts into the package (NuGet's _PackageFiles, with their PackagePath).</summary>
    public ITaskItem[] PackedFiles { get; set; } = [];

    /// <summary>The project's target frameworks (where NuGet packs a file without PackagePath under contentFiles/).</summary>
    public string? TargetFrameworks { get; set; }

    /// <summary>ContentTargetFolders (NuGet's default: content;contentFiles).</summary>
    public string? ContentTargetFolders { get; set; }

    /// <summary>The repo's adoption baseline (its package metadata entries for this project apply here).</summary>
    public string? BaselineFile { get; set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var today = ResolveToday();
        var policy = LoadPolicy(today, findings: null);
        var reporter = FindingReporter.ForProject(policy, CreateProjectContext(), today);
        var metadata = new PackageMetadata
        {
            ProjectFile = ProjectFile,
            PackageId = PackageId ?? string.Empty,
            AssemblyName = AssemblyName ?? string.Empty,
            Description = Description ?? string.Empty,
            Authors = Authors ?? string.Empty,
            LicenseExpression = PackageLicenseExpression ?? string.Empty,
            LicenseFile = PackageLicenseFile ?? string.Empty,
            ReadmeFile = PackageReadmeFile ?? string.Empty,
            RepositoryUrl = RepositoryUrl ?? string.Empty,
            PackedFiles = [.. PackedFiles.SelectMany(PackedPaths)],
        };
        var findings = PackageMetadataCheck.Run(metadata, LocateProperty)
            .Select(f => WithPolicySeverity(f, reporter))
            .ToList();
        var projectPath = Glob.Normalize(Path.GetRelativePath(RepoRoot, Path.GetFullPath(ProjectFile)));
        var baseline = ReadBaselineFile(BaselineFile);
        reporter.AddRange(ProjectFindingsBaseline.Apply(findings, baseline, projectPath, BaselineFile ?? string.Empty, reporter.SeverityOf(BaselineRuleIds.EntryNoLongerNeeded),
            [.. ProjectFindingsBaseline.PackageMetadataCodes.Where(reporter.IsOn)]));
        Log.LogMessage(MessageImportance.Low, "Standards.Sdk: checked the package metadata of {0}.", metadata.PackageId);
        return LogAndRecord(reporter.Findings, policy.HelpBaseUrl, TreatWarningsAsErrors);
    }

    /// <summary>Where NuGet's pack puts one item: PackagePath set but empty is not PackagePath absent, as NuGet tells them apart.</summary>
    private IReadOnlyList<string> PackedPaths(ITaskItem file)
    {
        var hasPackagePath = file.MetadataNames.Cast<string>().Any(n => string.Equals(n, "PackagePath", StringComparison.OrdinalIgnoreCase));
        var recursiveDir = file.GetMetadata("RecursiveDir");
        var folders = Split(ContentTargetFolders);
        var item = new PackItem(file.ItemSpec, file.GetMetadata("FullPath"), hasPackagePath ? file.GetMetadata("PackagePath") : null)
        {
            RecursiveDir = recursiveDir.Length > 0 ? recursiveDir : file.GetMetadata("NuGetRecursiveDir"),
            BuildAction = file.GetMetadata("BuildAction"),
            ContentTargetFolders = folders.Count > 0 ? folders : ["content", "contentFiles"],
        };
        return PackageMetadataCheck.PackedPaths(item, Path.GetDirectoryName(Path.GetFullPath(ProjectFile)) ?? string.Empty, Split(TargetFrameworks));
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
