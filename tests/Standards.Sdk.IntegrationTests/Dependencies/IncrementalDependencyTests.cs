namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>The per-project dependency check is skipped on a no-op build and re-runs when an input changes.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class IncrementalDependencyTests
{
    private const string Target = "StandardsCheckDependencies";

    [Fact]
    public void Dependency_check_is_skipped_on_no_op_and_rerun_when_settings_packages_or_policy_change()
    {
        using var repo = TestRepo.Create();
        repo.WriteProject("src/Deps.Sample", "Deps.Sample")
            .WriteFile("src/Deps.Sample/Api.cs", "namespace Samples.Deps;\n\n/// <summary>Sample.</summary>\npublic static class Api\n{\n}\n");
        const string project = "src/Deps.Sample/Deps.Sample.csproj";

        var first = repo.Build(project, ci: false);
        Assert.True(first.Succeeded, first.Output);
        Assert.True(first.Ran(Target), first.Output);
        Assert.True(repo.Build(project, ci: false).Skipped(Target));

        // A weakened audit setting in the project: re-run, STD2010.
        repo.WriteProject("src/Deps.Sample", "Deps.Sample", "  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n  </PropertyGroup>");
        var weakened = repo.Build(project, ci: false);
        Assert.True(weakened.Ran(Target), weakened.Output);
        Assert.Contains(weakened.Diagnostics, d => d.Code == "STD2010");

        // Back to compliant, then a policy file appears: both re-run. The two project edits are restore inputs
        // (NuGetAudit), so those builds restore, as the first two do; standards.json is none, and the builds from the
        // no-op after the edit back on do not restore again (the no-op after the first build showed that a restore
        // does not disturb the skip).
        repo.WriteProject("src/Deps.Sample", "Deps.Sample");
        Assert.True(repo.Build(project, ci: false).Ran(Target));
        Assert.True(repo.Build(project, ci: false, "--no-restore").Skipped(Target));
        repo.WriteFile("standards.json", """{ "dependencies": { "licenses": { "allow": ["Apache-2.0"] } } }""");
        var policy = repo.Build(project, ci: false, "--no-restore");
        Assert.True(policy.Ran(Target), policy.Output);
        Assert.True(repo.Build(project, ci: false, "--no-restore").Skipped(Target));
    }
}
