namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>
/// Builds every violating sample in one repo and every compliant sample in another, once per test run, in CI
/// mode (one solution build each keeps the suite fast); the tests then assert per project.
/// </summary>
public sealed class PolicySampleRepos : IDisposable
{
    /// <summary>These tests are about the build policy; repo-wide checks and locked restore have their own tests.</summary>
    private const string PolicyOnly = "-p:StandardsRepositoryChecks=false;RestoreLockedMode=false";

    private readonly Lazy<(TestRepo Repo, BuildResult Build)> violating = new(() => BuildAll(PolicySamples.Violating, null));
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> compliant = new(() => BuildAll(PolicySamples.Compliant, PolicySamples.CompliantPolicy));

    /// <summary>The violating repo and its CI build.</summary>
    public (TestRepo Repo, BuildResult Build) Violating => violating.Value;

    /// <summary>The compliant repo and its CI build.</summary>
    public (TestRepo Repo, BuildResult Build) Compliant => compliant.Value;

    /// <summary>Writes the samples into a new repo with a solution and builds it with CI=true.</summary>
    public static (TestRepo Repo, BuildResult Build) BuildAll(IEnumerable<PolicySample> samples, string? policy)
    {
        var repo = TestRepo.Create();
        if (policy is not null)
        {
            repo.WriteFile("standards.json", policy);

            // Central package management: the SDK's implicit analyzer references must restore under it.
            repo.WriteFile("Directory.Packages.props", "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n  </PropertyGroup>\n</Project>\n");
        }

        var projects = new List<string>();
        foreach (var sample in samples)
        {
            repo.WriteProject(sample.Folder, sample.Project, sample.ProjectBody);
            foreach (var (file, content) in sample.Files)
            {
                repo.WriteFile($"{sample.Folder}/{file}", content);
            }

            projects.Add($"{sample.Folder}/{sample.Project}.csproj");
        }

        repo.WriteSolution("Samples", [.. projects]);
        return (repo, repo.Build("Samples.sln", ci: true, "-m:2", PolicyOnly));
    }

    /// <inheritdoc />
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
