using System.IO.Compression;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Upgrade;

/// <summary>One version of a package as a feed serves it.</summary>
public sealed record FeedVersion(NuGetVersion Version, bool Listed);

/// <summary>The package feeds a repo restores from; tests substitute their own.</summary>
public interface IPackageFeeds
{
    /// <summary>A short description of the feeds the package comes from, for messages.</summary>
    string Describe(string packageId);

    /// <summary>Every version of <paramref name="packageId"/> the feeds mapped to it serve, listed or not.</summary>
    IReadOnlyList<FeedVersion> Versions(string packageId);

    /// <summary>The text of a file inside the package at that version, or null when the package has no such file.</summary>
    string? ReadFile(string packageId, NuGetVersion version, string pathInPackage);
}

/// <summary>
/// The feeds of the repo's nuget.config hierarchy (NuGet's own client libraries, NuGet.Configuration and
/// NuGet.Protocol): enabled sources only, narrowed by package source mapping when the config has it, as
/// <c>dotnet restore</c> chooses them. A feed that cannot be read is STD7512 naming it.
/// </summary>
public sealed class NuGetPackageFeeds : IPackageFeeds
{
    private readonly ISettings settings;
    private readonly IReadOnlyList<PackageSource> sources;
    private readonly PackageSourceMapping mapping;

    /// <summary>Reads the NuGet configuration that applies to <paramref name="root"/>.</summary>
    public NuGetPackageFeeds(string root)
    {
        try
        {
            settings = Settings.LoadDefaultSettings(root);
        }
        catch (NuGetConfigurationException ex)
        {
            throw new ToolException(ToolRuleIds.ConfigurationMalformed, $"the NuGet configuration cannot be read ({ex.Message}). Fix the nuget.config it names and run the command again.", "nuget.config");
        }

        sources = [.. new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled)];
        mapping = PackageSourceMapping.GetPackageSourceMapping(settings);
    }

    /// <inheritdoc />
    public string Describe(string packageId) => string.Join(", ", For(packageId).Select(s => $"{s.Name} ({s.Source})"));

    /// <inheritdoc />
    public IReadOnlyList<FeedVersion> Versions(string packageId)
    {
        var found = new Dictionary<NuGetVersion, bool>();
        foreach (var source in For(packageId))
        {
            using var cache = new SourceCacheContext { NoCache = true };
            var metadata = Call(source, async resource => await resource.GetResource<PackageMetadataResource>().GetMetadataAsync(packageId, includePrerelease: true, includeUnlisted: true, cache, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false));
            foreach (var package in metadata)
            {
                found[package.Identity.Version] = found.GetValueOrDefault(package.Identity.Version) || package.IsListed;
            }
        }

        return [.. found.OrderBy(v => v.Key).Select(v => new FeedVersion(v.Key, v.Value))];
    }

    /// <inheritdoc />
    public string? ReadFile(string packageId, NuGetVersion version, string pathInPackage)
    {
        foreach (var source in For(packageId))
        {
            using var stream = new MemoryStream();
            using var cache = new SourceCacheContext { NoCache = true };
            var copied = Call(source, async repository => await repository.GetResource<FindPackageByIdResource>().CopyNupkgToStreamAsync(packageId, version, stream, cache, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false));
            if (!copied)
            {
                continue;
            }

            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.GetEntry(pathInPackage);
            if (entry is null)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }

        return null;
    }

    /// <summary>Copies the package (.nupkg) of that version from the first feed that serves it; false when none does.</summary>
    public bool CopyPackage(string packageId, NuGetVersion version, Stream destination)
    {
        foreach (var source in For(packageId))
        {
            using var cache = new SourceCacheContext { NoCache = true };
            if (Call(source, async repository => await repository.GetResource<FindPackageByIdResource>().CopyNupkgToStreamAsync(packageId, version, destination, cache, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false)))
            {
                return true;
            }
        }

        return false;
    }

    private List<PackageSource> For(string packageId)
    {
        if (!mapping.IsEnabled)
        {
            return [.. sources];
        }

        var names = mapping.GetConfiguredPackageSources(packageId);
        return [.. sources.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
    }

    private static T Call<T>(PackageSource source, Func<SourceRepository, Task<T>> call)
    {
        if (source.IsLocal && !Directory.Exists(source.Source))
        {
            throw Unreachable(source, "the folder does not exist");
        }

        try
        {
            return call(Repository.Factory.GetCoreV3(source)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is FatalProtocolException or HttpRequestException or IOException or InvalidDataException)
        {
            throw Unreachable(source, ex.InnerException?.Message ?? ex.Message);
        }
    }

    private static ToolException Unreachable(PackageSource source, string why) =>
        new(ToolRuleIds.FeedUnreachable, $"the feed {source.Name} ({source.Source}) cannot be read: {why}. Make it reachable (network, credentials, the folder) and run the command again; nothing was written.", "nuget.config");
}
