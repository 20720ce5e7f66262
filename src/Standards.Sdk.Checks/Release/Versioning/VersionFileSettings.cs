namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// What one version.json says, every setting optional so that a file with <c>"inherit": true</c> can be laid
/// over the file above it (<see cref="Merge"/>). Read by <see cref="VersionFile.Read"/>.
/// </summary>
public sealed record VersionFileSettings
{
    /// <summary>The file, repo-relative ('/'-separated).</summary>
    public required string RepoPath { get; init; }

    /// <summary>Where the effective <c>version</c> is written: the file (as findings name it) and line.</summary>
    public (string File, int Line) VersionSource { get; init; }

    /// <summary>The line of <c>inherit</c> (1 when absent).</summary>
    public int InheritLine { get; init; } = 1;

    /// <summary><c>inherit</c>: the settings of the nearest version.json above apply underneath.</summary>
    public bool Inherit { get; init; }

    /// <summary><c>version</c>.</summary>
    public VersionSpec? Version { get; init; }

    /// <summary><c>version</c> as written.</summary>
    public string? VersionText { get; init; }

    /// <summary><c>prerelease</c> (inheriting files only): replaces the inherited label; empty removes it.</summary>
    public string? Prerelease { get; init; }

    /// <summary><c>versionHeightOffset</c> (or the obsolete <c>buildNumberOffset</c>).</summary>
    public int? VersionHeightOffset { get; init; }

    /// <summary><c>versionHeightOffsetAppliesTo</c>.</summary>
    public VersionSpec? VersionHeightOffsetAppliesTo { get; init; }

    /// <summary><c>pathFilters</c>, resolved to repo paths.</summary>
    public IReadOnlyList<PathFilter>? PathFilters { get; init; }

    /// <summary><c>publicReleaseRefSpec</c>.</summary>
    public IReadOnlyList<string>? PublicReleaseRefSpec { get; init; }

    /// <summary><c>nugetPackageVersion.semVer</c>.</summary>
    public int? NuGetSemVer { get; init; }

    /// <summary><c>nugetPackageVersion.precision</c>.</summary>
    public VersionPrecision? NuGetPrecision { get; init; }

    /// <summary><c>assemblyVersion</c> or <c>assemblyVersion.version</c>.</summary>
    public System.Version? AssemblyVersion { get; init; }

    /// <summary><c>assemblyVersion.precision</c>.</summary>
    public VersionPrecision? AssemblyPrecision { get; init; }

    /// <summary><c>gitCommitIdShortFixedLength</c>.</summary>
    public int? GitCommitIdShortFixedLength { get; init; }

    /// <summary><c>gitCommitIdShortAutoMinimum</c>.</summary>
    public int? GitCommitIdShortAutoMinimum { get; init; }

    /// <summary><c>gitCommitIdPrefix</c>.</summary>
    public string? GitCommitIdPrefix { get; init; }

    /// <summary><c>semVer1NumericIdentifierPadding</c>.</summary>
    public int? SemVer1NumericIdentifierPadding { get; init; }

    /// <summary><c>cloudBuild.buildNumber.enabled</c>.</summary>
    public bool? CloudBuildNumberEnabled { get; init; }

    /// <summary><c>cloudBuild.buildNumber.includeCommitId.when</c>.</summary>
    public CommitIdWhen? CloudBuildNumberCommitIdWhen { get; init; }

    /// <summary><c>cloudBuild.buildNumber.includeCommitId.where</c>.</summary>
    public CommitIdWhere? CloudBuildNumberCommitIdWhere { get; init; }

    /// <summary><c>cloudBuild.setVersionVariables</c>.</summary>
    public bool? CloudBuildSetVersionVariables { get; init; }

    /// <summary>Lays <paramref name="child"/> (an inheriting file) over these settings: what the child sets wins.</summary>
    public VersionFileSettings Merge(VersionFileSettings child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return MergeCloudBuild(child, MergeFormats(child, MergeVersion(child)));
    }

    /// <summary>The options a build uses. <paramref name="sources"/> are the files read, nearest first.</summary>
    public VersionOptions ToOptions(IReadOnlyList<string> sources)
    {
        var version = EffectiveVersion();
        var options = new VersionOptions
        {
            Version = version,
            VersionText = version?.ToString() ?? VersionText,
            VersionHeightOffset = EffectiveOffset(version),
            PathFilters = PathFilters ?? [],
            PublicReleaseRefSpec = PublicReleaseRefSpec,
            SourceFiles = sources,
            VersionSource = VersionSource,
        };
        return CloudBuildOptions(FormatOptions(options));
    }

