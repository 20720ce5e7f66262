using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>A project's version step as a plain check: the version, a Version set in vain, and the hand-over to CI.</summary>
public sealed class VersionCheckTests
{
    private readonly string folder = PackedSdk.NewTempDirectory("version-check");

    public VersionCheckTests()
    {
        VersionEngine.ClearCaches();
        File.WriteAllText(Path.Combine(folder, "version.json"), """{ "version": "3.2.1" }""");
    }

    private VersionCheckInput Input(string? versionSet = null, string? githubEnv = null) =>
        new(new VersionRequest { ProjectDirectory = folder, FallbackHeight = 42, Cloud = new CloudBuildContext(githubEnv is null ? null : "github", null, null) },
            versionSet, () => (Path.Combine(folder, "Directory.Build.props"), 7))
        {
            SetCloudBuildVariables = githubEnv is not null,
            Variable = name => name == "GITHUB_ENV" ? githubEnv : null,
        };

    [Fact]
    public void A_Version_the_project_sets_is_STD6008_where_it_is_set()
    {
        var outcome = VersionCheck.Run(Input(versionSet: "9.9.9"));

        Assert.Equal("3.2.1", outcome.Version.Version!.NuGetPackageVersion);
        var set = Assert.Single(outcome.Findings, f => f.Code == ReleaseRuleIds.VersionSetInProject);
        Assert.Equal((Path.Combine(folder, "Directory.Build.props"), 7), (set.File, set.Line));
        Assert.StartsWith("Version is set to '9.9.9' here, but version.json decides the version (3.2.1)", set.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_Version_in_the_project_adds_nothing_to_the_engines_findings()
    {
        var outcome = VersionCheck.Run(Input());

        Assert.Equal(ReleaseRuleIds.NoGitRepository, Assert.Single(outcome.Findings).Code);
        Assert.Empty(outcome.Announced);
    }

    [Fact]
    public void The_GitHub_variables_are_appended_once_however_often_the_step_runs()
    {
        var env = Path.Combine(folder, "github.env");

        VersionCheck.Run(Input(githubEnv: env));
        VersionCheck.Run(Input(githubEnv: env));

        var lines = File.ReadAllLines(env);
        Assert.Single(lines, l => l == "GitNuGetPackageVersion=3.2.1");
    }

    [Fact]
    public void A_line_already_handed_over_in_this_build_is_not_written_again()
    {
        var env = Path.Combine(folder, "github.env");

        var outcome = VersionCheck.Run(Input(githubEnv: env) with { FirstInBuild = _ => false });

        Assert.False(File.Exists(env));
        Assert.DoesNotContain(outcome.Findings, f => f.Code == PolicyRuleIds.StateNotWritable);
    }

    [Fact]
    public void A_GitHub_env_file_that_cannot_be_written_is_STD0008_naming_it()
    {
        var blocked = Path.Combine(folder, "blocked");
        File.WriteAllText(blocked, "a file where a folder should be");
        var env = Path.Combine(blocked, "github.env");

        var outcome = VersionCheck.Run(Input(githubEnv: env));

        var finding = Assert.Single(outcome.Findings, f => f.Code == PolicyRuleIds.StateNotWritable);
        Assert.Equal(env, finding.File);
        Assert.StartsWith($"Standards.Sdk could not write {env} (", finding.Message, StringComparison.Ordinal);
    }
}
