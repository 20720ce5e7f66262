using System.Text;
using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Tool.Commands.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// Ctrl-C while update restores the lock files: the merge is written and journaled, the restore is stopped half way;
/// the repo must end as it was, byte for byte, and still be behind.
/// </summary>
public sealed class UpdateCancelTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-update-cancel-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ScriptedDotnet dotnet = new(TemplateUpdaterTests.Versions);

    public UpdateCancelTests()
    {
        foreach (var (path, text) in TemplateUpdaterTests.Versions["1.0.0"])
        {
            Write(path, text);
        }

        Write(TemplateRecord.FileName, TemplateUpdaterTests.Record);
        // A file the team edited, so the merge writes a conflict too.
        Write("ci.yml", "steps:\n  - build --team\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text));
    }

    private SortedDictionary<string, string> Tree() => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    private UpdateResult Update(UpdateOptions? options = null) =>
        new TemplateUpdater(dotnet, new Packs(["1.0.0", "2.0.0"]), TextWriter.Null).Run(options ?? new UpdateOptions(root));

    [Fact]
    public void Ctrl_C_during_the_restore_leaves_the_repo_byte_for_byte_as_before_and_still_behind()
    {
        var before = Tree();
        var merged = false;
        dotnet.Restore = folder =>
        {
            // The merge is in place when the restore runs; the restore rewrites a lock file and creates another, then is stopped.
            merged = File.ReadAllText(Path.Combine(folder, "SECURITY.md")) == "policy, revised\n";
            File.WriteAllText(Path.Combine(folder, "src/Acme.Text/packages.lock.json"), "{ \"half\": true }\n");
            Directory.CreateDirectory(Path.Combine(folder, "src/Acme.Other"));
            File.WriteAllText(Path.Combine(folder, "src/Acme.Other/packages.lock.json"), "{}\n");
            throw new OperationCanceledException();
        };

        Assert.Throws<OperationCanceledException>(() => Update());

        Assert.True(merged);
        Assert.Equal(before, Tree());
        Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)));

        dotnet.Restore = null;
        var check = Update(new UpdateOptions(root, Check: true));
        Assert.Equal((true, "2.0.0", 6), (check.Behind, check.To, check.Files.Count));
    }

    /// <summary>
    /// The step run before the commit point sees the new files; when it fails, every file is put back (changed,
    /// added and deleted ones alike) and its error goes on; when it succeeds, the change is final.
    /// </summary>
    [Fact]
    public void A_change_is_put_back_when_the_step_before_its_commit_fails_and_kept_when_it_succeeds()
    {
        var before = Tree();
        IReadOnlyList<(string, byte[]?)> change = [("SECURITY.md", Encoding.UTF8.GetBytes("changed\n")), ("added.md", Encoding.UTF8.GetBytes("added\n")), ("ci.yml", null)];
        var seen = string.Empty;

        var failed = Assert.Throws<ToolException>(() => TreeWrite.CommitAfter(root, change, () =>
        {
            seen = File.ReadAllText(Path.Combine(root, "SECURITY.md")) + File.ReadAllText(Path.Combine(root, "added.md")) + File.Exists(Path.Combine(root, "ci.yml"));
            throw new ToolException("STD7506", "the restore failed");
        }));

        Assert.Equal(("STD7506", "changed\nadded\nFalse"), (failed.Code, seen));
        Assert.Equal(before, Tree());

        TreeWrite.CommitAfter(root, change, () => { });
        Assert.Equal(("changed\n", "added\n", false), (File.ReadAllText(Path.Combine(root, "SECURITY.md")), File.ReadAllText(Path.Combine(root, "added.md")), File.Exists(Path.Combine(root, "ci.yml"))));
        Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)));
    }

    /// <summary>A successful restore is the commit point: the merge and the regenerated lock file stay, the journal goes.</summary>
    [Fact]
    public void A_restore_that_succeeds_keeps_the_merge_and_the_lock_files_it_wrote()
    {
        dotnet.Restore = folder =>
        {
            File.WriteAllText(Path.Combine(folder, "src/Acme.Text/packages.lock.json"), "{ \"restored\": true }\n");
            return new CommandResult(0, "restored");
        };

        Update();

        Assert.Equal("{ \"restored\": true }\n", File.ReadAllText(Path.Combine(root, "src/Acme.Text/packages.lock.json")));
        Assert.Equal("policy, revised\n", File.ReadAllText(Path.Combine(root, "SECURITY.md")));
        Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)));
        Assert.False(Update(new UpdateOptions(root, Check: true)).Behind);
    }

    /// <summary>
    /// Conflict markers in a file the restore reads would fail it: the merge is written, the restore is left to the
    /// person, and the result says so.
    /// </summary>
    [Fact]
    public void A_conflict_in_a_file_the_restore_reads_leaves_the_restore_pending()
    {
        var versions = TemplateUpdaterTests.Versions.ToDictionary(v => v.Key, v => new Dictionary<string, string>(v.Value));
        versions["1.0.0"]["Directory.Packages.props"] = "<Project>\n  <ItemGroup />\n</Project>\n";
        versions["2.0.0"]["Directory.Packages.props"] = "<Project>\n  <ItemGroup Label=\"template\" />\n</Project>\n";
        Write("Directory.Packages.props", "<Project>\n  <ItemGroup Label=\"team\" />\n</Project>\n");
        var scripted = new ScriptedDotnet(versions);

        var result = new TemplateUpdater(scripted, new Packs(["1.0.0", "2.0.0"]), TextWriter.Null).Run(new UpdateOptions(root));

        Assert.True(result.RestorePending);
        Assert.DoesNotContain(scripted.Calls, c => c.StartsWith("restore", StringComparison.Ordinal));
        Assert.Contains("run `dotnet restore --force-evaluate`", UpdateCommand.Text(result, new UpdateOptions(root)), StringComparison.Ordinal);
    }
}
