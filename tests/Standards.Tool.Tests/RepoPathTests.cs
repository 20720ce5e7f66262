using System.Text;
using CsCheck;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests;

/// <summary>
/// The one resolver of paths read from a repo: inside the root or STD7543 naming the file the path came from. Links
/// and pipes are Unix ones: the suite runs on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RepoPathTests : IDisposable
{
    private readonly string top = Path.Combine(Path.GetTempPath(), "standards-repopath-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string root;
    private readonly string outside;

    public RepoPathTests()
    {
        root = Path.Combine(top, "repo");
        outside = Path.Combine(top, "outside");
        Directory.CreateDirectory(Path.Combine(root, "src"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(root, "src", "A.cs"), "class A { }\n");
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "outside\n");
    }

    public void Dispose() => Directory.Delete(top, recursive: true);

    [Theory]
    [InlineData("src/A.cs")]
    [InlineData("./src/A.cs")]
    [InlineData("new/folder/file.txt")]
    [InlineData("docs/a:b.md")]
    public void A_path_inside_the_repo_resolves_to_its_full_path(string relative) =>
        Assert.Equal(Path.GetFullPath(Path.Join(root, relative)), RepoPath.Resolve(root, relative, "list.txt"));

    [Fact]
    public void A_link_inside_the_repo_to_a_file_inside_it_resolves()
    {
        File.CreateSymbolicLink(Path.Combine(root, "link.cs"), "src/A.cs");
        Directory.CreateSymbolicLink(Path.Combine(root, "code"), Path.Combine(root, "src"));
        Assert.Null(RepoPath.Problem(root, "link.cs"));
        Assert.Null(RepoPath.Problem(root, "code/A.cs"));
    }

    [Theory]
    [InlineData("../outside/secret.txt", "has a '..' segment")]
    [InlineData("src/../../outside/secret.txt", "has a '..' segment")]
    [InlineData("/etc/passwd", "is absolute")]
    [InlineData("C:/Windows/win.ini", "is absolute")]
    [InlineData("\\\\server\\share\\x", "is absolute")]
    [InlineData(".git/hooks/pre-commit", "is inside the .git folder")]
    [InlineData("src/.GIT/config", "is inside the .git folder")]
    [InlineData("", "is empty")]
    [InlineData("a\0b", "holds a control character")]
    [InlineData("src/", "ends with a separator")]
    public void A_path_that_leaves_the_repo_is_STD7543_naming_the_file_and_line_it_came_from(string relative, string why)
    {
        var ex = Assert.Throws<ToolException>(() => RepoPath.Resolve(root, relative, ".standards/template-record.json", 7));
        Assert.Equal(("STD7543", ".standards/template-record.json", 7), (ex.Code, ex.File, ex.Line));
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.Contains("fix or remove it in .standards/template-record.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_link_out_of_the_repo_a_file_link_out_of_it_and_a_link_loop_are_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "secret.txt"), Path.Combine(outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(root, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(root, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(root, "loop2"), "loop1");

        Assert.Contains("symbolic link", RepoPath.Problem(root, "escape/secret.txt"), StringComparison.Ordinal);
        Assert.Contains("symbolic link", RepoPath.Problem(root, "escape/new.txt"), StringComparison.Ordinal);
        Assert.Contains("symbolic link", RepoPath.Problem(root, "secret.txt"), StringComparison.Ordinal);
        Assert.Contains("symbolic link", RepoPath.Problem(root, "up/outside/secret.txt"), StringComparison.Ordinal);
        Assert.Contains("loop", RepoPath.Problem(root, "loop1/x"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipe_in_the_repo_is_refused_and_opening_it_does_not_wait()
    {
        Assert.Equal(0, new ProcessCommandRunner().Run("mkfifo", [Path.Combine(root, "pipe")], root).ExitCode);
        Assert.Equal("is not a regular file (a device, a pipe or a socket)", RepoPath.Problem(root, "pipe"));
        File.WriteAllText(Path.Combine(root, "empty.txt"), string.Empty);
        Assert.Null(RepoPath.Problem(root, "empty.txt"));
    }

    [Fact]
    public void A_change_with_a_path_out_of_the_repo_is_STD7543_and_writes_nothing_in_or_out()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        var content = Encoding.UTF8.GetBytes("new\n");

        var ex = Assert.Throws<ToolException>(() => TreeWrite.Commit(root, [("src/B.cs", content), ("escape/new.txt", content)]));

        Assert.Equal(("STD7543", "the change set"), (ex.Code, ex.File));
        Assert.False(File.Exists(Path.Combine(root, "src", "B.cs")));
        Assert.False(Directory.Exists(Path.Combine(root, TreeWrite.JournalFolder)));
        Assert.Equal(["secret.txt"], Directory.EnumerateFileSystemEntries(outside).Select(Path.GetFileName));
    }

    [Fact]
    public void The_file_list_of_a_folder_without_git_does_not_walk_into_a_folder_link_out_of_it()
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), outside);
        Assert.Equal(["src/A.cs"], RepoFiles.List(new ProcessCommandRunner(), root, git: false));
    }

    [Fact]
    public void A_committed_link_to_a_file_outside_the_repo_stops_the_file_list_with_STD7543()
    {
        File.CreateSymbolicLink(Path.Combine(root, "secret.txt"), Path.Combine(outside, "secret.txt"));
        var git = new ProcessCommandRunner();
        Assert.Equal(0, git.Run("git", ["init", "-q"], root).ExitCode);
        Assert.Equal(0, git.Run("git", ["add", "-A"], root).ExitCode);

        var ex = Assert.Throws<ToolException>(() => RepoFiles.List(git, root, git: true));

        Assert.Equal(("STD7543", "the repo's file list"), (ex.Code, ex.File));
        Assert.Contains("secret.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_string_resolves_inside_the_root_or_is_refused_never_an_unhandled_exception()
    {
        var hostile = Gen.OneOf<string>(
            Gen.String,
            Gen.OneOf<string>("..", "/", "\\", ".git", "C:", "\0", "src", "outside", "~", "%HOME%", "$HOME").Array[1, 8].Select(parts => string.Concat(parts)),
            Gen.Select(Gen.OneOf<string>("..", ".", "src", "x", ".git", string.Empty).Array[1, 8], Gen.OneOf<string>("/", "\\"), (parts, separator) => string.Join(separator, parts)));
        var fullRoot = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        hostile.Sample(relative =>
        {
            try
            {
                var full = RepoPath.Resolve(root, relative, "list.txt");
                Assert.StartsWith(fullRoot, full, StringComparison.Ordinal);
                Assert.DoesNotContain("/.git/", full + "/", StringComparison.OrdinalIgnoreCase);
            }
            catch (ToolException ex)
            {
                Assert.Equal(("STD7543", "list.txt"), (ex.Code, ex.File));
            }
        }, iter: 2000);
    }
}
