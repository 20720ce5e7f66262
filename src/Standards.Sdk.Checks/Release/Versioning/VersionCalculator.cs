using System.Globalization;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>Every form of the computed version, with the property names Nerdbank.GitVersioning gives them.</summary>
public sealed record ComputedVersion
{
    /// <summary>x.y.z[.w] for file versions (BuildVersion).</summary>
    public required string BuildVersion { get; init; }

    /// <summary>x.y.z (BuildVersionSimple).</summary>
    public required string SimpleVersion { get; init; }

    /// <summary>The AssemblyVersion (four numbers).</summary>
    public required string AssemblyVersion { get; init; }

    /// <summary>The FileVersion (AssemblyFileVersion).</summary>
    public required string FileVersion { get; init; }

    /// <summary>The InformationalVersion: the version, its label and +commit id.</summary>
    public required string InformationalVersion { get; init; }

    /// <summary>The NuGet package version (also Version and PackageVersion).</summary>
    public required string NuGetPackageVersion { get; init; }

    /// <summary>The SemVer 2 form (NpmPackageVersion in nbgv).</summary>
    public required string SemVer2 { get; init; }

    /// <summary>The prerelease label with its '-', height filled in; empty for a stable version.</summary>
    public required string PrereleaseVersion { get; init; }

    /// <summary>The build number for the CI system, or null when version.json does not ask for it.</summary>
    public string? CloudBuildNumber { get; init; }

    /// <summary>The git height (commits since the version was set), before the offset.</summary>
    public required int VersionHeight { get; init; }

    /// <summary>The height offset applied.</summary>
    public required int VersionHeightOffset { get; init; }

    /// <summary>True when the ref being built is a public release (no -g commit suffix).</summary>
    public required bool PublicRelease { get; init; }

    /// <summary>The full commit id, or null without git.</summary>
    public string? GitCommitId { get; init; }

    /// <summary>The commit id as it appears in versions.</summary>
    public string? GitCommitIdShort { get; init; }
}

/// <summary>
/// Turns version.json's options, the git height and the commit into every version a build needs, following
/// Nerdbank.GitVersioning's documented rules (doc/versionJson.md, doc/public_vs_stable.md): the height fills the
/// first missing number (x.y → x.y.height, x.y.z → x.y.z.height) or the <c>{height}</c> macro of the label; with
/// x.y the fourth number of the file version is the first 16 bits of the commit id; off a public release ref the
/// package version gets the commit id (<c>-g1234567890</c>).
/// </summary>
public static partial class VersionCalculator
{
    /// <summary>The largest number a version component can hold (the compiler forbids 65535).</summary>
    public const int MaxComponent = 0xFFFE;

    /// <summary>Whether the ref being built (or a tag on HEAD) is a public release.</summary>
    public static bool IsPublicRelease(VersionOptions options, string? buildingRef, IEnumerable<string> headTags)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(headTags);
        var specs = options.EffectivePublicReleaseRefSpec;
        if (buildingRef is not null && specs.Any(spec => Matches(spec, buildingRef)))
        {
            return true;
        }

