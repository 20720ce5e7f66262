namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>Which numbers of the computed version a derived version keeps (Nerdbank.GitVersioning's <c>precision</c>).</summary>
public enum VersionPrecision
{
    /// <summary>x.0.0.0</summary>
    Major = 1,

    /// <summary>x.y.0.0 (the assembly version default).</summary>
    Minor = 2,

    /// <summary>x.y.z.0 (the package version default).</summary>
    Build = 3,

    /// <summary>x.y.z.w</summary>
    Revision = 4,
}

/// <summary>When the cloud build number includes the commit id.</summary>
public enum CommitIdWhen
{
    /// <summary>Only for builds that are not public releases (the default).</summary>
    NonPublicReleaseOnly,

    /// <summary>Always.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>Where the cloud build number carries the commit id.</summary>
public enum CommitIdWhere
{
    /// <summary>As build metadata, <c>+abcdef1234</c> (the default).</summary>
    BuildMetadata,

    /// <summary>As the fourth version number.</summary>
    FourthVersionComponent,
}

/// <summary>
/// What a version.json says, after <c>inherit</c> has merged the files above it. Defaults are those of
/// Nerdbank.GitVersioning, except <see cref="PublicReleaseRefSpec"/>: when no file sets it, the profile's release
/// tags and branches apply (<see cref="DefaultPublicReleaseRefSpec"/>, docs/release.md).
/// </summary>
public sealed record VersionOptions
{
    /// <summary>The public refs when version.json names none: release tags vX.Y.Z and release branches release/vX.Y (profile §6).</summary>
    public static readonly IReadOnlyList<string> DefaultPublicReleaseRefSpec = [@"^refs/tags/v\d+\.\d+\.\d+$", @"^refs/heads/release/v\d+\.\d+$"];

    /// <summary>The version (null only while reading a file that inherits it).</summary>
    public VersionSpec? Version { get; init; }

    /// <summary>The version text as written (for messages).</summary>
    public string? VersionText { get; init; }

    /// <summary>Added to a non-zero height.</summary>
    public int VersionHeightOffset { get; init; }

    /// <summary>Repo-relative path filters (include and <c>:!</c> exclude); empty means every path counts.</summary>
    public IReadOnlyList<PathFilter> PathFilters { get; init; } = [];

    /// <summary>Regular expressions over the ref being built; null when no file sets them.</summary>
    public IReadOnlyList<string>? PublicReleaseRefSpec { get; init; }

    /// <summary>The refs that are public releases: <see cref="PublicReleaseRefSpec"/> or the profile's default.</summary>
    public IReadOnlyList<string> EffectivePublicReleaseRefSpec => PublicReleaseRefSpec ?? DefaultPublicReleaseRefSpec;

    /// <summary>1 or 2: how the NuGet package version is written (Nerdbank.GitVersioning's default is 1).</summary>
    public int NuGetSemVer { get; init; } = 1;

    /// <summary>The numbers the package version keeps.</summary>
    public VersionPrecision NuGetPrecision { get; init; } = VersionPrecision.Build;

    /// <summary>An explicit assembly version (a.b[.c[.d]]), or null to derive it with <see cref="AssemblyPrecision"/>.</summary>
    public System.Version? AssemblyVersion { get; init; }

    /// <summary>The numbers the derived assembly version keeps.</summary>
    public VersionPrecision AssemblyPrecision { get; init; } = VersionPrecision.Minor;

    /// <summary>Characters of the commit id in versions (default 10).</summary>
    public int GitCommitIdShortFixedLength { get; init; } = 10;

    /// <summary>When above 0, the commit id is git's shortest unique abbreviation of at least this many characters.</summary>
    public int GitCommitIdShortAutoMinimum { get; init; }

    /// <summary>The prefix of the commit id in non-public versions (default <c>g</c>).</summary>
    public string GitCommitIdPrefix { get; init; } = "g";

    /// <summary>Minimum digits of numeric prerelease identifiers in SemVer 1 (default 4).</summary>
    public int SemVer1NumericIdentifierPadding { get; init; } = 4;

    /// <summary>Set the CI system's build number to the version.</summary>
    public bool CloudBuildNumberEnabled { get; init; }

    /// <summary>When the build number includes the commit id.</summary>
    public CommitIdWhen CloudBuildNumberCommitIdWhen { get; init; } = CommitIdWhen.NonPublicReleaseOnly;

    /// <summary>Where the build number carries the commit id.</summary>
    public CommitIdWhere CloudBuildNumberCommitIdWhere { get; init; } = CommitIdWhere.BuildMetadata;

    /// <summary>Export GitBuildVersion, GitBuildVersionSimple and GitAssemblyInformationalVersion to the CI system (default true).</summary>
    public bool CloudBuildSetVersionVariables { get; init; } = true;

    /// <summary>Where the version is written (file as findings name it, line), for findings about it.</summary>
    public (string File, int Line) VersionSource { get; init; }

    /// <summary>The files this was read from, nearest first (repo-relative, '/'-separated).</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];
}
