using System.Text;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// Every command that replays the change journal, driven through the real command line with real git, on a repo whose
/// journal names files outside it (a '..' path, an absolute path, a folder symbolic link out of the repo, a device
/// and a pipe): nothing outside the repo is written or deleted, the journal itself is left as it was, and the
/// command stops with a coded error (exit 2) before any build. A committed journal is STD7541, an untracked one
/// STD7542. Pipes and symbolic links are Unix ones: the suite runs on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileJournalTests : IDisposable
{
    private static readonly byte[] SentinelBytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("outside the repo: must stay byte for byte\r\n"), 0x00, 0xFF];
    private static readonly byte[] AttackerBytes = Encoding.UTF8.GetBytes("attacker content\n");

    private readonly string top = Path.Combine(Path.GetTempPath(), "standards-hostile-journal-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string root;
    private readonly string outside;
    private readonly GitOnly runner = new();

    public HostileJournalTests()
    {
        root = Path.Combine(top, "repo");
        outside = Path.Combine(top, "outside");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Sentinel, SentinelBytes);
        Assert.Equal(0, Mkfifo(Path.Combine(outside, "pipe")));
    }

    public static TheoryData<string, string> Cases()
    {
        string[] commands = ["adopt", "adopt --dry-run", "survey", "survey --check", "upgrade", "upgrade --dry-run", "update", "update --check", "update --dry-run"];
        string[] kinds = ["dot-dot", "absolute", "folder-link", "device", "pipe", "pipe-link"];
        var data = new TheoryData<string, string>();
        foreach (var command in commands)
        {
            foreach (var kind in kinds)
            {
                data.Add(command, kind);
            }
        }

        return data;
    }

    private string Sentinel => Path.Combine(outside, "sentinel.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_committed_journal_is_STD7541_and_touches_nothing_outside_or_inside(string command, string kind)
    {
        var journal = SeedRepo(kind);
        Commit();

        var (exit, error) = Run(command);

        AssertRefused(exit, error, "STD7541", journal);
        Assert.Contains($"git rm -r --cached {TreeWrite.JournalFolder}", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_untracked_journal_naming_a_file_outside_the_repo_is_STD7542_and_touches_nothing(string command, string kind)
    {
        Commit();
        var journal = SeedRepo(kind);

        var (exit, error) = Run(command);

        AssertRefused(exit, error, "STD7542", journal);
        Assert.Contains(".standards-journal/journal.txt(1): error STD7542", error, StringComparison.Ordinal);
        Assert.Contains("delete the .standards-journal folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adopt --dry-run", "dotnet standards adopt")]
    [InlineData("survey", "dotnet standards adopt")]
    [InlineData("survey --check", "dotnet standards adopt")]
    [InlineData("upgrade --dry-run", "dotnet standards upgrade")]
    [InlineData("update --check", "dotnet standards update")]
    [InlineData("update --dry-run", "dotnet standards update")]
    public void A_read_only_command_with_a_pending_journal_is_STD7540_writes_nothing_and_names_the_command_that_puts_files_back(string command, string writing)
    {
        Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\" } }\n");
        Commit();
        // A change stopped half way: global.json replaced, its original kept, a new file in place.
        var journalFolder = Path.Combine(root, TreeWrite.JournalFolder);
        Directory.CreateDirectory(journalFolder);
        File.WriteAllText(Path.Combine(journalFolder, "journal.txt"), "existed\twrite\tglobal.json\nnew\twrite\tstandards.json\n");
        File.Copy(Path.Combine(root, "global.json"), Path.Combine(journalFolder, "0.orig"));
        Write("global.json", "{ \"half\": \"written\" }\n");
        Write("standards.json", "{}\n");
        var before = Snapshot();

        var (exit, error) = Run(command);

        Assert.Equal(2, exit);
        Assert.Contains(".standards-journal/journal.txt: error STD7540", error, StringComparison.Ordinal);
        Assert.Contains($"Run `{writing}", error, StringComparison.Ordinal);
        Assert.Contains("global.json, standards.json", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Empty(runner.Others);
    }

    [Fact]
    public void A_writing_command_puts_a_valid_untracked_journal_back_before_it_does_anything_else()
    {
        Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\" } }\n");
        Commit();
        var journalFolder = Path.Combine(root, TreeWrite.JournalFolder);
        Directory.CreateDirectory(journalFolder);
        File.WriteAllText(Path.Combine(journalFolder, "journal.txt"), "existed\twrite\tglobal.json\nnew\twrite\tstandards.json\n");
        File.Copy(Path.Combine(root, "global.json"), Path.Combine(journalFolder, "0.orig"));
        Write("global.json", "{ \"half\": \"written\" }\n");
        Write("standards.json", "{}\n");

        // update stops at the missing template record, after the files are back.
        var (exit, error) = Run("update");

        Assert.Equal(2, exit);
        Assert.Contains("STD7530", error, StringComparison.Ordinal);
        Assert.Equal("{ \"sdk\": { \"version\": \"10.0.100\" } }\n", File.ReadAllText(Path.Combine(root, "global.json")));
        Assert.False(File.Exists(Path.Combine(root, "standards.json")));
        Assert.False(Directory.Exists(journalFolder));
    }

    /// <summary>A journal whose first entry names a file outside the repo and whose second deletes the sentinel: returns its folder's snapshot.</summary>
    private Dictionary<string, string> SeedRepo(string kind)
    {
        Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n");
        var (written, deleted) = kind switch
        {
            "dot-dot" => ("../outside/written.txt", "../outside/sentinel.txt"),
            "absolute" => (Path.Combine(outside, "written.txt"), Sentinel),
            "folder-link" => ("escape/written.txt", "escape/sentinel.txt"),
            "device" => ("/dev/null", Sentinel),
            "pipe" => (Path.Combine(outside, "pipe"), Sentinel),
            "pipe-link" => ("pipe", "escape/sentinel.txt"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (kind is "folder-link" or "pipe-link")
        {
            File.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        }

        if (kind == "pipe-link")
        {
            File.CreateSymbolicLink(Path.Combine(root, "pipe"), Path.Combine(outside, "pipe"));
        }

        var journalFolder = Path.Combine(root, TreeWrite.JournalFolder);
        Directory.CreateDirectory(journalFolder);
        File.WriteAllText(Path.Combine(journalFolder, "journal.txt"), $"existed\twrite\t{written}\nnew\twrite\t{deleted}\n");
        File.WriteAllBytes(Path.Combine(journalFolder, "0.orig"), AttackerBytes);
        return Snapshot(journalFolder);
    }

    private void AssertRefused(int exit, string error, string code, Dictionary<string, string> journal)
    {
        // What happened outside the repo first: that is the defect a wrong exit code or message would only hint at.
        Assert.True(File.Exists(Sentinel), "the sentinel outside the repo was deleted");
        Assert.Equal(SentinelBytes, File.ReadAllBytes(Sentinel));
        Assert.False(File.Exists(Path.Combine(outside, "written.txt")), "a file was written outside the repo");
        Assert.Equal(["pipe", "sentinel.txt"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(journal, Snapshot(Path.Combine(root, TreeWrite.JournalFolder)));
        Assert.Empty(runner.Others);
        Assert.Equal(2, exit);
        Assert.Contains($"error {code}", error, StringComparison.Ordinal);
    }

    private (int Exit, string Error) Run(string command)
    {
        var words = command.Split(' ');
        var error = new StringWriter();
        var exit = CommandLine.Run([words[0], root, .. words[1..], .. words[0] == "survey" ? ["-o", Path.Combine(top, "reports")] : Array.Empty<string>()], TextWriter.Null, error, runner);
        return (exit, error.ToString());
    }

    /// <summary>Every file under <paramref name="folder"/> (the repo by default) with its content, links as their targets.</summary>
    private Dictionary<string, string> Snapshot(string? folder = null)
    {
        folder ??= root;
        return Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.EndsWith(Path.DirectorySeparatorChar + ".git", StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetRelativePath(folder, f),
                f => new FileInfo(f).LinkTarget is { } link ? "-> " + link : File.Exists(f) ? Convert.ToHexString(File.ReadAllBytes(f)) : "folder",
                StringComparer.Ordinal);
    }

    private void Write(string relative, string text)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Commit()
    {
        var git = new ProcessCommandRunner();
        if (!Directory.Exists(Path.Combine(root, ".git")))
        {
            Assert.Equal(0, git.Run("git", ["init", "-q"], root).ExitCode);
        }

        Assert.Equal(0, git.Run("git", ["add", "-A"], root).ExitCode);
        Assert.Equal(0, git.Run("git", ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "c"], root).ExitCode);
    }

    private static int Mkfifo(string path) => new ProcessCommandRunner().Run("mkfifo", [path], Path.GetTempPath()).ExitCode;

    public void Dispose() => Directory.Delete(top, recursive: true);

    /// <summary>Real git; any other command (a restore, a build, a template run) is recorded and fails: the journal must stop the command first.</summary>
    private sealed class GitOnly : ICommandRunner
    {
        private readonly ProcessCommandRunner git = new();

        public List<string> Others { get; } = [];

        public CommandResult Run(string command, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
        {
            if (command == "git")
            {
                return git.Run(command, arguments, workingDirectory, environment);
            }

            Others.Add(command + " " + string.Join(' ', arguments));
            return new CommandResult(1, "not run: the command should have stopped at the journal");
        }
    }
}
