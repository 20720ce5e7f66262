namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>The netstandard2.0 Path members give what .NET's give, on this machine's path rules.</summary>
public sealed class PathPolyfillTests
{
    public static TheoryData<string, string> Pairs() => new()
    {
        { "/repo", "/repo/src/a.cs" },
        { "/repo/", "/repo/src/a.cs" },
        { "/repo", "/repo" },
        { "/repo/", "/repo" },
        { "/repo", "/repo/" },
        { "/repo/src", "/repo" },
        { "/repo/src/", "/repo/" },
        { "/repo/src/deep/er", "/repo/docs/adr/0001.md" },
        { "/repo", "/repository/x" },
        { "/repo/a", "/repo/ab" },
        { "/repo/ab", "/repo/a" },
        { "/repo", "/other/place" },
        { "/", "/repo/x" },
        { "/repo/x", "/" },
        { "/repo/./src/../docs", "/repo/docs/readme.md" },
        { "/repo", "/repo/src/folder/" },
        { "/Repo", "/repo/x" },
        { "/repo//src", "/repo/src/x" },
        { "relative/dir", "relative/dir/file.txt" },
        { "relative", "elsewhere/file.txt" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void GetRelativePath_matches_dotnet(string relativeTo, string path) =>
        Assert.Equal(Path.GetRelativePath(relativeTo, path), PackagePolyfill.Get<Func<string, string, string>>("GetRelativePath")(relativeTo, path));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("/a/")]
    [InlineData("a\\")]
    [InlineData("a")]
    public void EndsInDirectorySeparator_matches_dotnet(string path) =>
        Assert.Equal(Path.EndsInDirectorySeparator(path), PackagePolyfill.Get<Func<string, bool>>("EndsInDirectorySeparator")(path));

    [Theory]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("/a/")]
    [InlineData("/a//")]
    [InlineData("a/")]
    [InlineData("a")]
    [InlineData("")]
    public void TrimEndingDirectorySeparator_matches_dotnet(string path) =>
        Assert.Equal(Path.TrimEndingDirectorySeparator(path), PackagePolyfill.Get<Func<string, string>>("TrimEndingDirectorySeparator")(path));

    /// <summary>A link to a file, a link to nothing, a link to a folder, a plain file and a missing entry.</summary>
    [Fact]
    public void LinkTarget_matches_dotnet()
    {
        var folder = Directory.CreateTempSubdirectory("std-link-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "file.txt"), "x");
            File.CreateSymbolicLink(Path.Combine(folder, "to-file"), "file.txt");
            File.CreateSymbolicLink(Path.Combine(folder, "dangling"), "gone/nowhere.txt");
            Directory.CreateSymbolicLink(Path.Combine(folder, "to-folder"), folder);
            foreach (var name in (string[])["file.txt", "to-file", "dangling", "missing"])
            {
                var info = new FileInfo(Path.Combine(folder, name));
                Assert.Equal(info.LinkTarget, PathPolyfills.get_LinkTarget(new FileInfo(info.FullName)));
            }

            var linkedFolder = new DirectoryInfo(Path.Combine(folder, "to-folder"));
            Assert.Equal(linkedFolder.LinkTarget, PathPolyfills.get_LinkTarget(new DirectoryInfo(linkedFolder.FullName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a/", "b")]
    [InlineData("a", "/b")]
    [InlineData("a/", "/b")]
    [InlineData("", "b")]
    [InlineData("a", "")]
    [InlineData(null, "b")]
    public void Join_matches_dotnet(string? first, string? second) =>
        Assert.Equal(Path.Join(first, second), PackagePolyfill.Get<Func<string?[], string>>("Join")([first, second]));

    [Fact]
    public void GetRelativePath_rejects_empty_like_dotnet()
    {
        Assert.Throws<ArgumentException>(() => Path.GetRelativePath("", "/a"));
        Assert.Throws<ArgumentException>(() => PackagePolyfill.Get<Func<string, string, string>>("GetRelativePath")("", "/a"));
    }
}
