using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Release.Packaging;

/// <summary>What the pack of a library knows when it looks for the package its API is compared with.</summary>
public sealed record ApiBaselineRequest
{
    /// <summary>The project file (where the findings point).</summary>
    public required string ProjectFile { get; init; }

    /// <summary>The package id.</summary>
    public required string PackageId { get; init; }

    /// <summary>The version being packed.</summary>
    public required string PackageVersion { get; init; }

    /// <summary>The latest stable release tag's version before this commit (the version engine's), or empty.</summary>
    public string LatestRelease { get; init; } = string.Empty;

    /// <summary>A baseline version the project sets (PackageValidationBaselineVersion), or empty: the latest release.</summary>
    public string ConfiguredVersion { get; init; } = string.Empty;

    /// <summary>A baseline package the project names (PackageValidationBaselinePath), or empty: look it up by version.</summary>
    public string ConfiguredPath { get; init; } = string.Empty;

    /// <summary>NuGet's global packages folder (NuGetPackageRoot), or empty.</summary>
    public string PackageRoot { get; init; } = string.Empty;

    /// <summary>The restore sources; the local folders among them are searched (flat and hierarchical layouts).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// True when the build has already asked the feeds of nuget.config for the package (a restore of
    /// <see cref="ApiBaseline.DownloadProject"/>): a package still missing is then reported; false asks for that download.
    /// </summary>
    public bool FeedsSearched { get; init; }
}

/// <summary>The package to compare with, or none (the findings say why).</summary>
/// <param name="Path">The baseline .nupkg, or null when the API is not compared with a release.</param>
/// <param name="Version">The baseline version, or null.</param>
/// <param name="Findings">STD6061 (not found) or STD6062 (not compared: first release, new major version).</param>
/// <param name="DownloadVersion">The release version to download from the feeds before the comparison can be made, or null.</param>
public sealed record ApiBaselineResolution(string? Path, string? Version, IReadOnlyList<Finding> Findings, string? DownloadVersion = null);

/// <summary>
/// Which released package a library's API is compared with (profile: api-compatibility): the latest stable release
/// tag before this commit (prerelease tags are skipped), or the version or file the project configures. No release
/// yet, or a higher major version (for 0.y.z: a higher minor, semver.org §4), and nothing is compared (STD6062, info).
/// The package is looked up in the configured path, NuGet's global packages folder and the local folder feeds; a
/// release whose package is in none of them fails (STD6061): a gate that cannot measure must not pass.
/// </summary>
public static class ApiBaseline
{
    /// <summary>Decides the baseline.</summary>
    /// <param name="request">What the pack knows.</param>
    /// <param name="fileExists">Whether a file exists (tests pass a fake).</param>
    public static ApiBaselineResolution Resolve(ApiBaselineRequest request, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fileExists);
        var version = FirstOf(request.ConfiguredVersion, request.LatestRelease);
        if (version.Length == 0 && request.ConfiguredPath.Length == 0)
        {
            return Skip(request, $"{request.PackageId} {request.PackageVersion} is the first release: there is no release tag (vX.Y.Z) in this commit's history, so there is no released API to compare with. From the next version on, the package is compared with the latest release.");
        }

        if (version.Length > 0 && MajorBumped(request.PackageVersion, version) is { } reason)
        {
            return Skip(request, $"{request.PackageId} {request.PackageVersion} is a new major version after {version} ({reason}): breaking changes are allowed, so the API is not compared with {version}.");
        }

        if (request.ConfiguredPath.Length > 0)
        {
            return fileExists(request.ConfiguredPath)
                ? new ApiBaselineResolution(request.ConfiguredPath, NullIfEmpty(version), [])
                : Missing(request, version, $"the configured PackageValidationBaselinePath {request.ConfiguredPath} does not exist");
        }

        var found = Candidates(request, version).FirstOrDefault(fileExists);
        if (found is not null)
        {
            return new ApiBaselineResolution(found, version, []);
        }

