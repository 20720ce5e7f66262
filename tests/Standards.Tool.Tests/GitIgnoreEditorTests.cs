using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

public sealed class GitIgnoreEditorTests
{
    [Theory]
    [InlineData("artifacts/\n")]
    [InlineData("bin/\n/artifacts\n")]
    [InlineData("artifacts")]
    [InlineData("obj/\r\n  artifacts/**  \r\n")]
    [InlineData("/artifacts/\n")]
    public void A_file_that_already_ignores_artifacts_is_not_rewritten(string existing) =>
        Assert.Null(GitIgnoreEditor.IgnoreArtifacts(existing));

    [Theory]
    [InlineData(null, "artifacts/\n")]
    [InlineData("", "artifacts/\n")]
    [InlineData("bin/\nobj/\n", "bin/\nobj/\nartifacts/\n")]
    [InlineData("bin/\nobj/", "bin/\nobj/\nartifacts/\n")]
    [InlineData("bin/\r\nobj/\r\n", "bin/\r\nobj/\r\nartifacts/\r\n")]
    [InlineData("# artifacts/\nmyartifacts/\nartifacts/foo\n", "# artifacts/\nmyartifacts/\nartifacts/foo\nartifacts/\n")]
    public void A_file_that_does_not_ignore_artifacts_gains_a_line_of_its_own(string? existing, string expected) =>
        Assert.Equal(expected, GitIgnoreEditor.IgnoreArtifacts(existing));

    [Fact]
    public void The_templates_gitignore_ignores_what_adopt_adds_the_local_state()
    {
        // A generated repo and an adopted one ignore the same local state: the journal is never committed.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Standards.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        var templateIgnore = File.ReadAllText(Path.Combine(dir!.FullName, "templates", "content", "_shared", "repo", ".gitignore"));
        Assert.Null(GitIgnoreEditor.IgnoreLocalState(templateIgnore, testResults: true, out var added));
        Assert.Empty(added);
        Assert.NotNull(GitIgnoreEditor.IgnoreLocalState("bin/\n", testResults: true, out var addedToBare));
        Assert.Contains(".standards-journal/", addedToBare);
    }

    /// <summary>Whether a lock file is ignored, compared with git's own answer (git check-ignore) on the same .gitignore.</summary>
    [Theory]
    [InlineData("*.lock.json\n")]
    [InlineData("packages.lock.json\n")]
    [InlineData("*.json\n")]
    [InlineData("**/packages.lock.json\n")]
    [InlineData("/packages.lock.json\n")]
    [InlineData("src/*/packages.lock.json\n")]
    [InlineData("*.lock.json\n!src/A/packages.lock.json\n")]
    [InlineData("src/\n")]
    [InlineData("src\n!packages.lock.json\n")]
    [InlineData("*.lock.json/\n")]
    [InlineData("# *.lock.json\nbin/\n")]
    [InlineData("packages.lock.*\r\n")]
    [InlineData("\\!packages.lock.json\n*.lock.json\n!packages.lock.json\n")]
    public void Ignores_agrees_with_git(string gitignore)
    {
        var folder = Directory.CreateTempSubdirectory("gitignore").FullName;
        try
        {
            var runner = new ProcessCommandRunner();
            Assert.Equal(0, runner.Run("git", ["init", "-q"], folder).ExitCode);
            File.WriteAllText(Path.Combine(folder, ".gitignore"), gitignore);
            foreach (var file in new[] { "packages.lock.json", "src/A/packages.lock.json", "src/B/C/packages.lock.json" })
            {
                var git = runner.Run("git", ["check-ignore", "-q", "--no-index", file], folder).ExitCode == 0;
                Assert.True(git == GitIgnoreEditor.Ignores(gitignore, file), $"{file} with {gitignore.ReplaceLineEndings("|")}: git says {(git ? "ignored" : "not ignored")}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A .gitignore line of a million '[' (or of classes) is read in linear time and matches nothing it should not.</summary>
    [Fact]
    public void A_huge_line_of_brackets_is_read_without_blowing_up()
    {
        var line = new string('[', 1_000_000) + "\n" + string.Concat(Enumerable.Repeat("[Tt]", 100)) + "\n";
        Assert.False(GitIgnoreEditor.Ignores(line, "test/A.Tests/TestResults/0f8fad5b/coverage.cobertura.xml"));
    }

    /// <summary>
    /// A VSTest run leaves TestResults/ beside each test project (Carter's minimal .gitignore did not ignore it, so
    /// `git status` was dirty after `dotnet test`): adopt adds the line unless a line git reads already ignores it, as
    /// git itself decides (Visual Studio's template writes [Tt]est[Rr]esult*/).
    /// </summary>
    [Theory]
    [InlineData("bin/\nobj/\n", true)]
    [InlineData("[Tt]est[Rr]esult*/\n", false)]
    [InlineData("TestResults/\n", false)]
    [InlineData("**/TestResults\n", false)]
    [InlineData("test/\n", false)]
    public void TestResults_is_ignored_once_as_git_decides(string gitignore, bool added)
    {
        var folder = Directory.CreateTempSubdirectory("gitignore").FullName;
        try
        {
            var runner = new ProcessCommandRunner();
            Assert.Equal(0, runner.Run("git", ["init", "-q"], folder).ExitCode);
            File.WriteAllText(Path.Combine(folder, ".gitignore"), gitignore);
            var git = runner.Run("git", ["check-ignore", "-q", "--no-index", "test/A.Tests/TestResults/0f8fad5b/coverage.cobertura.xml"], folder).ExitCode == 0;
            Assert.Equal(!added, git);

            Assert.Null(GitIgnoreEditor.IgnoreLocalState(gitignore + "artifacts/\n.standards-journal/\n", testResults: false, out _));
            var text = GitIgnoreEditor.IgnoreLocalState(gitignore, testResults: true, out var patterns);
            Assert.Equal(added, patterns.Contains(GitIgnoreEditor.TestResultsPattern));
            File.WriteAllText(Path.Combine(folder, ".gitignore"), text ?? gitignore);
            Assert.Equal(0, runner.Run("git", ["check-ignore", "-q", "--no-index", "test/A.Tests/TestResults/0f8fad5b/coverage.cobertura.xml"], folder).ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ignored_lock_files_gain_one_line_that_keeps_them_and_one_under_an_ignored_folder_is_named()
    {
        Assert.Equal("bin/\n*.lock.json\n!packages.lock.json\n", GitIgnoreEditor.KeepLockFiles("bin/\n*.lock.json\n", ["src/A/packages.lock.json"], out var still));
        Assert.Empty(still);
        Assert.Equal("*.lock.json\r\n!packages.lock.json\r\n", GitIgnoreEditor.KeepLockFiles("*.lock.json\r\n", ["packages.lock.json"], out _));
        Assert.Null(GitIgnoreEditor.KeepLockFiles("bin/\nobj/\n", ["src/A/packages.lock.json"], out _));
        Assert.Null(GitIgnoreEditor.KeepLockFiles(null, ["src/A/packages.lock.json"], out _));
        Assert.NotNull(GitIgnoreEditor.KeepLockFiles("samples/\n*.lock.json\n", ["src/A/packages.lock.json", "samples/S/packages.lock.json"], out var under));
        Assert.Equal(["samples/S/packages.lock.json"], under);
    }
}
