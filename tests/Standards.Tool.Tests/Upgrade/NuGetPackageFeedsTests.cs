using System.IO.Compression;
using NuGet.Versioning;
using Standards.Adoption;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests.Upgrade;

/// <summary>
/// The feeds as NuGet's client libraries read them from a repo's nuget.config: two local folder feeds, with package
/// source mapping sending Standards.* to one of them only.
/// </summary>
public sealed class NuGetPackageFeedsTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "feeds-test-" + Guid.NewGuid().ToString("N")[..8]);

    public NuGetPackageFeedsTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "repo"));
        Pack("standards", "Standards.Sdk", "1.0.0", "{ \"formatVersion\": 1, \"rules\": [] }");
        Pack("standards", "Standards.Sdk", "1.1.0", null);
        Pack("standards", "Standards.Tool", "1.1.0", null);
        Pack("other", "Standards.Sdk", "9.0.0", null);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Config(string sources, string mapping) =>
        File.WriteAllText(Path.Combine(root, "repo", "nuget.config"),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n{sources}  </packageSources>\n{mapping}</configuration>\n");

    private string Source(string name, string folder) => $"    <add key=\"{name}\" value=\"{Path.Combine(root, folder)}\" />\n";

    private void Pack(string feed, string id, string version, string? catalog)
    {
        Directory.CreateDirectory(Path.Combine(root, feed));
        using var zip = ZipFile.Open(Path.Combine(root, feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            nuspec.Write($"<?xml version=\"1.0\"?>\n<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{id}</id><version>{version}</version><authors>t</authors><description>t</description></metadata></package>\n");
        }

        if (catalog is not null)
        {
            using var entry = new StreamWriter(zip.CreateEntry(RuleCatalogDocument.PackagePath).Open());
            entry.Write(catalog);
        }
    }

    [Fact]
    public void Source_mapping_decides_which_feeds_are_asked_and_files_are_read_from_the_package()
    {
        Config(Source("standards", "standards") + Source("other", "other"),
            "  <packageSourceMapping>\n    <packageSource key=\"standards\"><package pattern=\"Standards.*\" /></packageSource>\n    <packageSource key=\"other\"><package pattern=\"Other.*\" /></packageSource>\n  </packageSourceMapping>\n");
        var feeds = new NuGetPackageFeeds(Path.Combine(root, "repo"));

        Assert.Equal(["1.0.0", "1.1.0"], feeds.Versions("Standards.Sdk").Select(v => v.Version.ToNormalizedString()));
        Assert.Equal(["1.1.0"], feeds.Versions("Standards.Tool").Select(v => v.Version.ToNormalizedString()));
        Assert.Equal("{ \"formatVersion\": 1, \"rules\": [] }", feeds.ReadFile("Standards.Sdk", NuGetVersion.Parse("1.0.0"), RuleCatalogDocument.PackagePath));
        Assert.Null(feeds.ReadFile("Standards.Sdk", NuGetVersion.Parse("1.1.0"), RuleCatalogDocument.PackagePath));
    }

    [Fact]
    public void Without_source_mapping_every_feed_is_asked()
    {
        Config(Source("standards", "standards") + Source("other", "other"), string.Empty);
        Assert.Equal(["1.0.0", "1.1.0", "9.0.0"], new NuGetPackageFeeds(Path.Combine(root, "repo")).Versions("Standards.Sdk").Select(v => v.Version.ToNormalizedString()));
    }

    [Fact]
    public void A_feed_that_cannot_be_read_is_STD7512_naming_it()
    {
        Config(Source("gone", "missing-folder"), string.Empty);
        var ex = Assert.Throws<ToolException>(() => new NuGetPackageFeeds(Path.Combine(root, "repo")).Versions("Standards.Sdk"));
        Assert.Equal(ToolRuleIds.FeedUnreachable, ex.Code);
        Assert.StartsWith($"the feed gone ({Path.Combine(root, "missing-folder")}) cannot be read: the folder does not exist.", ex.Message, StringComparison.Ordinal);
    }
}
