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
}
