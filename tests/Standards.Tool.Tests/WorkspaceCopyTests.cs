using NuGet.Configuration;
using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>
/// The copy adopt and upgrade build in resolves the repo's package sources exactly as the repo does: NuGet's own
/// settings loader, run in the repo and in the copy, gives the same sources (name, path, enabled) for each variant
/// of a relative local feed, in the root config, in a nested one and in a parent folder's; the repo's files keep
/// their bytes.
/// </summary>
public sealed class WorkspaceCopyTests : IDisposable
{
    private readonly string parent = Path.Combine(Path.GetTempPath(), "workspace-copy-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<WorkspaceCopy> copies = [];

    public WorkspaceCopyTests() => Directory.CreateDirectory(Path.Combine(parent, "repo", "src", "A"));

    private string Root => Path.Combine(parent, "repo");

    public void Dispose()
    {
        copies.ForEach(c => c.Delete());
        Directory.Delete(parent, recursive: true);
    }

    private static string Config(params (string Key, string Value)[] sources) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n"
        + string.Concat(sources.Select(s => $"    <add key=\"{s.Key}\" value=\"{s.Value}\" />\n"))
        + "  </packageSources>\n</configuration>\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private WorkspaceCopy Copy()
    {
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).ToList();
        var copy = WorkspaceCopy.Create(Root, files, "workspace-copy-test-");
        copies.Add(copy);
        return copy;
    }

    /// <summary>The sources NuGet reads for a folder: the nuget.config hierarchy from there up, then the user's.</summary>
    private static List<(string Name, string Source, bool Enabled)> Sources(string folder) =>
        [.. new PackageSourceProvider(Settings.LoadDefaultSettings(folder)).LoadPackageSources().Select(s => (s.Name, s.Source, s.IsEnabled))];

    [Theory]
    [InlineData("./feed", "feed")]
    [InlineData("../feed", "../feed")]
    [InlineData("eng/packages", "eng/packages")]
    [InlineData("eng/../eng/packages", "eng/packages")]
    public void A_relative_local_feed_in_the_repo_config_names_the_same_folder_from_the_copy(string value, string resolved)
    {
        Write("nuget.config", Config(("local", value)));
        Write("src/A/A.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
        var before = File.ReadAllBytes(Path.Combine(Root, "nuget.config"));

        var copy = Copy();

        Assert.Equal([("local", Path.GetFullPath(Path.Combine(Root, resolved)), true)], Sources(Path.Combine(copy.Folder, "src", "A")));
        Assert.Equal(Sources(Path.Combine(Root, "src", "A")), Sources(Path.Combine(copy.Folder, "src", "A")));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Root, "nuget.config")));
        Assert.StartsWith(Path.GetTempPath(), copy.Folder, StringComparison.Ordinal);
    }

    [Fact]
    public void Absolute_paths_urls_and_environment_variables_are_left_as_they_are()
    {
        var text = Config(("abs", "/opt/feed"), ("org", "https://api.nuget.org/v3/index.json"), ("env", "%FEEDS%/x"));
        Write("nuget.config", text);

        var copy = Copy();

        Assert.Equal(text, File.ReadAllText(Path.Combine(copy.Folder, "nuget.config")));
        Assert.Null(WorkspaceCopy.AnchorPaths(text, Root));
    }

    [Fact]
    public void A_nested_config_and_a_parent_folders_config_resolve_as_in_the_repo()
    {
        // The parent's config adds a feed and does not clear; the repo's adds its own; src/ has one more.
        File.WriteAllText(Path.Combine(parent, "NuGet.Config"), "<configuration><packageSources><add key=\"team\" value=\"team-feed\" /></packageSources></configuration>");
        Write("nuget.config", "<configuration><packageSources><add key=\"local\" value=\"../feed\" /></packageSources></configuration>");
        Write("src/nuget.config", "<configuration><packageSources><add key=\"nested\" value=\"./vendor\" /></packageSources></configuration>");
        Write("src/A/A.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");

        var copy = Copy();

        var inRepo = Sources(Path.Combine(Root, "src", "A"));
        Assert.Contains(("team", Path.Combine(parent, "team-feed"), true), inRepo);
        Assert.Contains(("local", Path.Combine(parent, "feed"), true), inRepo);
        Assert.Contains(("nested", Path.Combine(Root, "src", "vendor"), true), inRepo);
        Assert.Equal(inRepo, Sources(Path.Combine(copy.Folder, "src", "A")));
        Assert.False(File.Exists(Path.Combine(copy.Folder, "NuGet.Config")));
    }

    [Fact]
    public void A_config_that_is_not_xml_is_copied_as_it_is_for_the_restore_to_report()
    {
        Write("nuget.config", "<configuration><packageSources>");

        var copy = Copy();

        Assert.Equal("<configuration><packageSources>", File.ReadAllText(Path.Combine(copy.Folder, "nuget.config")));
    }

    [Fact]
    public void Delete_removes_the_whole_temp_folder()
    {
        File.WriteAllText(Path.Combine(parent, "nuget.config"), Config(("p", "feed")));
        Write("nuget.config", Config(("local", "feed")));
        var copy = Copy();
        Assert.True(Directory.Exists(copy.Folder));

        copy.Delete();

        Assert.False(Directory.Exists(copy.Top));
    }
}
