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
        Assert.Equal(Path.GetRelativePath(relativeTo, path), PathPolyfills.GetRelativePath(relativeTo, path));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("/a/")]
    [InlineData("a\\")]
    [InlineData("a")]
    public void EndsInDirectorySeparator_matches_dotnet(string path) =>
        Assert.Equal(Path.EndsInDirectorySeparator(path), PathPolyfills.EndsInDirectorySeparator(path));

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a/", "b")]
    [InlineData("a", "/b")]
    [InlineData("a/", "/b")]
    [InlineData("", "b")]
    [InlineData("a", "")]
    [InlineData(null, "b")]
    public void Join_matches_dotnet(string? first, string? second) =>
        Assert.Equal(Path.Join(first, second), PathPolyfills.Join(first, second));

    [Fact]
    public void GetRelativePath_rejects_empty_like_dotnet()
    {
        Assert.Throws<ArgumentException>(() => Path.GetRelativePath("", "/a"));
        Assert.Throws<ArgumentException>(() => PathPolyfills.GetRelativePath("", "/a"));
    }
}
