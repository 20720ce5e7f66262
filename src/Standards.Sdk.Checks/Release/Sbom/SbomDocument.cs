using System.Text;

namespace Standards.Sdk.Checks.Release.Sbom;

/// <summary>Which SBOM formats to write.</summary>
[Flags]
public enum SbomFormats
{
    /// <summary>None (SBOMs off).</summary>
    None = 0,

    /// <summary>SPDX 2.3 JSON (the default).</summary>
    Spdx = 1,

    /// <summary>CycloneDX 1.6 JSON.</summary>
    CycloneDx = 2,
}

/// <summary>One component of an SBOM: the described project or a package it depends on.</summary>
/// <param name="Name">The package id (or project name).</param>
/// <param name="Version">The version.</param>
/// <param name="Purl">The package URL (<c>pkg:nuget/Id@Version</c>), its unique identifier.</param>
/// <param name="Supplier">Who supplies it (a package's authors; the project's Company or Authors), or null.</param>
/// <param name="Sha512">The SHA-512 of the .nupkg, lower-case hex, or null.</param>
/// <param name="License">The declared licence as an SPDX expression, or null when unknown.</param>
/// <param name="Development">True when only build-time (PrivateAssets=all) references bring it in.</param>
/// <param name="TargetFrameworks">The target frameworks that resolve it.</param>
public sealed record SbomComponent(string Name, string Version, string Purl, string? Supplier, string? Sha512, string? License, bool Development, IReadOnlyList<string> TargetFrameworks);

/// <summary>A dependency edge: <paramref name="From"/> depends on <paramref name="To"/> (both purls).</summary>
public sealed record SbomDependency(string From, string To);

/// <summary>
/// The content of an SBOM, independent of its format: the described component, every package, the dependency
/// edges, and who made it when (the NTIA minimum elements: supplier, name, version, unique identifier,
/// dependencies, author of the SBOM data, timestamp). Components and edges are sorted, so the same inputs give
/// the same bytes.
/// </summary>
public sealed record SbomDocument
{
    /// <summary>The project the SBOM describes.</summary>
    public required SbomComponent Subject { get; init; }

    /// <summary>True for an application (publish of a service, worker or tool), false for a library package.</summary>
    public required bool IsApplication { get; init; }

    /// <summary>Every package, sorted by name and version.</summary>
    public required IReadOnlyList<SbomComponent> Components { get; init; }

    /// <summary>Dependency edges, sorted.</summary>
    public required IReadOnlyList<SbomDependency> Dependencies { get; init; }

    /// <summary>When the SBOM describes (SOURCE_DATE_EPOCH, else the commit date).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The tool's version (Standards.Sdk's).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The author of the SBOM data (the project's Company or Authors).</summary>
    public required string Author { get; init; }

    /// <summary>The UTC timestamp as both formats write it.</summary>
    public string TimestampText => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Package URLs (github.com/package-url/purl-spec) for NuGet packages.</summary>
public static class PackageUrl
{
    /// <summary><c>pkg:nuget/Name@Version</c>, percent-encoded where the purl spec requires it.</summary>
    public static string NuGet(string name, string version) => $"pkg:nuget/{Encode(name)}@{Encode(version)}";

    /// <summary><c>pkg:generic/Name@Version</c> for an application that is not a NuGet package.</summary>
    public static string Generic(string name, string version) => $"pkg:generic/{Encode(name)}@{Encode(version)}";

    private static string Encode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~')
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
