namespace Standards.Sdk.IntegrationTests.Scale;

/// <summary>Every file under a folder with its size and last write time: to prove a build wrote nothing.</summary>
internal sealed class FileTree
{
    private readonly Dictionary<string, (long Length, DateTime Written)> files;

    private FileTree(Dictionary<string, (long Length, DateTime Written)> files) => this.files = files;

    /// <summary>Reads the tree now.</summary>
    public static FileTree Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(root, path).Replace('\\', '/'),
                path => (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)),
                StringComparer.Ordinal));

    /// <summary>Repo-relative paths added, removed or rewritten (size or write time) since <paramref name="earlier"/>.</summary>
    public List<string> ChangedSince(FileTree earlier) =>
        [.. files.Where(f => !earlier.files.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key)
            .Concat(earlier.files.Keys.Where(path => !files.ContainsKey(path)))
            .Order(StringComparer.Ordinal)];
}
