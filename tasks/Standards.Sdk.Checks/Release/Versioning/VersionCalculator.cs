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
        var adjusted = height == 0 ? 0 : height + options.VersionHeightOffset;
        var build = spec.Build;
        var revision = spec.Revision;
        if (position == HeightPosition.Build)
        {
            build = adjusted;
            // Only after the height has a place: the commit id as a fourth number never disturbs ordering.
            revision = commitId is { Length: >= 4 } ? Math.Min(MaxComponent, int.Parse(commitId[..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture)) : 0;
        }
        else if (position == HeightPosition.Revision)
        {
            revision = adjusted;
        }

        var version = new[] { spec.Major, spec.Minor, build, revision };
        var prerelease = spec.Prerelease.Replace(VersionSpec.HeightMacro, (height + options.VersionHeightOffset).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var shortId = commitIdShort ?? (commitId is null ? null : commitId[..Math.Min(commitId.Length, options.GitCommitIdShortFixedLength)]);
        var commitSuffix = publicRelease || shortId is null ? string.Empty : options.GitCommitIdPrefix + shortId;

        var simple = Join(version, 3);
        var nugetNumbers = Join(ApplyPrecision(version, options.NuGetPrecision), options.NuGetPrecision == VersionPrecision.Revision ? 4 : 3);
        var semVer2 = simple + prerelease + (commitSuffix.Length == 0 ? string.Empty : (prerelease.Length == 0 ? "-" : ".") + commitSuffix);
        var nuget = options.NuGetSemVer == 1
            ? nugetNumbers + SemVer1Label(prerelease, options.SemVer1NumericIdentifierPadding) + (commitSuffix.Length == 0 ? string.Empty : "-" + commitSuffix)
            : nugetNumbers + prerelease + (commitSuffix.Length == 0 ? string.Empty : (prerelease.Length == 0 ? "-" : ".") + commitSuffix);
        var informational = Join(version, position == HeightPosition.Revision ? 4 : 3) + prerelease + (shortId is null ? string.Empty : "+" + shortId);
        var assembly = options.AssemblyVersion is { } explicitVersion
            ? Join([explicitVersion.Major, explicitVersion.Minor, explicitVersion.Build, explicitVersion.Revision], 4)
            : Join(ApplyPrecision(version, options.AssemblyPrecision), 4);

        return new ComputedVersion
        {
            BuildVersion = JoinPresent(version),
            SimpleVersion = simple,
            AssemblyVersion = assembly,
            // As Nerdbank.GitVersioning: the numbers the version has (x.y.z with the height in the label, not x.y.z.0).
            FileVersion = JoinPresent(version),
            InformationalVersion = informational,
            NuGetPackageVersion = nuget,
            SemVer2 = semVer2,
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
