using System.Diagnostics;

namespace Standards.Sdk.IntegrationTests.Reliability;

/// <summary>
/// Real builds of the packed SDK with a FIFO where a repo file is: the SDK never hands one to the compiler nor opens
/// one while MSBuild evaluates, so the build ends with STD0007 naming it instead of waiting for a writer for ever.
/// Each build is bounded: a regression fails the test with "timed out" rather than hanging the suite.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class SpecialFileBuildTests
{
    // A build on a loaded machine takes minutes; a FIFO opened for reading waits for ever.
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(8);

    [Fact]
    public void A_FIFO_as_the_code_baseline_is_STD0007_naming_it_and_never_reaches_the_compiler()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo(1).
        }

        using var repo = TestRepo.Create()
            .WriteProject("src/Lib", "Lib")
            .WriteFile("src/Lib/Calc.cs", "namespace Lib;\n\n/// <summary>Adds.</summary>\npublic static class Calc\n{\n    /// <summary>The sum.</summary>\n    public static int Add(int a, int b) => a + b;\n}\n");
        MakeFifo(repo.PathOf("standards-code-baseline.json"));

        var build = repo.Dotnet(["build", repo.PathOf("src/Lib/Lib.csproj"), "-v:n", "-tl:off", "-nr:false"], timeout: Bound);

        Assert.DoesNotContain("<timed out>", build.Output, StringComparison.Ordinal);
        Assert.False(build.Succeeded, build.Output);
        var refused = Assert.Single(build.WithCode("STD0007"));
        Assert.Equal("standards-code-baseline.json", refused.FileName);
        Assert.Contains("is the code baseline, but it is not a regular file", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Make it a regular file", refused.Message, StringComparison.Ordinal);
        Assert.False(build.Ran("CoreCompile"), "the compiler would open the FIFO");
    }

    [Fact]
    public void A_FIFO_as_global_json_of_a_test_project_is_STD0007_and_evaluation_does_not_wait_on_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The FIFO is the global.json nearest the test project, where the coverage targets look. The project names its
        // SDK version and the workload resolver is off, because the .NET SDK's own resolvers read the global.json
        // nearest the project too and would wait on it before Standards.Sdk is loaded; dotnet starts in the repo
        // root, whose global.json is a file.
        using var repo = TestRepo.Create();
        repo.WriteFile("tests/A.Tests/A.Tests.csproj", $"""
                <Project Sdk="Standards.Sdk/{repo.Sdk.Version}">
                  <PropertyGroup>
                    <StandardsRepoRoot>$(MSBuildThisFileDirectory)../../</StandardsRepoRoot>
                  </PropertyGroup>
                </Project>
                """)
            .WriteFile("tests/A.Tests/ATests.cs", "namespace A.Tests;\n\n/// <summary>Nothing.</summary>\npublic static class Nothing\n{\n}\n");
        MakeFifo(repo.PathOf("tests/A.Tests/global.json"));
        var environment = new Dictionary<string, string?> { ["MSBuildEnableWorkloadResolver"] = "false" };

        var build = repo.Dotnet(["build", repo.PathOf("tests/A.Tests/A.Tests.csproj"), "-v:n", "-tl:off", "-nr:false"], environment: environment, timeout: Bound);

        Assert.DoesNotContain("<timed out>", build.Output, StringComparison.Ordinal);
        Assert.False(build.Succeeded, build.Output);
        // Restore and the build each read the runner; each says so.
        var refused = build.WithCode("STD0007").ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("global.json", r.FileName));
        Assert.All(refused, r => Assert.Contains("not a regular file", r.Message, StringComparison.Ordinal));
        Assert.All(refused, r => Assert.Contains("Make it a regular file", r.Message, StringComparison.Ordinal));
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