    /// <summary>The child's file with the version, its label, height offset and what counts towards the height merged.</summary>
    private VersionFileSettings MergeVersion(VersionFileSettings child) => new()
    {
        RepoPath = child.RepoPath,
        Inherit = Inherit,
        VersionSource = child.Version is null ? VersionSource : child.VersionSource,
        Version = child.Version ?? Version,
        VersionText = child.VersionText ?? VersionText,
        Prerelease = child.Prerelease ?? Prerelease,
        VersionHeightOffset = child.VersionHeightOffset ?? VersionHeightOffset,
        VersionHeightOffsetAppliesTo = child.VersionHeightOffsetAppliesTo ?? VersionHeightOffsetAppliesTo,
        PathFilters = child.PathFilters ?? PathFilters,
        PublicReleaseRefSpec = child.PublicReleaseRefSpec ?? PublicReleaseRefSpec,
    };

    /// <summary>The settings of the version's forms (package, assembly, commit id) merged into <paramref name="merged"/>.</summary>
    private VersionFileSettings MergeFormats(VersionFileSettings child, VersionFileSettings merged) => merged with
    {
        NuGetSemVer = child.NuGetSemVer ?? NuGetSemVer,
        NuGetPrecision = child.NuGetPrecision ?? NuGetPrecision,
        AssemblyVersion = child.AssemblyVersion ?? AssemblyVersion,
        AssemblyPrecision = child.AssemblyPrecision ?? AssemblyPrecision,
        GitCommitIdShortFixedLength = child.GitCommitIdShortFixedLength ?? GitCommitIdShortFixedLength,
        GitCommitIdShortAutoMinimum = child.GitCommitIdShortAutoMinimum ?? GitCommitIdShortAutoMinimum,
        GitCommitIdPrefix = child.GitCommitIdPrefix ?? GitCommitIdPrefix,
        SemVer1NumericIdentifierPadding = child.SemVer1NumericIdentifierPadding ?? SemVer1NumericIdentifierPadding,
    };

    /// <summary>The cloudBuild settings merged into <paramref name="merged"/>.</summary>
    private VersionFileSettings MergeCloudBuild(VersionFileSettings child, VersionFileSettings merged) => merged with
    {
        CloudBuildNumberEnabled = child.CloudBuildNumberEnabled ?? CloudBuildNumberEnabled,
        CloudBuildNumberCommitIdWhen = child.CloudBuildNumberCommitIdWhen ?? CloudBuildNumberCommitIdWhen,
        CloudBuildNumberCommitIdWhere = child.CloudBuildNumberCommitIdWhere ?? CloudBuildNumberCommitIdWhere,
        CloudBuildSetVersionVariables = child.CloudBuildSetVersionVariables ?? CloudBuildSetVersionVariables,
    };

    /// <summary>The version with the inheriting file's <c>prerelease</c> in place of the inherited label.</summary>
    private VersionSpec? EffectiveVersion()
    {
        if (Version is null || Prerelease is null)
        {
            return Version;
        }

        return Version with { Prerelease = Prerelease.Length == 0 ? string.Empty : "-" + Prerelease };
    }

    /// <summary>The height offset, or 0 when it was meant for another version: it lapses once the version moves on.</summary>
    private int EffectiveOffset(VersionSpec? version) =>
        VersionHeightOffsetAppliesTo is not null && version is not null && VersionHeightOffsetAppliesTo != version ? 0 : VersionHeightOffset ?? 0;

    /// <summary>The version forms' settings, each with its default when no file sets it.</summary>
    private VersionOptions FormatOptions(VersionOptions options) => options with
    {
        NuGetSemVer = NuGetSemVer ?? 1,
        NuGetPrecision = NuGetPrecision ?? VersionPrecision.Build,
        AssemblyVersion = AssemblyVersion,
        AssemblyPrecision = AssemblyPrecision ?? VersionPrecision.Minor,
        GitCommitIdShortFixedLength = GitCommitIdShortFixedLength ?? 10,
        GitCommitIdShortAutoMinimum = GitCommitIdShortAutoMinimum ?? 0,
        GitCommitIdPrefix = GitCommitIdPrefix ?? "g",
        SemVer1NumericIdentifierPadding = SemVer1NumericIdentifierPadding ?? 4,
    };

    /// <summary>The cloudBuild settings, each with its default when no file sets it.</summary>
    private VersionOptions CloudBuildOptions(VersionOptions options) => options with
    {
        CloudBuildNumberEnabled = CloudBuildNumberEnabled ?? false,
        CloudBuildNumberCommitIdWhen = CloudBuildNumberCommitIdWhen ?? CommitIdWhen.NonPublicReleaseOnly,
        CloudBuildNumberCommitIdWhere = CloudBuildNumberCommitIdWhere ?? CommitIdWhere.BuildMetadata,
        CloudBuildSetVersionVariables = CloudBuildSetVersionVariables ?? true,
    };
}
