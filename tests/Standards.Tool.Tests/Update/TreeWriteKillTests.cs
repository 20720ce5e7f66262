using System.Text;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// A change applied by moves survives a hard kill at every step: stopped anywhere before its commit point, the next
/// command's recovery puts the repo back byte for byte (and mode for mode); stopped after it, the change stands. No
/// journal, temporary file or kept original is left either way.
/// The file modes are Unix ones: the suite runs on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TreeWriteKillTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "treewrite-kill-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Stands for SIGKILL: nothing of the writer's own clean-up runs (it catches only I/O failures).</summary>
    private sealed class Killed : Exception;

    // The repo before the change: a file the change replaces (with a BOM and CRLF), an executable script it
    // replaces, a file it deletes, and one it leaves alone.
    private static readonly Dictionary<string, byte[]> Before = new(StringComparer.Ordinal)
    {
        ["global.json"] = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\r\n  \"sdk\": {}\r\n}\r\n")],
        ["build.sh"] = Encoding.UTF8.GetBytes("#!/bin/sh\necho old\n"),
        ["old.txt"] = Encoding.UTF8.GetBytes("removed by the change\n"),
        ["src/Keep.cs"] = Encoding.UTF8.GetBytes("class Keep { }\n"),
    };

    private static readonly (string Path, byte[]? Content)[] Change =
    [
        ("global.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\r\n  \"msbuild-sdks\": {}\r\n}\r\n")]),
        ("build.sh", Encoding.UTF8.GetBytes("#!/bin/sh\necho new\n")),
        ("old.txt", null),
        ("standards.json", Encoding.UTF8.GetBytes("{}\n")),
        ("docs/new/adr.md", Encoding.UTF8.GetBytes("# ADR\n")),
    ];

    /// <summary>Every step the writer announces, in order, as one uninterrupted commit announces them.</summary>
    private List<string> Steps()
    {
        Seed();
        var steps = new List<string>();
        TreeWrite.Commit(root, Change, steps.Add);
        Directory.Delete(root, recursive: true);
        return steps;
    }

    [Fact]
    public void A_kill_at_every_step_is_rolled_back_or_stands_and_leaves_nothing_behind()
    {
        var steps = Steps();
        Assert.Equal(15, steps.Count);
        var commitPoint = steps.IndexOf("clean up");
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            Seed();
            Assert.Throws<Killed>(() => TreeWrite.Commit(root, Change, s => { if (s == step) { throw new Killed(); } }));

            var recovered = TreeWrite.RecoverInterrupted(root);

            if (index < commitPoint)
            {
                AssertTree(Before, $"killed at '{step}'");
                Assert.True(File.GetUnixFileMode(Path.Combine(root, "build.sh")).HasFlag(UnixFileMode.UserExecute), step);
            }
            else
            {
                AssertTree(After(), $"killed at '{step}'");
                Assert.Empty(recovered);
            }

            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_finished_change_keeps_the_mode_of_each_file_it_replaces_and_leaves_no_journal()
    {
        Seed();

        TreeWrite.Commit(root, Change);

        AssertTree(After(), "after the commit");
        Assert.True(File.GetUnixFileMode(Path.Combine(root, "build.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.Empty(TreeWrite.RecoverInterrupted(root));
    }

    [Fact]
    public void The_next_commit_rolls_back_a_killed_one_before_it_writes()
    {
        Seed();
        Assert.Throws<Killed>(() => TreeWrite.Commit(root, Change, s => { if (s == "apply old.txt") { throw new Killed(); } }));
        Assert.False(File.Exists(Path.Combine(root, "old.txt")) && File.Exists(Path.Combine(root, "standards.json")));

        var changes = new ChangeSet();
        changes.Set("src/Keep.cs", "class Keep { int x; }\n");
        changes.Commit(root);

        var expected = new Dictionary<string, byte[]>(Before, StringComparer.Ordinal) { ["src/Keep.cs"] = Encoding.UTF8.GetBytes("class Keep { int x; }\n") };
        AssertTree(expected, "after the next commit");
    }

    [Fact]
    public void An_unreadable_journal_is_STD7542_naming_it_and_changes_nothing()
    {
        Seed();
        Directory.CreateDirectory(Path.Combine(root, TreeWrite.JournalFolder));
        File.WriteAllText(Path.Combine(root, TreeWrite.JournalFolder, "journal.txt"), "existed\twrite\told.txt\nexisted\told.txt\n");

        var ex = Assert.Throws<ToolException>(() => TreeWrite.RecoverInterrupted(root));

        Assert.Equal("STD7542", ex.Code);
        Assert.Equal(".standards-journal/journal.txt", ex.File?.Replace('\\', '/'));
        Assert.Equal(2, ex.Line);
        Assert.Contains("delete the .standards-journal folder", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Before["old.txt"], File.ReadAllBytes(Path.Combine(root, "old.txt")));
    }

    private static Dictionary<string, byte[]> After()
    {
        var after = new Dictionary<string, byte[]>(Before, StringComparer.Ordinal);
        foreach (var (path, content) in Change)
        {
            if (content is null)
            {
                after.Remove(path);
            }
            else
            {
                after[path] = content;
            }
        }

        return after;
    }

    private void Seed()
    {
        foreach (var (path, content) in Before)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        File.SetUnixFileMode(Path.Combine(root, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void AssertTree(Dictionary<string, byte[]> expected, string when)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(files.Keys.Order(StringComparer.Ordinal)),
            $"{when}: expected files {string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))}, found {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}");
        foreach (var (path, content) in expected)
        {
            Assert.True(content.AsSpan().SequenceEqual(files[path]), $"{when}: {path} differs");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
