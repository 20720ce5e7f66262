using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Adoption;

/// <summary>One build of each fixture repo per test run; the tests assert on it and build further where they must.</summary>
public sealed class AdoptionBuilds : IDisposable
{
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> service = new(() => Build(AdoptionRepos.LayeredService()));
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> library = new(() => Build(AdoptionRepos.RealLibrary()));

    public (TestRepo Repo, BuildResult Build) Service => service.Value;

    public (TestRepo Repo, BuildResult Build) Library => library.Value;

    private static (TestRepo, BuildResult) Build(TestRepo repo) => (repo, LayoutRepos.BuildAll(repo));

    public void Dispose()
    {
        foreach (var lazy in new[] { service, library })
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Repo.Dispose();
            }
        }
    }
}

/// <summary>
/// On real builds of the packed SDK: Standards.Sdk layered over the Web, Worker and
/// MSTest SDKs keeps what they give and adds the policy; real layouts pass the repository checks.
/// </summary>
[Collection(AdoptionAndReleaseBuildsCollectionDefinition.Name)]
public sealed class LayeredSdkTests(AdoptionBuilds builds) : IClassFixture<AdoptionBuilds>
{
    private static string KindMessage(string project, string kind) => $"Standards.Sdk: {project} is a '{kind}' project";

    [Fact]
    public void Layered_projects_build_green_in_CI_with_their_kinds_from_their_SDKs()
    {
        var (repo, build) = builds.Service;
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(build.WithCode("MSB4011"));
        Assert.Empty(LayoutRepos.RepoFindings(repo, build));
        Assert.Single(build.MessagesContaining(KindMessage("Acme.Storefront", "service") + " (inferred from its SDK"));
        Assert.Single(build.MessagesContaining(KindMessage("Acme.Jobs", "worker") + " (inferred from its SDK"));
        Assert.Single(build.MessagesContaining(KindMessage("Acme.Orders.Checks", "test")));

        // The policy reached the layered projects: the policy check ran and the compiler got its analyzer config.
        foreach (var project in new[] { "Acme.Storefront", "Acme.Jobs", "Acme.Orders.Checks" })
        {
            Assert.Contains(build.TargetRuns("StandardsApplyPolicy"), t => t.Project.EndsWith(project + ".csproj", StringComparison.Ordinal));
        }

        // Razor pages compiled: the page's generated class is in the Web app's assembly.
        var assembly = File.ReadAllBytes(repo.PathOf("cmd/Acme.Storefront/bin/Debug/net10.0/Acme.Storefront.dll"));
        Assert.True(System.Text.Encoding.UTF8.GetString(assembly).Contains("Pages_Index", StringComparison.Ordinal), "the Razor page was not compiled");
    }

    [Fact]
    public void Web_project_keeps_static_web_assets_and_publishes_wwwroot()
    {
        var (repo, build) = builds.Service;
        Assert.True(build.Succeeded, build.ToString());
        var output = repo.PathOf("publish-out");
        // On the fixture build's restore: no package reference depends on the configuration.
        var publish = repo.Dotnet(["publish", repo.PathOf(AdoptionRepos.Storefront), "-c", "Release", "-o", output, "-p:StandardsToday=" + LayoutRepos.Today, "-nr:false", "--no-restore"]);
        Assert.True(publish.Succeeded, publish.ToString());
        Assert.True(File.Exists(Path.Combine(output, "wwwroot", "css", "site.css")), "wwwroot is not in the publish output");
        Assert.True(File.Exists(Path.Combine(output, "Acme.Storefront.dll")));
        Assert.Empty(publish.WithCode("MSB4011"));
    }

