using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Reliability;

/// <summary>
/// On real builds of the repository checks: no stale pass (a monorepo whose root is a subfolder of the git
/// work tree, a content change with an older time, `git rm --cached`), no silent skip (a dangling CODEOWNERS link,
/// git missing from PATH), no crash (a state folder that cannot be written), settings that reach the checks
/// (-p:StandardsPolicyFile, target frameworks from Directory.Build.props), and two concurrent builds in different
/// modes, interleaved through the repo lock, each with its own verdict.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class RepositoryReliabilityTests
{
    private const string Target = "StandardsRepositoryChecks";
    private const string Lock = "src/Acme.Orders/packages.lock.json";

    [Fact]
    public void A_monorepo_subfolder_sees_index_changes_time_reversed_edits_and_unreadable_files()
    {
        using var repo = LayoutRepos.CompliantAt("mono/services/orders", "library");
        var top = Path.GetFullPath(Path.Combine(repo.Root, "..", ".."));
        Git(top, "init", "-q");

        // Lock files appear with the first restore: not committed yet, STD2004.
        var first = Build(repo, restore: true);
        Assert.Contains(("STD2004", Lock, 0), LayoutRepos.RepoFindings(repo, first));

        Git(top, "add", "-A");
        Git(top, "commit", "-q", "-m", "initial");
        var committed = Build(repo);
        Assert.True(committed.Ran(Target), "committing changes git's index, which lives above the repo root");
        Assert.True(committed.Succeeded, committed.ToString());
        Assert.True(Build(repo).Skipped(Target), "nothing changed");

        // CODEOWNERS loses the owners of src/, and the new file carries an older time (mv, cp -p, rsync -a, tar x).
        var codeOwners = repo.PathOf(".github/CODEOWNERS");
        var older = codeOwners + ".older";
        File.WriteAllText(older, "*            @acme/platform\n/src/\n");
        File.SetLastWriteTimeUtc(older, File.GetLastWriteTimeUtc(codeOwners).AddDays(-30));
        File.Move(older, codeOwners, overwrite: true);
        var reversed = Build(repo);
        Assert.True(reversed.Ran(Target), "a content change must re-run the checks whatever the time says");
        Assert.Contains(("STD3003", "src/Acme.Orders/Acme.Orders.csproj", 1), LayoutRepos.RepoFindings(repo, reversed));

        Git(top, "checkout", "--", "services/orders/.github/CODEOWNERS");
        Git(top, "rm", "--cached", "-q", "services/orders/" + Lock);
        var untracked = Build(repo);
        Assert.True(untracked.Ran(Target));
        Assert.Equal([("STD2004", Lock, 0)], LayoutRepos.RepoFindings(repo, untracked));

        Git(top, "add", "services/orders/" + Lock);
        File.Delete(codeOwners);
        File.CreateSymbolicLink(codeOwners, "../../shared/CODEOWNERS");
        var dangling = Build(repo);
        Assert.False(dangling.Succeeded);
        var unreadable = Assert.Single(dangling.Diagnostics, d => d.Code == "STD0007");
        Assert.Equal(codeOwners, unreadable.File);
        Assert.Contains("symbolic link to '../../shared/CODEOWNERS', which does not exist", unreadable.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dangling.Diagnostics, d => d.Code == "STD0000");
    }

    [Fact]
    public void Concurrent_builds_in_different_modes_each_get_their_own_verdict()
    {
        using var repo = LayoutRepos.Compliant("library");
        repo.DeleteFile("SECURITY.md");
        var restore = Build(repo, restore: true);
        Assert.True(restore.Succeeded, restore.ToString());

        // A change, so that neither build finds its verdict up to date: both must run the checks.
        repo.WriteFile("README.md", "# Acme\n\nOrders.\n");

        // Hold the repo lock as a concurrent build would: both builds decide to run the checks, then wait for it.
        var lockFile = repo.PathOf("artifacts/standards/obj/repository.lock");
        RunningBuild local;
        RunningBuild ci;
        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            string[] arguments = ["--no-restore", "-p:StandardsToday=" + LayoutRepos.Today];
            local = repo.StartBuild("All.slnx", ci: false, arguments);
            ci = repo.StartBuild("All.slnx", ci: true, arguments);
            const string waiting = "another build is running the repository checks of this repo; waiting for it";
            var deadline = DateTime.UtcNow.AddMinutes(8);
            while (!(local.OutputSoFar.Contains(waiting, StringComparison.Ordinal) && ci.OutputSoFar.Contains(waiting, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, "both builds must reach the lock\n--- local\n" + local.OutputSoFar + "\n--- ci\n" + ci.OutputSoFar);
                Thread.Sleep(200);
            }
        }

        using (local)
        using (ci)
        {
            var localBuild = local.WaitForResult(TimeSpan.FromMinutes(10));
            var ciBuild = ci.WaitForResult(TimeSpan.FromMinutes(10));

            // Whichever ran first, the other one may not take its verdict: each runs the checks under its own settings.
            foreach (var build in new[] { localBuild, ciBuild })
            {
                Assert.True(build.Ran(Target), build.Output);
                Assert.DoesNotContain("a concurrent build with the same settings just ran them", build.Output, StringComparison.Ordinal);
                Assert.StartsWith("Standards: repository checks: 3 ran", LayoutRepos.SummaryLine(build), StringComparison.Ordinal);
            }

            Assert.True(localBuild.Succeeded, localBuild.ToString());
            Assert.Equal("warning", Assert.Single(localBuild.Diagnostics, d => d.Code == "STD3031").Severity);
            Assert.False(ciBuild.Succeeded, "the CI build must fail on the missing SECURITY.md\n" + ciBuild.Output);
            Assert.Equal("error", Assert.Single(ciBuild.Diagnostics, d => d.Code == "STD3031").Severity);
        }
    }

    [Fact]
    public void Environment_problems_are_said_and_settings_reach_the_repository_checks()
    {
        // The repo one level down in its own temp folder: the policy and the PATH folder beside it are this test's.
        using var repo = LayoutRepos.CompliantAt("repo", "library");
        repo.DeleteFile("SECURITY.md");
        repo.Git("init", "-q");
        var blocker = repo.PathOf("not-a-folder");
        File.WriteAllText(blocker, "a file where the state folder should be");
        var policy = Path.Combine(Path.GetDirectoryName(repo.Root)!, "policies", "relaxed.json");
        Directory.CreateDirectory(Path.GetDirectoryName(policy)!);
        File.WriteAllText(policy, """{ "rules": { "STD3031": "none" } }""");

        // PATH holds dotnet and nothing else: no git.
        var bin = Path.Combine(Path.GetDirectoryName(repo.Root)!, "bin-without-git");
        Directory.CreateDirectory(bin);
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), DotnetExecutable());
        var build = repo.Dotnet(
            ["build", repo.PathOf("All.slnx"), "-v:n", "-tl:off", "-clp:NoSummary", "-nr:false", "-p:StandardsToday=" + LayoutRepos.Today,
             "-p:StandardsRepositoryChecksOutputPath=" + Path.Combine(blocker, "standards") + "/", "-p:StandardsPolicyFile=" + policy],
            ci: false,
            new Dictionary<string, string?> { ["PATH"] = bin });

        Assert.DoesNotContain(build.Diagnostics, d => d.Code == "STD0000");
        var stateError = Assert.Single(build.Diagnostics, d => d.Code == "STD0008");
        Assert.Equal("error", stateError.Severity);
        Assert.Contains("StandardsRepositoryChecksOutputPath", stateError.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, stateError.Message, StringComparison.Ordinal);
        var gitWarning = Assert.Single(build.Diagnostics, d => d.Code == "STD2013");
        Assert.Contains("git is not on the PATH", gitWarning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(build.Diagnostics, d => d.Code == "STD3031");

        var plain = Build(repo);
        Assert.Contains(plain.Diagnostics, d => d.Code == "STD3031");
        Assert.DoesNotContain(plain.Diagnostics, d => d.Code is "STD0008" or "STD2013" or "STD0000");
    }

    [Fact]
    public void A_policy_file_above_the_repo_root_governs_the_repository_checks_as_it_governs_the_projects()
    {
        // The repo root is the folder of global.json; the only standards.json is above it, where the projects find it
        // (a policy shared by the repos of one folder).
        using var repo = LayoutRepos.CompliantAt("mono/orders", "library");
        repo.DeleteFile("CHANGELOG.md");
        var without = Build(repo, restore: true);
        Assert.Contains(LayoutRepos.RepoFindings(repo, without), f => f.Code == "STD3001");

        File.WriteAllText(Path.Combine(repo.Root, "..", "standards.json"), """{ "rules": { "STD3001": "none" } }""");
        var above = Build(repo);
        Assert.True(above.Ran(Target), above.ToString());
        Assert.DoesNotContain(LayoutRepos.RepoFindings(repo, above), f => f.Code == "STD3001");
    }

    [Fact]
    public void Target_frameworks_from_Directory_Build_props_reach_the_lock_file_check()
    {
        using var repo = TestRepo.Create();
        repo.WriteFile("Directory.Packages.props", LayoutRepos.PackagesProps)
            .WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n")
            .WriteProject("src/Acme.Orders", "Acme.Orders")
            .WriteFile("src/Acme.Orders/Marker.cs", "namespace Acme.Orders;\n\n/// <summary>Marker.</summary>\npublic static class Marker\n{\n}\n");
        var first = repo.Build("src/Acme.Orders", ci: false);
        Assert.True(first.Succeeded, first.ToString());

        repo.WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>\n  </PropertyGroup>\n</Project>\n");
        var second = repo.Build("src/Acme.Orders", ci: false, "--no-restore");

        var drift = Assert.Single(second.Diagnostics, d => d.Code == "STD2005");
        Assert.Equal(repo.PathOf(Lock), drift.File);
        Assert.Contains("targets netstandard2.0 (set in Directory.Build.props line 3)", drift.Message, StringComparison.Ordinal);
    }

    private static BuildResult Build(TestRepo repo, bool restore = false) =>
        LayoutRepos.BuildAll(repo, ci: false, restore ? [] : ["--no-restore"]);

    private static void Git(string folder, params string[] arguments) =>
        ProcessRunner.Run("git", ["-c", "user.name=Tests", "-c", "user.email=tests@example.invalid", "-c", "init.defaultBranch=main", .. arguments], folder)
            .EnsureSuccess("git " + string.Join(' ', arguments));

    private static string DotnetExecutable()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        foreach (var candidate in new[] { root is null ? null : Path.Combine(root, "dotnet"), "/usr/share/dotnet/dotnet", "/usr/bin/dotnet", "/usr/local/bin/dotnet" })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        return Environment.ProcessPath ?? "dotnet";
    }
}