        // A tag on the commit makes it public even when a branch is checked out (a release is tagged, then built).
        var tagSpecs = specs.Where(s => s.StartsWith("^refs/tags/", StringComparison.Ordinal)).ToList();
        return tagSpecs.Count > 0 && headTags.Any(tag => tagSpecs.Any(spec => Matches(spec, tag)));
    }

    /// <summary>Computes the versions. <paramref name="height"/> is the raw height (0 without history).</summary>
    public static ComputedVersion Compute(VersionOptions options, int height, string? commitId, string? commitIdShort, bool publicRelease)
    {
        ArgumentNullException.ThrowIfNull(options);
        var spec = options.Version ?? new VersionSpec(0, 0, -1, -1, string.Empty, string.Empty);
        var position = spec.HeightPosition;
        var version = Numbers(spec, height == 0 ? 0 : height + options.VersionHeightOffset, commitId);
        var prerelease = spec.Prerelease.Replace(VersionSpec.HeightMacro, (height + options.VersionHeightOffset).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var shortId = commitIdShort ?? (commitId is null ? null : commitId[..Math.Min(commitId.Length, options.GitCommitIdShortFixedLength)]);
        var commitSuffix = publicRelease || shortId is null ? string.Empty : options.GitCommitIdPrefix + shortId;

        var simple = Join(version, 3);
        var informational = Join(version, position == HeightPosition.Revision ? 4 : 3) + prerelease + (shortId is null ? string.Empty : "+" + shortId);

        return new ComputedVersion
        {
            BuildVersion = JoinPresent(version),
            SimpleVersion = simple,
            AssemblyVersion = AssemblyVersion(options, version),
            // As Nerdbank.GitVersioning: the numbers the version has (x.y.z with the height in the label, not x.y.z.0).
            FileVersion = JoinPresent(version),
            InformationalVersion = informational,
            NuGetPackageVersion = NuGetPackageVersion(options, version, prerelease, commitSuffix),
            SemVer2 = simple + prerelease + DottedSuffix(prerelease, commitSuffix),
            PrereleaseVersion = prerelease,
            CloudBuildNumber = options.CloudBuildNumberEnabled ? CloudBuildNumber(options, version, spec, prerelease, shortId, publicRelease) : null,
            // As Nerdbank.GitVersioning: 0 when the version has no place for the height (four numbers, no {height}).
            VersionHeight = position == HeightPosition.None ? 0 : height,
            VersionHeightOffset = options.VersionHeightOffset,
            PublicRelease = publicRelease,
            GitCommitId = commitId,
            GitCommitIdShort = shortId,
        };
    }

    /// <summary>The four numbers: the height (already offset) in the first missing one; with x.y the commit id's first 16 bits last.</summary>
    private static int[] Numbers(VersionSpec spec, int adjustedHeight, string? commitId)
    {
        switch (spec.HeightPosition)
        {
            case HeightPosition.Build:
                // Only after the height has a place: the commit id as a fourth number never disturbs ordering.
                var revision = commitId is { Length: >= 4 } ? Math.Min(MaxComponent, int.Parse(commitId[..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture)) : 0;
                return [spec.Major, spec.Minor, adjustedHeight, revision];
            case HeightPosition.Revision:
                return [spec.Major, spec.Minor, spec.Build, adjustedHeight];
            default:
                return [spec.Major, spec.Minor, spec.Build, spec.Revision];
        }
    }

    /// <summary>The package version: SemVer 1 (padded label, '-' before the commit id) or SemVer 2, with the NuGet precision.</summary>
    private static string NuGetPackageVersion(VersionOptions options, int[] version, string prerelease, string commitSuffix)
    {
        var numbers = Join(ApplyPrecision(version, options.NuGetPrecision), options.NuGetPrecision == VersionPrecision.Revision ? 4 : 3);
        return options.NuGetSemVer == 1
            ? numbers + SemVer1Label(prerelease, options.SemVer1NumericIdentifierPadding) + (commitSuffix.Length == 0 ? string.Empty : "-" + commitSuffix)
            : numbers + prerelease + DottedSuffix(prerelease, commitSuffix);
    }

    /// <summary>The commit suffix as a SemVer 2 label part: after '-' when there is no label, else after '.'.</summary>
    private static string DottedSuffix(string prerelease, string commitSuffix) =>
        commitSuffix.Length == 0 ? string.Empty : (prerelease.Length == 0 ? "-" : ".") + commitSuffix;

    /// <summary>The explicit assemblyVersion of version.json, else the version with the assembly precision.</summary>
    private static string AssemblyVersion(VersionOptions options, int[] version) =>
        options.AssemblyVersion is { } explicitVersion
            ? Join([explicitVersion.Major, explicitVersion.Minor, explicitVersion.Build, explicitVersion.Revision], 4)
            : Join(ApplyPrecision(version, options.AssemblyPrecision), 4);

    /// <summary>SemVer 1 has no dotted labels: '.' becomes '-' and numbers are zero-padded so they sort as text.</summary>
    public static string SemVer1Label(string prerelease, int padding)
    {
        ArgumentNullException.ThrowIfNull(prerelease);
        if (prerelease.Length == 0)
        {
            return prerelease;
        }

        var identifiers = prerelease[1..].Split('.');
        var padded = identifiers.Select(id => id.Length > 0 && id.All(char.IsAsciiDigit) && id.Length <= 9
            ? int.Parse(id, CultureInfo.InvariantCulture).ToString(new string('0', padding), CultureInfo.InvariantCulture)
            : id);
        return "-" + string.Join('-', padded);
    }

    private static string? CloudBuildNumber(VersionOptions options, int[] version, VersionSpec spec, string prerelease, string? shortId, bool publicRelease)
    {
        var include = options.CloudBuildNumberCommitIdWhen == CommitIdWhen.Always
            || (options.CloudBuildNumberCommitIdWhen == CommitIdWhen.NonPublicReleaseOnly && !publicRelease);
        var inMetadata = include && options.CloudBuildNumberCommitIdWhere == CommitIdWhere.BuildMetadata && shortId is not null;
        var includeRevision = (include && options.CloudBuildNumberCommitIdWhere == CommitIdWhere.FourthVersionComponent)
            || spec.HeightPosition == HeightPosition.Revision || spec.Revision >= 0;
        var numbers = includeRevision ? Join(version, 4) : Join(version, 3);
        return numbers + prerelease + (inMetadata ? "+" + shortId : string.Empty);
    }

    private static int[] ApplyPrecision(int[] version, VersionPrecision precision) =>
    [
        version[0],
        precision >= VersionPrecision.Minor ? version[1] : 0,
        precision >= VersionPrecision.Build ? version[2] : 0,
        precision >= VersionPrecision.Revision ? version[3] : 0,
    ];

    private static string Join(int[] version, int count) =>
        string.Join('.', version.Take(count).Select(v => Math.Max(0, v).ToString(CultureInfo.InvariantCulture)));

    private static string JoinPresent(int[] version) =>
        string.Join('.', version.TakeWhile((v, i) => i < 2 || v >= 0).Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static bool Matches(string spec, string value)
    {
        try
        {
            return Regex.IsMatch(value, spec, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
