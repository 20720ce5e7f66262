using Standards.Adoption;

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
        Assert.Null(GitIgnoreEditor.IgnoreLocalState(templateIgnore, out var added));
        Assert.Empty(added);
        Assert.NotNull(GitIgnoreEditor.IgnoreLocalState("bin/\n", out var addedToBare));
        Assert.Contains(".standards-journal/", addedToBare);
    }
}
