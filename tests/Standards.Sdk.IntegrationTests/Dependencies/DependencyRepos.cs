namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>
/// The two shared repos of the dependency tests, each built once per run: one that breaks every §2 rule
/// (no central package management, a local build) and one that follows all of them (a git repo with committed
/// lock files, a CI build). The lock-file test starts from the compliant one after its build (whose result is kept)
/// and changes it: tests of one class run one after the other.
/// </summary>
public sealed class DependencyRepos : IDisposable
{
    public const string AppProject = "src/App/App.csproj";
    public const string NoLockProject = "src/NoLock/NoLock.csproj";
    public const string TestsProject = "tests/App.Tests/App.Tests.csproj";

    /// <summary>
    /// Newtonsoft.Json is recorded as GPL-3.0-only (a reviewed licence mapping) so it is denied; the allow-list
    /// lacks Apache-2.0, so the xunit packages (Apache-2.0 in their .nuspec) are not allowed.
    /// </summary>
    public const string ViolatingPolicy = """
        {
          "dependencies": {
            "licenses": {
              "allow": ["MIT", "BSD-2-Clause", "BSD-3-Clause"],
              "packages": { "Newtonsoft.Json": "GPL-3.0-only" }
            }
          }
        }
        """;

    private readonly Lazy<(TestRepo Repo, BuildResult Build)> violating = new(BuildViolating);
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> compliant = new(BuildCompliant);

    public (TestRepo Repo, BuildResult Build) Violating => violating.Value;

    public (TestRepo Repo, BuildResult Build) Compliant => compliant.Value;

    private static (TestRepo, BuildResult) BuildViolating()
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.WriteFile("global.json", DependencySamples.GlobalJsonWithoutRollForward(repo.Sdk.Version))
            .WriteFile("standards.json", ViolatingPolicy)
            .WriteProject("src/App", "App", """
                  <ItemGroup>
                    <PackageReference Include="Newtonsoft.Json" Version="13.*" />
                  </ItemGroup>
                """)
            .WriteFile("src/App/Json.cs", DependencySamples.AppCode)
            .WriteProject("src/NoLock", "NoLock", """
                  <PropertyGroup>
                    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
                  </PropertyGroup>
                """)
            .WriteProject("tests/App.Tests", "App.Tests", """
                  <PropertyGroup>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                    <PackageReference Include="xunit" Version="2.9.3" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                  </ItemGroup>
                """);
        DependencySamples.WriteSolution(repo, AppProject, NoLockProject, TestsProject);
        return (repo, repo.Build("Repo.sln", ci: false, "-m:2"));
    }

    private static (TestRepo, BuildResult) BuildCompliant()
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        DependencySamples.WriteCompliant(repo);
        var restore = repo.Dotnet(["restore", repo.PathOf("Repo.sln")], ci: false);
        Assert.True(restore.Succeeded, restore.Output);
        repo.Git("init", "-q");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Compliant repo");
        return (repo, repo.Build("Repo.sln", ci: true, "-m:2"));
    }

    public void Dispose()
    {
        if (violating.IsValueCreated)
        {
            violating.Value.Repo.Dispose();
        }

        if (compliant.IsValueCreated)
        {
            compliant.Value.Repo.Dispose();
        }
    }
}
