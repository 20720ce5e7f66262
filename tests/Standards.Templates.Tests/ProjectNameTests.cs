using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// Awkward <c>-n</c> values — dashes, leading digits, non-ASCII letters, C# keywords — still give repos that build
/// clean in CI mode. Build only, on the cheapest template (std-lib). The template's name forms work segment by
/// segment, so one name carries a dash, a leading digit, a letter outside ASCII and a keyword as its last segment;
/// a keyword as the whole name (the project, assembly and root namespace all a keyword) is the second repo. A plain
/// dotted name is the library flow's (<see cref="LibTemplateTests"/>, Acme.Text): its generated, built repo of this
/// run answers for it.
/// </summary>
public sealed class ProjectNameTests(ProjectNameTests.DottedName dotted) : IClassFixture<ProjectNameTests.DottedName>
{
    [Theory]
    [InlineData("3D-Café.class")]
    [InlineData("class")]
    public void A_repo_named_like_this_builds_clean(string name)
    {
        var repo = GeneratedRepo.Generate("std-lib", name, "--ci", "none");
        try
        {
            Assert.Contains($"src/{name}/{name}.csproj", repo.Files());
            var restore = repo.Restore();
            Assert.True(restore.Succeeded, $"restore of -n {name} failed:\n{restore.Output}");
            var build = repo.Build();
            Assert.True(build.Succeeded, $"The CI build of -n {name} failed:\n{build.Output}");
            Assert.True(build.Diagnostics.Count == 0, $"The CI build of -n {name} reported:\n{string.Join('\n', build.Diagnostics)}");
        }
        finally
        {
            repo.Delete();
        }
    }

    [Fact]
    public void A_repo_with_a_dotted_name_builds_clean()
    {
        // What the run recorded (its class may have deleted the repo by now): the tree right after generation, the
        // locked restore and the CI build.
        var run = dotted.Run;
        var name = run.Repo.Name;
        Assert.Equal("Acme.Text", name);
        Assert.Contains($"\nsrc/{name}/{name}.csproj\n", run.SnapshotText, StringComparison.Ordinal);
        Assert.True(run.Restore.Succeeded, $"restore of -n {name} failed:\n{run.Restore.Output}");
        Assert.NotNull(run.Build);
        Assert.True(run.Build.Succeeded, $"The CI build of -n {name} failed:\n{run.Build.Output}");
        Assert.True(run.Build.Diagnostics.Count == 0, $"The CI build of -n {name} reported:\n{string.Join('\n', run.Build.Diagnostics)}");
    }

    /// <summary>The library flow's run (made now if no class asked for it before); its owner deletes the repo.</summary>
    public sealed class DottedName(IMessageSink diagnostics)
    {
        public RepoRun Run { get; } = RepoRun.Of(LibTemplateTests.Flow.Definition, diagnostics);
    }
}