        return request.FeedsSearched
            ? Missing(request, version, $"the package {request.PackageId}.{version}.nupkg is neither in NuGet's global packages folder, nor in a local folder feed ({LocalSources(request)}), nor on the feeds of nuget.config (the restore that asked them for it says why in the build log)")
            : new ApiBaselineResolution(null, version, [], DownloadVersion: version);
    }

    /// <summary>
    /// A project whose restore downloads the release package the NuGet way (a PackageDownload item, as the .NET SDK
    /// itself does for PackageValidationBaselineVersion) from the feeds of the nuget.config that applies to its folder,
    /// into the global packages folder. It imports none of the repo's Directory.Build.props, .targets or
    /// Directory.Packages.props, so the repo's own settings (lock files, central versions) do not apply to it.
    /// <paramref name="targetFramework"/> is the building SDK's own, as the build that writes the project knows it
    /// (net$(BundledNETCoreAppTargetFrameworkVersion)).
    /// </summary>
    public static string DownloadProject(string packageId, string version, string targetFramework)
    {
        ArgumentNullException.ThrowIfNull(packageId);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(targetFramework);
        var id = System.Security.SecurityElement.Escape(packageId);
        var v = System.Security.SecurityElement.Escape(version);
        var framework = System.Security.SecurityElement.Escape(targetFramework);
        return $"""
            <Project>
              <!-- Written by Standards.Sdk before package validation: restoring it downloads the release package {id} {v}. -->
              <PropertyGroup>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
              </PropertyGroup>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="{id}" Version="[{v}]" />
              </ItemGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
            </Project>

            """;
    }

    /// <summary>Where a package of <paramref name="version"/> may be: the global packages folder, then each local feed, flat and hierarchical.</summary>
    public static IEnumerable<string> Candidates(ApiBaselineRequest request, string version)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(version);
        var id = request.PackageId.ToLowerInvariant();
        var lowerVersion = version.ToLowerInvariant();
        if (request.PackageRoot.Length > 0)
        {
            yield return Path.Combine(request.PackageRoot, id, lowerVersion, $"{id}.{lowerVersion}.nupkg");
        }

        foreach (var source in request.Sources.Where(IsLocalFolder))
        {
            yield return Path.Combine(source, $"{request.PackageId}.{version}.nupkg");
            yield return Path.Combine(source, $"{id}.{lowerVersion}.nupkg");
            yield return Path.Combine(source, id, lowerVersion, $"{id}.{lowerVersion}.nupkg");
        }
    }

    /// <summary>
    /// Why <paramref name="version"/> may break <paramref name="baseline"/>'s API ("major 2 &gt; 1"), or null when it
    /// may not. A version that cannot be read is treated as not bumped, so the comparison runs.
    /// </summary>
    public static string? MajorBumped(string version, string baseline)
    {
        if (Numbers(version) is not { } current || Numbers(baseline) is not { } released)
        {
            return null;
        }

        if (current.Major > released.Major)
        {
            return $"major {current.Major} > {released.Major}";
        }

        return current.Major == 0 && released.Major == 0 && current.Minor > released.Minor
            ? $"0.y versions: minor {current.Minor} > {released.Minor}"
            : null;
    }

    private static (int Major, int Minor)? Numbers(string version)
    {
        var core = version.Split('-', '+')[0].Split('.');
        return core.Length >= 2
            && int.TryParse(core[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(core[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? (major, minor)
            : null;
    }

    private static ApiBaselineResolution Skip(ApiBaselineRequest request, string message) =>
        new(null, null, [new Finding(ReleaseRuleIds.ApiCompatibilityNotChecked, Severity.Info, message, request.ProjectFile, 1)]);

    private static ApiBaselineResolution Missing(ApiBaselineRequest request, string version, string problem) =>
        new(null, NullIfEmpty(version), [new Finding(ReleaseRuleIds.ApiBaselineMissing, Severity.Error,
            $"{request.PackageId} {request.PackageVersion} must be compared with release {FirstOf(version, "(unknown)")}, but {problem}, so its API cannot be checked. Set <PackageValidationBaselineVersion>{FirstOf(version, "(the release)")}</PackageValidationBaselineVersion> in the project (restore then downloads that package from the feeds of nuget.config), or PackageValidationBaselinePath to the .nupkg.",
            request.ProjectFile, 1)]);

    private static string LocalSources(ApiBaselineRequest request)
    {
        var local = request.Sources.Where(IsLocalFolder).ToList();
        return local.Count == 0 ? "nuget.config lists none" : string.Join(", ", local);
    }

    private static bool IsLocalFolder(string source) =>
        source.Length > 0 && !source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string FirstOf(string first, string second) => first.Trim().Length > 0 ? first.Trim() : second.Trim();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
