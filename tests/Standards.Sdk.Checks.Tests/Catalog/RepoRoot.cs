namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>The repository root, found from the test assembly's folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>The files matching <paramref name="pattern"/> below the repo-relative <paramref name="folder"/>, outside build output (bin/, obj/).</summary>
    public static IEnumerable<string> SourceFiles(string folder, string pattern) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !System.IO.Path.GetRelativePath(Path, f).Split(System.IO.Path.DirectorySeparatorChar).Any(segment => segment is "bin" or "obj"));

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Standards.Sdk.sln not found");
    }
}
