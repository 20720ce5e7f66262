namespace Standards.Sdk.IntegrationTests.Dependencies;

/// <summary>Each §2 row on real builds of the packed SDK: the violating repo gives the exact finding, the compliant none.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class DependencyRuleTests(DependencyRepos repos) : IClassFixture<DependencyRepos>
{
    private static BuildDiagnostic Single(BuildResult build, string code, string pathEnd)
    {
        var found = build.About(code, pathEnd).ToList();
        Assert.True(found.Count == 1, $"expected one {code} for {pathEnd}, got {found.Count}:\n{build}");
        return found[0];
    }

    [Fact]
    public void Compliant_repo_has_no_dependency_findings_in_a_CI_build()
    {
        var build = repos.Compliant.Build;

        Assert.Empty(build.DependencyDiagnostics());
        Assert.Empty(build.WithCode("NU1004"));
        Assert.Equal(2, build.RunCount("StandardsCheckDependencies"));
        Assert.True(repos.Compliant.Repo.Exists("src/App/packages.lock.json"));
        Assert.True(repos.Compliant.Repo.Exists("tests/App.Tests/packages.lock.json"));
    }

    [Fact]
    public void No_op_build_skips_the_dependency_check()
    {
        var again = repos.Compliant.Repo.Build("Repo.sln", ci: true, "-m:2");

        Assert.Empty(again.DependencyDiagnostics());
        Assert.Equal(0, again.RunCount("StandardsCheckDependencies"));
        Assert.Equal(2, again.TargetRuns("StandardsCheckDependencies").Count(r => r.Outcome == TargetOutcome.SkippedUpToDate));
    }

    [Fact]
    public void Audit_turned_off_is_STD2010_at_its_line()
    {
        var finding = Single(repos.Violating.Build, "STD2010", DependencyRepos.TestsProject);

        Assert.Equal(("error", 3), (finding.Severity, finding.Line));
        Assert.Contains("NuGetAudit is 'false'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Denied_licence_is_STD2012_at_the_reference()
    {
        var finding = Single(repos.Violating.Build, "STD2012", DependencyRepos.AppProject);

        Assert.Equal(("error", 3), (finding.Severity, finding.Line));
        Assert.Contains("Package Newtonsoft.Json 13.0", finding.Message, StringComparison.Ordinal);
        Assert.Contains("GPL-3.0-only", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Licence_not_on_the_allow_list_is_STD2011_read_from_the_nuspec()
    {
        var findings = repos.Violating.Build.About("STD2011", DependencyRepos.TestsProject).ToList();

        var xunit = Assert.Single(findings, f => f.Message.StartsWith("Package xunit 2.9.3 (a direct dependency)", StringComparison.Ordinal));
        Assert.Equal(("warning", 7), (xunit.Severity, xunit.Line));
        Assert.Contains("licence Apache-2.0, which is not on the allow-list", xunit.Message, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Message.StartsWith("Package xunit.abstractions 2.0.3 (brought in by xunit)", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Message.Contains("Microsoft.NET.Test.Sdk", StringComparison.Ordinal));
    }
}