    [Fact]
    public void Layered_project_gets_the_policy_nullable_banned_apis_and_any_diagnostic_from_standards_json()
    {
        var (repo, build) = builds.Service;
        Assert.True(build.Succeeded, build.ToString());

        // A no-op build skips the policy check and the compiler in the layered project.
        var noOp = repo.Build(AdoptionRepos.Storefront, ci: true, "-p:StandardsToday=" + LayoutRepos.Today);
        Assert.True(noOp.Succeeded, noOp.ToString());
        Assert.True(noOp.Skipped("StandardsApplyPolicy"), noOp.Output);
        Assert.True(noOp.Skipped("CoreCompile"), noOp.Output);

        repo.WriteFile("cmd/Acme.Storefront/Broken.cs", """
            namespace Acme.Storefront;

            internal static class Broken
            {
                public static int Length(string? text) => text.Length;

                public static void Print() => System.Console.WriteLine("x");

                public static void Fail() => throw new System.Exception("x");
            }

            """);
        repo.WriteFile("standards.json", """{ "rules": { "CA2201": "error", "MA0051": "warning" } }""");
        // A source file and standards.json are no restore inputs: the builds below take the restore of the no-op build.
        var broken = repo.Build(AdoptionRepos.Storefront, ci: true, "-p:StandardsToday=" + LayoutRepos.Today, "--no-restore");
        Assert.False(broken.Succeeded);
        var codes = broken.Errors.Where(e => e.FileName == "Broken.cs").Select(e => (e.Code, e.Line)).Distinct().Order().ToList();
        Assert.Equal([("CA2201", 9), ("CS8602", 5), ("RS0030", 7)], codes);
        Assert.Single(broken.MessagesContaining("does not manage, applied as written through the generated analyzer config: CA2201=error, MA0051=warning"));

        // A malformed id is an error at its line in standards.json, with the id it most likely means.
        repo.DeleteFile("cmd/Acme.Storefront/Broken.cs").WriteFile("standards.json", "{\n  \"rules\": {\n    \"CA 2201\": \"error\"\n  }\n}\n");
        var malformed = repo.Build(AdoptionRepos.Storefront, ci: true, "-p:StandardsToday=" + LayoutRepos.Today, "--no-restore");
        var error = Assert.Single(malformed.Errors.Where(e => e.Code == "STD0003").DistinctBy(e => (e.File, e.Line)));
        Assert.Equal((repo.PathOf("standards.json"), 3), (error.File, error.Line));
        Assert.Contains("Did you mean 'CA2201'?", error.Message, StringComparison.Ordinal);
        repo.DeleteFile("standards.json");
    }

    [Fact]
    public void Real_library_layout_passes_the_repository_checks_and_the_AppHost_is_not_counted()
    {
        var (repo, build) = builds.Library;
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(LayoutRepos.RepoFindings(repo, build));
        Assert.Single(build.MessagesContaining("repo kind 'library' (inferred: the repo has no executable project)"));
        Assert.Single(build.MessagesContaining(KindMessage("Acme.Guard.UnitTests", "test")));

        // The AppHost built on its own SDK, without the policy.
        Assert.DoesNotContain(build.TargetRuns("StandardsApplyPolicy"), t => t.Project.EndsWith("Acme.AppHost.csproj", StringComparison.Ordinal));

        // Asked to check projects without Standards.Sdk, the AppHost is an executable: the repo becomes a worker repo.
        repo.WriteFile("standards.json", """{ "layout": { "exclude": ["src/Vendored"], "projectsWithoutStandardsSdk": "check" } }""");
        // standards.json is no restore input: these builds take the fixture build's restore; the no-op build restores, as a user's does.
        var checkAll = LayoutRepos.BuildAll(repo, true, "--no-restore");
        Assert.True(checkAll.Ran("StandardsRepositoryChecks"), "a changed standards.json re-runs the checks");
        Assert.Contains(("STD3007", AdoptionRepos.AppHost, 1), LayoutRepos.RepoFindings(repo, checkAll));
        Assert.Contains(("STD3008", AdoptionRepos.AppHost, 1), LayoutRepos.RepoFindings(repo, checkAll));

        // Back to the default, nothing changed since: the checks are skipped on the next build.
        repo.WriteFile("standards.json", """{ "layout": { "exclude": ["src/Vendored"] } }""");
        Assert.True(LayoutRepos.BuildAll(repo, true, "--no-restore").Succeeded);
        var noOp = LayoutRepos.BuildAll(repo);
        Assert.True(noOp.Skipped("StandardsRepositoryChecks"), noOp.Output);
    }
}
