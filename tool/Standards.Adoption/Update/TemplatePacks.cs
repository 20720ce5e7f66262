using NuGet.Versioning;
using Standards.Adoption.Upgrade;

namespace Standards.Adoption.Update;

/// <summary>The Standards.Templates packages the feeds serve; tests substitute their own.</summary>
public interface ITemplatePacks
{
    /// <summary>The feeds the pack comes from, for messages.</summary>
    string Describe();

    /// <summary>Every version the feeds serve, listed or not.</summary>
    IReadOnlyList<FeedVersion> Versions();

    /// <summary>Writes the package of <paramref name="version"/> to <paramref name="file"/>; false when no feed serves it.</summary>
    bool Download(NuGetVersion version, string file);
}

/// <summary>Standards.Templates from the repo's NuGet configuration (<see cref="NuGetPackageFeeds"/>: nuget.config, source mapping).</summary>
public sealed class NuGetTemplatePacks(NuGetPackageFeeds feeds) : ITemplatePacks
{
    /// <summary>The template pack's package id.</summary>
    public const string PackageId = "Standards.Templates";

    /// <inheritdoc />
    public string Describe() => feeds.Describe(PackageId);

    /// <inheritdoc />
    public IReadOnlyList<FeedVersion> Versions() => feeds.Versions(PackageId);

    /// <inheritdoc />
    public bool Download(NuGetVersion version, string file)
    {
        using var stream = new MemoryStream();
        if (!feeds.CopyPackage(PackageId, version, stream))
        {
            return false;
        }

        File.WriteAllBytes(file, stream.ToArray());
        return true;
    }
}
