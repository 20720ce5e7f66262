using System.IO.Compression;
using static Standards.Sdk.IntegrationTests.Release.ReleaseRepos;

namespace Standards.Sdk.IntegrationTests.Release;

/// <summary>Versioning in real builds of the packed SDK: what the assembly and the package carry, the caches, the diagnostics.</summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class VersioningBuildTests
{
    [Fact]
    public void Build_and_pack_carry_the_computed_version_and_p_Version_overrides_it_everywhere()
    {
        using var repo = Library("""{ "version": "1.4-beta", "publicReleaseRefSpec": ["^refs/heads/main$"] }""");
        ReleaseCommit(repo, 2);
        var head = Head(repo);

        var explain = repo.Dotnet(["build", repo.PathOf(LibraryProject), "-t:StandardsVersion", "-tl:off", ReleaseOnly], ci: false);
        Assert.True(explain.Succeeded, explain.Output);
        Assert.Contains("NuGetPackageVersion:          1.4.3-beta", explain.Output, StringComparison.Ordinal);
        Assert.Contains($"AssemblyInformationalVersion: 1.4.3-beta+{head[..10]}", explain.Output, StringComparison.Ordinal);
        Assert.Contains("height 3: commits on the longest path since version 1.4 was set", explain.Output, StringComparison.Ordinal);
        Assert.Contains("public release: yes, refs/heads/main matches ^refs/heads/main$", explain.Output, StringComparison.Ordinal);

        var pack = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/a"), "-tl:off", ReleaseOnly, NoRestore], ci: true);
        Assert.True(pack.Succeeded, pack.Output);
        Assert.True(File.Exists(repo.PathOf("artifacts/a/Acme.Widgets.1.4.3-beta.nupkg")), pack.Output);
        var info = repo.ReadFile("src/Acme.Widgets/obj/Release/net10.0/Acme.Widgets.AssemblyInfo.cs");
        Assert.Contains("AssemblyVersionAttribute(\"1.4.0.0\")", info, StringComparison.Ordinal);
        Assert.Contains($"AssemblyFileVersionAttribute(\"1.4.3.{Math.Min(0xFFFE, Convert.ToInt32(head[..4], 16))}\")", info, StringComparison.Ordinal);
        Assert.Contains($"AssemblyInformationalVersionAttribute(\"1.4.3-beta+{head[..10]}\")", info, StringComparison.Ordinal);

        // A package that references the library depends on the library's computed version.
        repo.WriteProject("src/Acme.Widgets.Extras", "Acme.Widgets.Extras", """
              <ItemGroup>
                <ProjectReference Include="../Acme.Widgets/Acme.Widgets.csproj" />
              </ItemGroup>
            """)
            .WriteFile("src/Acme.Widgets.Extras/Extra.cs", "namespace Acme.Widgets.Extras;\n\n/// <summary>Extra.</summary>\npublic static class Extra\n{\n    /// <summary>JSON.</summary>\n    /// <returns>Text.</returns>\n    public static string Json() => Acme.Widgets.Gadget.ToJson();\n}\n");
        Commit(repo);
        var extras = repo.Dotnet(["pack", repo.PathOf("src/Acme.Widgets.Extras/Acme.Widgets.Extras.csproj"), "-o", repo.PathOf("artifacts/x"), "-tl:off", ReleaseOnly], ci: true);
        Assert.True(extras.Succeeded, extras.Output);
        using (var zip = ZipFile.OpenRead(repo.PathOf("artifacts/x/Acme.Widgets.Extras.1.4.4-beta.nupkg")))
        using (var nuspec = new StreamReader(zip.GetEntry("Acme.Widgets.Extras.nuspec")!.Open()))
        {
            Assert.Contains("<dependency id=\"Acme.Widgets\" version=\"1.4.4-beta\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
        }

        // A release pipeline's -p:Version=X wins: package, nuspec and assembly all say X.
        var forced = repo.Dotnet(["pack", repo.PathOf(LibraryProject), "-o", repo.PathOf("artifacts/b"), "-tl:off", "-p:Version=9.9.9", ReleaseOnly], ci: true);
        Assert.True(forced.Succeeded, forced.Output);
        using (var zip = ZipFile.OpenRead(repo.PathOf("artifacts/b/Acme.Widgets.9.9.9.nupkg")))
        using (var nuspec = new StreamReader(zip.GetEntry("Acme.Widgets.nuspec")!.Open()))
        {
            Assert.Contains("<version>9.9.9</version>", nuspec.ReadToEnd(), StringComparison.Ordinal);
        }

        var forcedInfo = repo.ReadFile("src/Acme.Widgets/obj/Release/net10.0/Acme.Widgets.AssemblyInfo.cs");
        Assert.Contains("AssemblyVersionAttribute(\"9.9.9.0\")", forcedInfo, StringComparison.Ordinal);
        Assert.Contains("AssemblyInformationalVersionAttribute(\"9.9.9", forcedInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void No_op_build_reuses_the_cached_facts_and_a_new_commit_recomputes()
    {
        using var repo = Library("""{ "version": "3.0" }""");
        var first = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.True(first.Succeeded, first.Output);
        Assert.Contains("facts from git", first.Output, StringComparison.Ordinal);

        var noOp = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.True(noOp.Succeeded, noOp.Output);
        Assert.DoesNotContain("facts from git", noOp.Output, StringComparison.Ordinal);
        Assert.Contains("version 3.0.1-g", noOp.Output, StringComparison.Ordinal);
        Assert.True(noOp.Skipped("CoreCompile"), noOp.Output);

        // The version is computed by a build target, after restore: a commit is no restore input.
        ReleaseCommit(repo, 1);
        var next = repo.Build(LibraryProject, ci: false, ReleaseOnly, NoRestore);
        Assert.Contains("facts from git", next.Output, StringComparison.Ordinal);
        Assert.Contains("version 3.0.2-g", next.Output, StringComparison.Ordinal);
        Assert.True(next.Ran("CoreCompile"), next.Output);
    }

    [Fact]
    public void Malformed_version_json_is_STD6001_with_file_and_line_and_a_Version_in_the_project_is_STD6008()
    {
        using var repo = Library("{\n  \"version\": \"1.0\",\n  \"pathFilters\": [\"src\"\n}\n");
        var broken = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.False(broken.Succeeded);
        var error = Assert.Single(broken.Errors.DistinctBy(e => e.Code));
        Assert.Equal("STD6001", error.Code);
        Assert.Equal("version.json", error.FileName);
        Assert.Equal(4, error.Line);
        Assert.DoesNotContain("MSB4018", broken.Output, StringComparison.Ordinal);

        repo.WriteFile("version.json", """{ "version": "1.0" }""")
            .WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <Version>5.0.0</Version>\n  </PropertyGroup>\n</Project>\n");
        Commit(repo);
        var overridden = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.True(overridden.Succeeded, overridden.Output);
        var warning = overridden.Warnings.First(w => w.Code == "STD6008");
        Assert.Equal("Directory.Build.props", warning.FileName);
        Assert.Equal(3, warning.Line);
        // The first commit's version.json did not parse: it gives no version, so the height starts again here.
        Assert.Contains("version 1.0.1-g", overridden.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Shallow_clone_fails_with_STD6003_and_no_git_warns_with_STD6004()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        ReleaseCommit(repo, 3);
        using var clone = TestRepo.Create();
        Directory.Delete(clone.Root, recursive: true);
        var cloned = ProcessRunner.Run("git", ["clone", "-q", "--depth", "2", new Uri(repo.Root).AbsoluteUri, clone.Root], repo.Root);
        Assert.Equal(0, cloned.ExitCode);
        var shallow = clone.Build(LibraryProject, ci: true, ReleaseOnly);
        Assert.False(shallow.Succeeded);
        var error = Assert.Single(shallow.Errors.Where(e => e.Code == "STD6003").DistinctBy(e => e.Code));
        Assert.Contains("fetch-depth: 0", error.Message, StringComparison.Ordinal);
        Assert.Equal("version.json", error.FileName);

        Directory.Delete(repo.PathOf(".git"), recursive: true);
        var tarball = repo.Build(LibraryProject, ci: false, ReleaseOnly);
        Assert.True(tarball.Succeeded, tarball.Output);
        Assert.Contains(tarball.Warnings, w => w.Code == "STD6004" && w.FileName == "version.json");
        Assert.Contains("version 1.0.0 ", tarball.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_systems_get_the_build_number_and_version_variables()
    {
        using var repo = Library("""{ "version": "1.0", "cloudBuild": { "buildNumber": { "enabled": true } } }""", multiTarget: true);
        var azure = repo.Dotnet(["build", repo.PathOf(LibraryProject), "-tl:off", "-v:n", ReleaseOnly], ci: false,
            new Dictionary<string, string?> { ["TF_BUILD"] = "True", ["SYSTEM_TEAMPROJECTID"] = "p", ["BUILD_SOURCEBRANCH"] = "refs/heads/feature/x" });
        Assert.True(azure.Succeeded, azure.Output);
        var head = Head(repo);
        Assert.Contains($"##vso[build.updatebuildnumber]1.0.1+{head[..10]}", azure.Output, StringComparison.Ordinal);
        Assert.Contains("##vso[task.setvariable variable=GitBuildVersionSimple;]1.0.1", azure.Output, StringComparison.Ordinal);

        var env = repo.PathOf("github.env");
        var summary = repo.PathOf("github.summary");
        var github = repo.Dotnet(["build", repo.PathOf(LibraryProject), "-tl:off", "--no-incremental", ReleaseOnly, NoRestore], ci: false,
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/tags/v1.0.1", ["GITHUB_ENV"] = env, ["GITHUB_STEP_SUMMARY"] = summary });
        Assert.True(github.Succeeded, github.Output);
        var variables = File.ReadAllLines(env);
        Assert.Contains("GitNuGetPackageVersion=1.0.1", variables);
        Assert.Single(variables, l => l.StartsWith("GitBuildVersionSimple=", StringComparison.Ordinal)); // once, although three project instances (outer, two frameworks) computed it
        Assert.Contains("`1.0.1`", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CI_file_the_version_cannot_be_written_to_is_STD0008_and_the_switch_it_names_turns_the_hand_over_off()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        // A file where GITHUB_ENV's folder should be: as unwritable as a runner file owned by another user, also as root.
        repo.WriteFile("not-a-folder", string.Empty);
        var github = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/heads/main", ["GITHUB_ENV"] = repo.PathOf("not-a-folder/github.env") };

        var build = repo.Dotnet(["build", repo.PathOf(LibraryProject), "-tl:off", ReleaseOnly], ci: false, github);
        Assert.False(build.Succeeded, build.Output);
        var error = Assert.Single(build.Errors.Where(e => e.Code == "STD0008").DistinctBy(e => e.Message));
        Assert.Contains("not-a-folder/github.env", error.Message, StringComparison.Ordinal);
        Assert.Contains("later CI steps do not get the version", error.Message, StringComparison.Ordinal);
        Assert.Contains("-p:StandardsSetCloudBuildVariables=false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(build.Errors, e => e.Code == "STD0000");

        var off = repo.Dotnet(["build", repo.PathOf(LibraryProject), "-tl:off", "-v:n", "-p:StandardsSetCloudBuildVariables=false", ReleaseOnly, NoRestore], ci: false, github);
        Assert.True(off.Succeeded, off.Output);
        Assert.Contains("version 1.0.", off.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Nerdbank_switch_references_the_real_package_and_turns_the_built_in_versioning_off()
    {
        using var repo = Library("""{ "version": "1.0" }""");
        var evaluation = repo.Dotnet(["msbuild", repo.PathOf(LibraryProject), "-getItem:PackageReference", "-getProperty:_StandardsVersioningActive", "-p:StandardsUseNerdbankGitVersioning=true", "-p:TargetFramework=net10.0"], ci: false);
        Assert.True(evaluation.Succeeded, evaluation.Output);
        Assert.Contains("\"Identity\": \"Nerdbank.GitVersioning\"", evaluation.Output, StringComparison.Ordinal);
        Assert.Contains("\"_StandardsVersioningActive\": \"\"", evaluation.Output, StringComparison.Ordinal);

        var usual = repo.Dotnet(["msbuild", repo.PathOf(LibraryProject), "-getProperty:_StandardsVersioningActive", "-p:TargetFramework=net10.0"], ci: false);
        Assert.Contains("true", usual.Output, StringComparison.Ordinal);
    }

    /// <summary>Empty commits on main (each one more height).</summary>
    private static void ReleaseCommit(TestRepo repo, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Commit(repo, $"commit {i}");
        }
    }
}
