using System.Text;
using CsCheck;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// The journal reader on random and hostile journals (random lines and bytes, tabs, '..', absolute and drive paths,
/// NUL, very long lines, a huge file): it replays a journal whose every entry is inside the repo, and refuses any
/// other with STD7542 naming the journal and the line, never an unhandled exception and never a write or delete
/// outside the repo.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JournalPropertyTests : IDisposable
{
    private static readonly byte[] SentinelBytes = Encoding.UTF8.GetBytes("outside the repo\n");

    private readonly string top = Path.Combine(Path.GetTempPath(), "standards-journal-prop-" + Guid.NewGuid().ToString("N")[..8]);

    // The sentinel is written once: the samples run in parallel, each in its own repo beside it.
    public JournalPropertyTests()
    {
        Directory.CreateDirectory(Outside);
        File.WriteAllBytes(Path.Combine(Outside, "sentinel.txt"), SentinelBytes);
    }

    public void Dispose() => Directory.Delete(top, recursive: true);

    private string Outside => Path.Combine(top, "outside");

    private static Gen<string> Segment(string top) => Gen.OneOf<string>(
        Gen.OneOf<string>("..", ".", "outside", "sentinel.txt", "src", "a.txt", ".git", "hooks", "", "C:", "\\\\server\\share", "/dev/null", top, "\0", "\t", "\r"),
        Gen.String[0, 12]);

    private static Gen<string> PathGen(string top) =>
        Gen.Select(Segment(top).Array[1, 6], Gen.OneOf<string>("/", "\\"), Gen.OneOf<string>(string.Empty, "/", "\\", "../", "C:\\", "//"), (parts, separator, prefix) => prefix + string.Join(separator, parts));

    private static Gen<string> Line(string top) => Gen.OneOf<string>(
        Gen.Select(Gen.OneOf<string>("existed", "new", "bogus", string.Empty), Gen.OneOf<string>("write", "delete", "x"), PathGen(top), (a, b, p) => $"{a}\t{b}\t{p}"),
        Gen.String,
        Gen.Char.Array[5_000, 20_000].Select(c => new string(c)));

    private static Gen<string> JournalText(string top) =>
        Gen.Select(Line(top).Array[0, 12], Gen.OneOf<string>("\n", "\r\n", "\t", "\0"), (lines, newline) => string.Join(newline, lines));

    [Fact]
    public void Any_journal_is_replayed_inside_the_repo_or_refused_with_STD7542_file_and_line()
    {
        var case_ = 0;
        JournalText(top).Sample(text =>
        {
            var root = Seed(++case_, Encoding.UTF8.GetBytes(text));
            AssertReplayedOrRefused(root);
        }, iter: 300);
    }

    [Fact]
    public void Random_bytes_as_a_journal_are_replayed_inside_the_repo_or_refused_with_STD7542()
    {
        var case_ = 0;
        Gen.Byte.Array[0, 2_000].Sample(bytes => AssertReplayedOrRefused(Seed(++case_, bytes)), iter: 300);
    }

    [Fact]
    public void A_huge_journal_is_refused_at_the_line_past_the_limit_without_reading_the_rest()
    {
        // One valid line repeated past the limit: every entry is inside the repo, the size alone refuses it.
        var line = "new\twrite\t" + new string('a', 200) + "\n";
        var count = (Standards.Adoption.Update.Journal.MaxChars / line.Length) + 10;
        var root = Seed(0, []);
        using (var writer = new StreamWriter(Path.Combine(root, TreeWrite.JournalFolder, "journal.txt")))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Write(line);
            }
        }

        var ex = Assert.Throws<ToolException>(() => TreeWrite.RecoverInterrupted(root));

        Assert.Equal(("STD7542", ".standards-journal/journal.txt", (Standards.Adoption.Update.Journal.MaxChars / line.Length) + 1), (ex.Code, ex.File, ex.Line));
        Assert.True(File.Exists(Path.Combine(root, TreeWrite.JournalFolder, "journal.txt")));
    }

    [Theory]
    [InlineData("existed\twrite\t../outside/sentinel.txt", "has a '..' segment")]
    [InlineData("new\twrite\t{outside}/sentinel.txt", "is absolute")]
    [InlineData("new\twrite\tC:\\Windows\\win.ini", "is absolute")]
    [InlineData("new\twrite\t\\\\server\\share\\x", "is absolute")]
    [InlineData("existed\twrite\t.git/hooks/pre-commit", "is inside the .git folder")]
    [InlineData("new\twrite\tsrc/", "ends with a separator")]
    [InlineData("new\twrite\tsrc", "is a folder, not a file")]
    [InlineData("new\twrite\ta\0b", "holds a control character")]
    [InlineData("existed\twrite\ta.txt/y.txt", "a.txt on its path is a file")]
    public void Each_kind_of_hostile_entry_is_STD7542_naming_its_line_and_why(string entry, string why)
    {
        var root = Seed(0, Encoding.UTF8.GetBytes("new\twrite\ta.txt\n" + entry.Replace("{outside}", Outside, StringComparison.Ordinal) + "\n"));

        var ex = Assert.Throws<ToolException>(() => TreeWrite.RecoverInterrupted(root));

        Assert.Equal(("STD7542", 2), (ex.Code, ex.Line));
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was put back, written or deleted", ex.Message, StringComparison.Ordinal);
        // The valid first line was not replayed either: the whole journal is refused.
        Assert.True(File.Exists(Path.Combine(root, "a.txt")));
        Assert.Equal(SentinelBytes, File.ReadAllBytes(Path.Combine(Outside, "sentinel.txt")));
    }

    [Fact]
    public void A_journal_naming_a_file_and_a_file_under_it_is_STD7542_whatever_their_order()
    {
        foreach (var journal in new[] { "existed\twrite\tsrc/x.txt\nexisted\twrite\tsrc/x.txt/y.txt\n", "existed\twrite\tsrc/x.txt/y.txt\nexisted\twrite\tsrc/x.txt\n" })
        {
            var root = Seed(0, Encoding.UTF8.GetBytes(journal));

            var ex = Assert.Throws<ToolException>(() => TreeWrite.RecoverInterrupted(root));

            Assert.Equal("STD7542", ex.Code);
            Assert.Contains("src/x.txt on its path is a file", ex.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(root, "src", "x.txt")), "nothing was put back");
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_kept_original_whose_folder_was_removed_since_is_put_back_in_it_made_again()
    {
        var root = Seed(0, Encoding.UTF8.GetBytes("existed\twrite\tgone/deeper/x.txt\n"));

        Assert.Equal(["gone/deeper/x.txt"], TreeWrite.RecoverInterrupted(root));

        Assert.Equal("kept original\n", File.ReadAllText(Path.Combine(root, "gone", "deeper", "x.txt")));
        Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)));
    }

    /// <summary>A fresh repo with a file, a folder, a kept original for each of the first entries and a sentinel outside.</summary>
    private string Seed(int index, byte[] journal)
    {
        var root = Path.Combine(top, "repo" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "a.txt"), "in the repo\n");
        var folder = Path.Combine(root, TreeWrite.JournalFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "journal.txt"), journal);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".orig"), "kept original\n");
        }

        return root;
    }

    private void AssertReplayedOrRefused(string root)
    {
        try
        {
            TreeWrite.RecoverInterrupted(root);
            Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)), "a replayed journal is removed");
        }
        catch (ToolException ex)
        {
            Assert.Equal("STD7542", ex.Code);
            Assert.Equal(".standards-journal/journal.txt", ex.File);
            Assert.True(ex.Line > 0, $"no line in: {ex.Message}");
            Assert.True(File.Exists(Path.Combine(root, TreeWrite.JournalFolder, "journal.txt")), "a refused journal is left as it was");
        }

        // Nothing outside the repo: the sentinel as it was, and no other file beside the repos.
        Assert.Equal(SentinelBytes, File.ReadAllBytes(Path.Combine(Outside, "sentinel.txt")));
        Assert.Equal(["sentinel.txt"], Directory.EnumerateFileSystemEntries(Outside).Select(Path.GetFileName));
        Assert.All(Directory.EnumerateFileSystemEntries(top), e => Assert.Matches("^(outside|repo[0-9]+)$", Path.GetFileName(e)));
        Directory.Delete(root, recursive: true);
    }
}
