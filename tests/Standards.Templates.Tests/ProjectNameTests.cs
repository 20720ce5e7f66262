using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// Awkward <c>-n</c> values — dots, dashes, leading digits, non-ASCII letters, C# keywords — still give repos
/// that build clean in CI mode. Build only, on the cheapest template (std-lib).
/// </summary>
public sealed class ProjectNameTests
{
    [Theory]
    [InlineData("Acme.Orders")]
    [InlineData("my-service")]
    [InlineData("3D.Printer")]
    [InlineData("Café.Menu")]
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
}
