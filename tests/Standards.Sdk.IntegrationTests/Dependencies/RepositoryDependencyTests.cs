namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>
/// The repo-wide dependency rules (STD2001-STD2009), reported by the repository checks of a real build: a local one, where
/// their errors are warnings as the compiler's are (a CI build fails on them: RepositoryReliabilityTests).
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class RepositoryDependencyTests(DependencyRepos repos) : IClassFixture<DependencyRepos>
{
    private static BuildDiagnostic Single(BuildResult build, string code, string pathEnd)
    {
        var found = build.About(code, pathEnd).ToList();
        Assert.True(found.Count == 1, $"expected one {code} for {pathEnd}, got {found.Count}:\n{build}");
        return found[0];
    }

    [Fact]
    public void Missing_central_package_management_is_STD2001()
    {
        var finding = Single(repos.Violating.Build, "STD2001", "Directory.Packages.props");

        Assert.Equal("warning", finding.Severity);
        Assert.Contains("There is no Directory.Packages.props at the repo root", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_on_a_PackageReference_is_STD2002_and_a_floating_one_STD2003()
    {
        var version = Single(repos.Violating.Build, "STD2002", DependencyRepos.AppProject);
        var floating = Single(repos.Violating.Build, "STD2003", DependencyRepos.AppProject);

        Assert.Equal(("warning", 3), (version.Severity, version.Line));
        Assert.Contains("PackageReference Newtonsoft.Json in App sets Version=\"13.*\"", version.Message, StringComparison.Ordinal);
        Assert.Equal(("warning", 3), (floating.Severity, floating.Line));
        Assert.Contains("'13.*' floats", floating.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_without_a_lock_file_is_STD2004()
    {
        var finding = Single(repos.Violating.Build, "STD2004", "src/NoLock/packages.lock.json");

        Assert.Equal("warning", finding.Severity);
        Assert.Contains("dotnet restore --force-evaluate", finding.Message, StringComparison.Ordinal);
        Assert.Empty(repos.Violating.Build.About("STD2004", "src/App/packages.lock.json"));
    }

    [Fact]
    public void Global_json_without_roll_forward_is_STD2009()
    {
        var finding = Single(repos.Violating.Build, "STD2009", "global.json");

        Assert.Equal(("warning", 2), (finding.Severity, finding.Line));
    }

    [Fact]
    public void Compliant_repo_has_no_repository_dependency_findings()
    {
        Assert.Empty(repos.Compliant.Build.DependencyDiagnostics());
    }

    [Fact]
    public void Lock_file_drift_uncommitted_and_corrupt_lock_files_are_reported_with_the_fix()
    {
        // The shared compliant repo: restored, its lock files committed, built once in CI with no finding (the test
        // above reads that build's result, recorded before this test changes the repo). This test needs that very
        // start; a repo of its own would pay the same restore again.
        var repo = repos.Compliant.Repo;

        // A central version changed without restoring: our check names the package and the command...
        repo.WriteFile("Directory.Packages.props", DependencySamples.PackagesProps.Replace("13.0.3", "13.0.4", StringComparison.Ordinal));
        var drift = repo.Build("Repo.sln", ci: false, "--no-restore");
        var finding = Single(drift, "STD2005", "src/App/packages.lock.json");
        Assert.Equal("warning", finding.Severity);
        Assert.True(finding.Message.Contains("Newtonsoft.Json [13.0.3, ) (net10.0) but the project now asks for [13.0.4, )", StringComparison.Ordinal), finding.Message);
        Assert.Contains("Run `dotnet restore --force-evaluate` from the repo root", finding.Message, StringComparison.Ordinal);

        // ...and CI's locked-mode restore fails first with NuGet's NU1004.
        var locked = repo.Dotnet(["restore", repo.PathOf("Repo.sln")], ci: true);
        Assert.False(locked.Succeeded);
        Assert.NotEmpty(locked.WithCode("NU1004"));

        // The documented fix clears it; a corrupt lock file and an untracked one are reported.
        var fixedRestore = repo.Dotnet(["restore", repo.PathOf("Repo.sln"), "--force-evaluate"], ci: false);
        Assert.True(fixedRestore.Succeeded, fixedRestore.Output);
        repo.WriteFile("src/App/packages.lock.json", "{\n  \"version\": 2,\n  \"dependencies\": {\n");
        repo.Git("rm", "-q", "--cached", "tests/App.Tests/packages.lock.json");
        var broken = repo.Build("Repo.sln", ci: false, "--no-restore");
        Assert.Empty(broken.WithCode("STD2005"));
        Assert.Equal(4, Single(broken, "STD2006", "src/App/packages.lock.json").Line);
        Assert.Contains("git add tests/App.Tests/packages.lock.json", Single(broken, "STD2004", "tests/App.Tests/packages.lock.json").Message, StringComparison.Ordinal);
    }
}
