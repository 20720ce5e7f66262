using Standards.Sdk.Checks.Release.Versioning;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>
/// Versioning on scripted git repositories (real git commands in temp folders), compared with the examples of
/// Nerdbank.GitVersioning's documentation (doc/versionJson.md, doc/public_vs_stable.md, doc/pathFilters.md,
/// doc/version-calculation.md).
/// </summary>
public sealed class VersionHistoryTests : IDisposable
{
    private readonly ScriptedGitRepo repo = ScriptedGitRepo.Init();

    public VersionHistoryTests() => VersionEngine.ClearCaches();

    public void Dispose() => repo.Dispose();

    [Fact]
    public void Doc_example_1_0_24_alpha_off_a_topic_branch_and_as_a_public_release()
    {
        // version-calculation.md: "1.0.24-alpha-g9a7eb6c819", and "1.0.24-alpha" when built as a public release.
        repo.CommitFile("version.json", """{ "version": "1.0-alpha", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        repo.CommitEmpty(23);
        repo.Git("checkout", "-q", "-b", "topic");

        var topic = Compute();
        var head = repo.Head;
        Assert.Equal($"1.0.24-alpha-g{head[..10]}", topic.Version!.NuGetPackageVersion);
        Assert.False(topic.Version.PublicRelease);

        repo.Git("checkout", "-q", "main");
        var main = Compute();
        Assert.Equal("1.0.24-alpha", main.Version!.NuGetPackageVersion);
        Assert.True(main.Version.PublicRelease);
        Assert.Equal(24, main.Version.VersionHeight);
    }

    [Fact]
    public void Doc_example_main_builds_1_2_5_and_1_2_9_and_a_topic_branch_gets_the_commit_suffix()
    {
        // public_vs_stable.md: building the 5th and 9th commits of main where 1.2 is the version gives 1.2.5 and 1.2.9;
        // a topic branch off the 10th gives 1.2.10-gc0ffee.
        repo.CommitFile("version.json", """{ "version": "1.2", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        repo.CommitEmpty(4);
        Assert.Equal("1.2.5", Compute().Version!.NuGetPackageVersion);
        repo.CommitEmpty(4);
        Assert.Equal("1.2.9", Compute().Version!.NuGetPackageVersion);
        repo.CommitEmpty(1);
        repo.Git("checkout", "-q", "-b", "fixBug");

        var topic = Compute().Version!;
        Assert.Equal($"1.2.10-g{repo.Head[..10]}", topic.NuGetPackageVersion);
        // x.y: the fourth number of the file version is the commit id's first 16 bits; the assembly version is x.y.0.0.
        Assert.Equal($"1.2.10.{Math.Min(0xFFFE, Convert.ToInt32(repo.Head[..4], 16))}", topic.BuildVersion);
        Assert.Equal("1.2.0.0", topic.AssemblyVersion);
        Assert.Equal($"1.2.10+{repo.Head[..10]}", topic.InformationalVersion);
    }

    [Fact]
    public void Height_restarts_at_1_when_the_version_changes_but_not_when_only_the_label_changes()
    {
        repo.CommitFile("version.json", """{ "version": "1.0-alpha" }""");
        repo.CommitEmpty(3);
        repo.CommitFile("version.json", """{ "version": "1.0-beta" }""");
        Assert.Equal(5, Compute().Version!.VersionHeight);

        repo.CommitFile("version.json", """{ "version": "1.1-beta" }""");
        repo.CommitEmpty(1);
        Assert.Equal(2, Compute().Version!.VersionHeight);
    }

    [Fact]
    public void Height_in_the_label_restarts_whenever_the_version_text_changes()
    {
        repo.CommitFile("version.json", """{ "version": "2.0.0-beta.{height}", "nugetPackageVersion": { "semVer": 2 } }""");
        repo.CommitEmpty(2);
        var beta = Compute().Version!;
        Assert.Equal(3, beta.VersionHeight);
        Assert.Equal($"2.0.0-beta.3.g{repo.Head[..10]}", beta.NuGetPackageVersion);
        Assert.Equal("2.0.0", beta.FileVersion); // as Nerdbank.GitVersioning: the numbers the version has

        repo.CommitFile("version.json", """{ "version": "2.0.0-rc.{height}", "nugetPackageVersion": { "semVer": 2 } }""");
        Assert.Equal(1, Compute().Version!.VersionHeight);
    }

    [Fact]
    public void SemVer_1_pads_numeric_label_identifiers_and_joins_them_with_dashes()
    {
        repo.CommitFile("version.json", """{ "version": "1.0.0-beta.{height}" }""");
        repo.CommitEmpty(6);
        var version = Compute().Version!;
        Assert.Equal($"1.0.0-beta-0007-g{repo.Head[..10]}", version.NuGetPackageVersion);
        Assert.Equal($"1.0.0-beta.7.g{repo.Head[..10]}", version.SemVer2);
    }

    [Fact]
    public void Three_numbers_put_the_height_fourth_and_the_offset_is_added()
    {
        repo.CommitFile("version.json", """{ "version": "3.1.4", "versionHeightOffset": 100, "assemblyVersion": { "precision": "revision" }, "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        repo.CommitEmpty(1);
        var version = Compute().Version!;
        Assert.Equal("3.1.4.102", version.BuildVersion);
        Assert.Equal("3.1.4.102", version.AssemblyVersion);
        Assert.Equal("3.1.4", version.NuGetPackageVersion);
        Assert.Equal($"3.1.4.102+{repo.Head[..10]}", version.InformationalVersion);
    }

    [Fact]
    public void Height_counts_the_longest_path_through_merges()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        repo.Git("checkout", "-q", "-b", "topic");
        repo.CommitEmpty(5);
        repo.Git("checkout", "-q", "main");
        repo.CommitEmpty(2);
        repo.Git("merge", "-q", "--no-ff", "--no-edit", "topic");

        // root (1) + five topic commits (5) + the merge (1); main's two commits are the shorter path.
        Assert.Equal(7, Compute().Version!.VersionHeight);
    }

    [Fact]
    public void Doc_example_path_filters_bump_only_the_projects_a_commit_touches()
    {
        // pathFilters.md: Foo, Bar and Quux each with "pathFilters": ["."].
        repo.Write("Foo/version.json", """{ "version": "1.0", "pathFilters": ["."] }""")
            .Write("Bar/version.json", """{ "version": "2.1", "pathFilters": ["."] }""")
            .Write("Quux/version.json", """{ "version": "4.3", "pathFilters": ["."] }""")
            .Commit("three projects");
        var start = (Foo: Height("Foo"), Bar: Height("Bar"), Quux: Height("Quux"));
        Assert.Equal((1, 1, 1), start);

        repo.CommitFile("README.md", "readme");
        Assert.Equal((1, 1, 1), (Height("Foo"), Height("Bar"), Height("Quux")));

        repo.Write("Bar/Program.cs", "p").Write("Quux/Quux.csproj", "q").Commit("bar and quux");
        Assert.Equal((1, 2, 2), (Height("Foo"), Height("Bar"), Height("Quux")));

        repo.CommitFile("Bar/MyClass.cs", "c");
        Assert.Equal((1, 3, 2), (Height("Foo"), Height("Bar"), Height("Quux")));
    }

    [Fact]
    public void Path_filter_forms_root_relative_exclusions_and_wildcards()
    {
        repo.Write("src/Lib/version.json", """{ "version": "1.0", "pathFilters": ["../../shared", ":/Directory.Build.props", ".", ":!docs", "/src/**/*.generated.cs"] }""")
            .Commit("start");
        int Lib() => Height("src/Lib");
        Assert.Equal(1, Lib());
        repo.CommitFile("src/Lib/docs/guide.md", "excluded");
        Assert.Equal(1, Lib());
        repo.CommitFile("shared/Common.cs", "sibling via ../");
        Assert.Equal(2, Lib());
        repo.CommitFile("Directory.Build.props", "root file via :/");
        Assert.Equal(3, Lib());
        repo.CommitFile("src/Other/Thing.generated.cs", "wildcard");
        Assert.Equal(4, Lib());
        repo.CommitFile("src/Other/Thing.cs", "not matched");
        Assert.Equal(4, Lib());
    }

    [Fact]
    public void Doc_examples_inherit_adds_replaces_or_keeps_the_label()
    {
        repo.Write("version.json", """{ "version": "1.2" }""")
            .Write("Experimental/version.json", """{ "inherit": true, "prerelease": "beta" }""")
            .Write("Stable/version.json", """{ "inherit": true, "prerelease": "" }""")
            .Write("Rc/version.json", """{ "inherit": true }""")
            .Commit("versions");

        Assert.Equal("1.2.1-beta", Compute("Experimental", publicRelease: true).Version!.NuGetPackageVersion);
        Assert.Equal("1.2.1", Compute("Rc", publicRelease: true).Version!.NuGetPackageVersion);

        repo.CommitFile("version.json", """{ "version": "1.2-alpha" }""");
        Assert.Equal("1.2.2", Compute("Stable", publicRelease: true).Version!.NuGetPackageVersion);
        repo.CommitFile("version.json", """{ "version": "1.2-rc" }""");
        Assert.Equal("1.2.3-rc", Compute("Rc", publicRelease: true).Version!.NuGetPackageVersion);
    }

    [Fact]
    public void Nested_version_json_without_inherit_is_a_separate_version_with_its_own_height()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        repo.CommitEmpty(3);
        repo.CommitFile("tools/version.json", """{ "version": "7.0" }""");
        Assert.Equal(5, Height(string.Empty));
        Assert.Equal(1, Height("tools"));
        Assert.Equal("7.0.1", Compute("tools", publicRelease: true).Version!.NuGetPackageVersion);
    }

    [Fact]
    public void Release_tags_and_release_branches_are_the_default_public_refs()
    {
        repo.CommitFile("version.json", """{ "version": "1.4" }""");
        repo.CommitEmpty(1);
        Assert.False(Compute().Version!.PublicRelease);

        repo.Git("checkout", "-q", "-b", "release/v1.4");
        var branch = Compute().Version!;
        Assert.True(branch.PublicRelease);
        Assert.Equal("1.4.2", branch.NuGetPackageVersion);

        repo.Git("checkout", "-q", "main");
        repo.Git("tag", "v1.4.2");
        var tagged = Compute();
        Assert.True(tagged.Version!.PublicRelease);
        Assert.Empty(tagged.Findings);
    }

    [Fact]
    public void Detached_head_uses_the_commit_and_a_ci_ref_decides_public()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        var commit = repo.CommitEmpty(2);
        repo.Git("checkout", "-q", "--detach", commit);

        var local = Compute();
        Assert.Null(local.BuildingRef);
        Assert.Equal($"1.0.3-g{commit[..10]}", local.Version!.NuGetPackageVersion);
        Assert.DoesNotContain(local.Findings, f => f.Severity >= Checks.Diagnostics.Severity.Warning);

        var ci = Compute(cloud: CloudBuildContext.FromEnvironment(name => name switch
        {
            "GITHUB_ACTIONS" => "true",
            "GITHUB_REF" => "refs/heads/release/v1.0",
            _ => null,
        }));
        Assert.Equal("refs/heads/release/v1.0", ci.BuildingRef);
        Assert.Equal("1.0.3", ci.Version!.NuGetPackageVersion);
    }

    [Fact]
    public void Tag_that_names_another_version_is_STD6006()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        repo.CommitEmpty(2);
        repo.Git("tag", "v1.0.0");

        var outcome = Compute();
        var finding = Assert.Single(outcome.Findings, f => f.Code == ReleaseRuleIds.ReleaseTagMismatch);
        Assert.Contains("v1.0.0", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1.0.3", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("version.json", finding.File, StringComparison.Ordinal);
        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void Version_below_the_latest_release_tag_is_STD6005()
    {
        repo.CommitFile("version.json", "{\n  \"version\": \"2.0\"\n}\n");
        repo.Git("tag", "v2.0.1");
        repo.CommitFile("version.json", "{\n  \"version\": \"1.9\"\n}\n");

        var finding = Assert.Single(Compute().Findings, f => f.Code == ReleaseRuleIds.VersionBehindReleaseTag);
        Assert.Contains("v2.0.1", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Line);

        repo.CommitFile("version.json", "{\n  \"version\": \"2.1\"\n}\n");
        Assert.DoesNotContain(Compute().Findings, f => f.Code == ReleaseRuleIds.VersionBehindReleaseTag);
    }

    [Fact]
    public void The_latest_release_is_the_highest_stable_tag_before_HEAD_so_prerelease_tags_and_HEAD_s_own_tag_are_skipped()
    {
        repo.CommitFile("version.json", "{\n  \"version\": \"1.0\"\n}\n");
        Assert.Null(Compute().LatestRelease);
        repo.Git("tag", "v1.0.1");
        Assert.Null(Compute().LatestRelease);

        repo.CommitFile("version.json", "{\n  \"version\": \"1.1-beta\"\n}\n");
        repo.Git("tag", "v1.1.0-beta.1");
        repo.CommitFile("version.json", "{\n  \"version\": \"1.2\"\n}\n");
        Assert.Equal("1.0.1", Compute().LatestRelease);

        // The result cache keeps it: from memory, then from the state file.
        var state = PackedSdk.NewTempDirectory("state");
        Assert.Equal("1.0.1", Compute(state: state).LatestRelease);
        VersionEngine.ClearCaches();
        Assert.Equal("1.0.1", Compute(state: state).LatestRelease);
    }

    [Fact]
    public void Shallow_clone_that_cuts_the_counted_history_is_STD6003_and_a_deep_enough_one_is_fine()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        repo.CommitEmpty(5);
        using var shallow = repo.Clone("--depth", "2");
        var cut = VersionEngine.Compute(new VersionRequest { ProjectDirectory = shallow.Root });
        var finding = Assert.Single(cut.Findings, f => f.Code == ReleaseRuleIds.ShallowClone);
        Assert.Contains("fetch-depth: 0", finding.Message, StringComparison.Ordinal);

        repo.CommitFile("version.json", """{ "version": "1.1" }""");
        repo.CommitEmpty(1);
        using var enough = repo.Clone("--depth", "4");
        var deep = VersionEngine.Compute(new VersionRequest { ProjectDirectory = enough.Root });
        Assert.Empty(deep.Findings);
        Assert.Equal(2, deep.Version!.VersionHeight);
    }

    [Fact]
    public void No_git_is_a_STD6004_warning_with_the_fallback_height()
    {
        var folder = PackedSdk.NewTempDirectory("tarball");
        File.WriteAllText(Path.Combine(folder, "version.json"), """{ "version": "3.2.1" }""");

        var outcome = VersionEngine.Compute(new VersionRequest { ProjectDirectory = folder });
        var warning = Assert.Single(outcome.Findings);
        Assert.Equal(ReleaseRuleIds.NoGitRepository, warning.Code);
        Assert.Equal(Checks.Diagnostics.Severity.Warning, warning.Severity);
        Assert.Equal("3.2.1", outcome.Version!.NuGetPackageVersion);
        Assert.Equal("3.2.1.0", outcome.Version.FileVersion);

        var acknowledged = VersionEngine.Compute(new VersionRequest { ProjectDirectory = folder, FallbackHeight = 42 });
        Assert.Equal(Checks.Diagnostics.Severity.Info, Assert.Single(acknowledged.Findings).Severity);
        Assert.Equal("3.2.1.42", acknowledged.Version!.FileVersion);
    }

    [Fact]
    public void Uncommitted_version_change_counts_from_zero()
    {
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        repo.CommitEmpty(2);
        Assert.Equal(3, Compute().Version!.VersionHeight);

        repo.Write("version.json", """{ "version": "1.1" }""");
        var outcome = Compute();
        Assert.Equal(0, outcome.Version!.VersionHeight);
        Assert.StartsWith("1.1.0-g", outcome.Version.NuGetPackageVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_are_cached_by_head_and_a_new_commit_or_tag_recomputes()
    {
        var state = PackedSdk.NewTempDirectory("state");
        repo.CommitFile("version.json", """{ "version": "1.0" }""");
        Assert.Equal("git", Compute(state: state).FactsSource);
        Assert.Equal("memory", Compute(state: state).FactsSource);
        VersionEngine.ClearCaches();
        Assert.Equal("cache file", Compute(state: state).FactsSource);

        repo.CommitEmpty(1);
        var next = Compute(state: state);
        Assert.Equal("git", next.FactsSource);
        Assert.Equal(2, next.Version!.VersionHeight);

        repo.Git("tag", "v1.0.2");
        Assert.Equal("git", Compute(state: state).FactsSource);
    }

    [Fact]
    public void Cloud_build_number_follows_version_json()
    {
        repo.CommitFile("version.json", """{ "version": "1.0", "cloudBuild": { "buildNumber": { "enabled": true } } }""");
        var outcome = Compute();
        Assert.Equal($"1.0.1+{repo.Head[..10]}", outcome.Version!.CloudBuildNumber);

        var released = Compute(publicRelease: true);
        Assert.Equal("1.0.1", released.Version!.CloudBuildNumber);
    }

    private int Height(string directory) => Compute(directory).Version!.VersionHeight;

    private VersionOutcome Compute(string directory = "", bool? publicRelease = null, CloudBuildContext? cloud = null, string? state = null) =>
        VersionEngine.Compute(new VersionRequest
        {
            ProjectDirectory = Path.Combine(repo.Root, directory),
            PublicReleaseOverride = publicRelease,
            Cloud = cloud ?? CloudBuildContext.None,
            StateDirectory = state,
        });
}
