using System.Globalization;
using System.Text;
using CsCheck;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Tests.Repository;

/// <summary>
/// The walk every build makes for its fingerprint lists folders on every core, and the content hashes it keeps are read
/// field by field: both must give exactly what a plain one-thread walk and a plain line split give, on any tree and any
/// cache text.
/// </summary>
public sealed class ParallelWalkTests : IDisposable
{
    private static readonly string[] Names = ["a", "b", "src", "Docs", "x.cs", "y.md", "bin", "OBJ", ".git", "Artifacts", "node_modules", ".vs", ".idea", "bin.txt", "objx"];

    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-walk-tests", Guid.NewGuid().ToString("N"));

    public ParallelWalkTests() => Directory.CreateDirectory(root);

    /// <summary>
    /// Random trees (nested folders, excluded names in any case at any depth, links to folders that make cycles, links
    /// to files, broken links, empty folders): the walk lists exactly the files a recursive one-thread walk lists.
    /// </summary>
    [Fact]
    public void The_parallel_walk_lists_exactly_what_a_recursive_walk_lists()
    {
        var step = Gen.Select(Gen.Int[0, 5], Gen.Int[0, Names.Length - 1], Gen.Int[0, 4]);
        var case_ = 0;
        step.Array[1, 60].Sample(steps =>
        {
            var tree = Path.Combine(root, (case_++).ToString(CultureInfo.InvariantCulture));
            Build(tree, steps);
            Assert.Equal(Reference(tree), RepositorySnapshotLoader.Walk(tree).Files);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void A_deep_tree_of_many_folders_is_listed_whole()
    {
        var expected = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var folder = string.Join('/', Enumerable.Range(0, (i % 7) + 1).Select(d => $"d{i}_{d}"));
            for (var f = 0; f < 25; f++)
            {
                var relative = $"{folder}/f{f}.txt";
                Write(Path.Combine(root, relative), "x");
                expected.Add(relative);
            }
        }

        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, RepositorySnapshotLoader.Walk(root).Files);
    }

    /// <summary>Any cache text in the written form reads back to the same text (inodes above the signed range included).</summary>
    [Fact]
    public void Content_hashes_read_back_exactly_as_written()
    {
        var line = Gen.Select(Gen.String["0123456789ABCDEF"], Gen.Long[0, long.MaxValue], Gen.Long[0, long.MaxValue], Gen.ULong, Gen.String[Gen.Char["abc/._- é"], 1, 30]);
        line.Array[0, 20].Sample(lines =>
        {
            var byPath = lines.Where(l => l.Item1.Length > 0).GroupBy(l => "/r/" + l.Item5, StringComparer.Ordinal).Select(g => (Path: g.Key, Line: g.First()))
                .OrderBy(l => l.Path, StringComparer.Ordinal);
            var text = new StringBuilder("standards-content-hashes v1\n");
            foreach (var (path, (hash, size, time, inode, _)) in byPath)
            {
                text.Append(CultureInfo.InvariantCulture, $"{hash}\t{size}\t{time}\t{time}\t{inode}\t{time}\t{path}\n");
            }

            Assert.Equal(text.ToString(), ContentHashCache.Parse(text.ToString()).Write());
        }, iter: 300);
    }

    /// <summary>A damaged cache never throws; every line it keeps is a well-formed line of the text, the rest are left out.</summary>
    [Fact]
    public void A_damaged_content_hash_cache_keeps_only_its_well_formed_lines()
    {
        const string Header = "standards-content-hashes v1\n";
        const string Good = "AB\t1\t2\t3\t18446744073709551615\t5\t/r/a.md\n";
        Assert.Equal(Header + Good, ContentHashCache.Parse(Header + Good + "AB\t1\t2\t3\t4\t5\t/r/b\tc.md\nAB\tx\t2\t3\t4\t5\t/r/c.md\n\t1\t2\t3\t4\t5\t/r/d.md\nAB\t1\t2\t3\t4\t5\t\nAB\t1\t2\n").Write());
        Gen.String.Sample(garbage =>
        {
            var written = ContentHashCache.Parse(Header + Good + garbage).Write();
            Assert.StartsWith(Header, written, StringComparison.Ordinal);
            Assert.All(written[Header.Length..].Split('\n', StringSplitOptions.RemoveEmptyEntries), kept => Assert.Equal(7, kept.Split('\t').Length));
        }, iter: 300);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Turns random steps into a tree: a folder, a file, a link to a folder above (a cycle), a link to a file, a broken link.</summary>
    private static void Build(string tree, (int Kind, int Name, int Depth)[] steps)
    {
        Directory.CreateDirectory(tree);
        var folders = new List<string> { tree };
        foreach (var (kind, name, depth) in steps)
        {
            // Folders and plain files keep the name as drawn (an excluded name, in any case, at any depth); links get a suffix.
            var parent = folders[depth * (folders.Count - 1) / 4];
            var path = Path.Combine(parent, Names[name] + (kind is 1 or 3 or 4 ? kind.ToString(CultureInfo.InvariantCulture) : string.Empty));
            if (Directory.Exists(path) || File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                continue;
            }

            switch (kind)
            {
                case 0 or 1:
                    Directory.CreateDirectory(path);
                    folders.Add(path);
                    break;
                case 2:
                    Directory.CreateSymbolicLink(path, tree);
                    break;
                case 3:
                    File.WriteAllText(path, "x");
                    File.CreateSymbolicLink(path + ".link", path);
                    break;
                case 4:
                    File.CreateSymbolicLink(path, Path.Combine(tree, "nowhere"));
                    break;
                default:
                    File.WriteAllText(path, "x");
                    break;
            }
        }
    }

    /// <summary>The one-thread walk: excluded names skipped in any case, links to folders never followed.</summary>
    private static List<string> Reference(string tree)
    {
        var excluded = RepositorySnapshotLoader.ExcludedFolderNames;
        var files = new List<string>();
        void Visit(string folder, string prefix)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = Path.GetFileName(entry);
                if (excluded.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!Directory.Exists(entry))
                {
                    files.Add(prefix + name);
                }
                else if (new DirectoryInfo(entry).LinkTarget is null)
                {
                    Visit(entry, prefix + name + "/");
                }
            }
        }

        Visit(tree, string.Empty);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
