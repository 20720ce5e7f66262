using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Scale;

/// <summary>
/// The repo-wide checks are one node of the static graph (Standards.RepositoryChecks.proj, referenced by every
/// project): whatever the build mode — one project, a solution, -m, -graph, -graph -isolate — they run once, report
/// the same findings, and a repo finding does not stop the projects' compile.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class GraphBuildTests
{
    private static readonly string[] Projects =
    [
        "src/Acme.Orders/Acme.Orders.csproj", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj",
        "src/Acme.Billing/Acme.Billing.csproj", "tests/Acme.Billing.Tests/Acme.Billing.Tests.csproj",
    ];

    [Fact]
    public void Every_build_mode_runs_the_repository_checks_once_with_the_same_findings()
    {
        using var repo = LayoutRepos.Compliant("library", "Acme.Orders", "Acme.Billing");
        // The test projects reference their library, so a single-project build builds two projects.
        foreach (var name in new[] { "Acme.Orders", "Acme.Billing" })
        {
            repo.WriteProject($"tests/{name}.Tests", $"{name}.Tests", $"  <ItemGroup>\n    <ProjectReference Include=\"../../src/{name}/{name}.csproj\" />\n  </ItemGroup>");
        }

        // One repo finding (an error): a failed run is never up to date, so every build below runs the checks.
        repo.DeleteFile("CHANGELOG.md");
        var restore = repo.Dotnet(["restore", "All.slnx"]);
        Assert.True(restore.Succeeded, restore.ToString());

        (string Mode, string Target, string[] Arguments, string[] Built)[] modes =
        [
            ("single project", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj", [], [Projects[0], Projects[1]]),
            ("solution", "All.slnx", ["-m:1"], Projects),
            ("solution -m", "All.slnx", ["-m:2"], Projects),
            ("solution -graph", "All.slnx", ["-graph", "-m:2"], Projects),
            ("solution -graph -isolate", "All.slnx", ["-graph", "-isolate", "-m:2"], Projects),
            ("single project -graph -isolate", "tests/Acme.Billing.Tests/Acme.Billing.Tests.csproj", ["-graph", "-isolate"], [Projects[2], Projects[3]]),
        ];
        foreach (var (mode, target, arguments, built) in modes)
        {
            var build = repo.Build(target, ci: true, ["--no-restore", "-p:StandardsToday=" + LayoutRepos.Today, .. arguments]);
            var context = $"{mode}:\n{build}";
            Assert.False(build.Succeeded, context);
            Assert.Equal([("STD3001", "CHANGELOG.md", 0)], LayoutRepos.RepoFindings(repo, build));
            // Only the finding: no MSB4254/MSB4252 (an undeclared or uncached reference under -isolate), nothing else.
            Assert.All(build.Errors, e => Assert.Equal("STD3001", e.Code));
            Assert.True(build.RunCount("StandardsRepositoryChecks") == 1, context);
            Assert.Single(build.TaskRuns("RunRepositoryChecks"));
            // A failed answer is not remembered (RepositoryChecksAnswer): every project makes the call and fails.
            Assert.Equal(built.Select(repo.PathOf).Order(StringComparer.Ordinal), RepositoryCheckCalls(build).Order(StringComparer.Ordinal));
            // The reference that makes the repository checks a graph node is declared only where a static graph is
            // built (IsGraphBuild): elsewhere nothing reads it, and it would cost every project its detaching target.
            var graph = arguments.Contains("-graph");
            // Every project still had its own checks and its compile (the repo finding stops neither).
            foreach (var project in built)
            {
                var path = repo.PathOf(project);
                var detached = build.TargetRuns("_StandardsDetachRepositoryChecksReference").Any(t => t.Project == path && t.BodyRan);
                Assert.True(detached == graph, $"{mode}: repository-checks reference of {project} detached: {detached}\n{build}");
                Assert.True(build.TargetRuns("StandardsApplyPolicy").Any(t => t.Project == path), $"{mode}: policy of {project}\n{build}");
                Assert.True(build.TargetRuns("CoreCompile").Any(t => t.Project == path), $"{mode}: compile of {project}\n{build}");
            }
        }
    }

    [Fact]
    public void After_a_successful_answer_a_project_on_the_same_node_skips_the_call_to_the_repository_checks()
    {
        using var repo = LayoutRepos.Compliant("library", "Acme.Orders", "Acme.Billing");
        var restore = repo.Dotnet(["restore", "All.slnx"]);
        Assert.True(restore.Succeeded, restore.ToString());

        // One node: the first project calls the repository checks, every later one finds the answer and skips it.
        var build = repo.Build("All.slnx", ci: true, ["--no-restore", "-m:1", "-p:StandardsToday=" + LayoutRepos.Today]);
        Assert.True(build.Succeeded, build.ToString());
        Assert.Single(RepositoryCheckCalls(build));
        Assert.Single(build.TargetRuns("StandardsRunRepositoryChecks"));
        List<string> built = [.. build.TargetRuns("StandardsApplyPolicy").Select(t => t.Project).Distinct()];
        var projects = built.Count;
        Assert.True(projects >= 4, build.ToString());
        // Every project looks the answer up in its inputs-cache write, which comes first; only the first project,
        // which found none and called, runs RepositoryChecksAnswer, to record it.
        var recorded = Assert.Single(build.TaskRuns("RepositoryChecksAnswer"));
        Assert.Equal(RepositoryCheckCalls(build)[0], recorded.Project);
        foreach (var project in built)
        {
            Assert.Contains("_StandardsWriteInputsCaches", TargetsFinishedBefore(build, project, "StandardsInvokeRepositoryChecks"));
        }

        // StandardsUpdateBaseline: the checks rewrite the baseline the policy's inputs cache reads, so every project
        // calls them before that write and looks the answer up itself; the first records it.
        var update = repo.Build("All.slnx", ci: true, ["--no-restore", "-m:1", "-p:StandardsToday=" + LayoutRepos.Today, "-p:StandardsUpdateBaseline=true"]);
        Assert.True(update.Succeeded, update.ToString());
        Assert.Single(RepositoryCheckCalls(update));
        Assert.Equal(projects + 1, update.TaskRuns("RepositoryChecksAnswer").Count);
        foreach (var project in built)
        {
            Assert.Contains("StandardsInvokeRepositoryChecks", TargetsFinishedBefore(update, project, "_StandardsWriteInputsCaches"));
        }

        // Tasks run out of process: the record lives as long as the task host does; a project that finds none calls.
        var hosted = repo.Build("All.slnx", ci: true, ["--no-restore", "-m:1", "-p:StandardsToday=" + LayoutRepos.Today, "-p:StandardsUseTaskHost=true"]);
        Assert.True(hosted.Succeeded, hosted.ToString());
        Assert.InRange(RepositoryCheckCalls(hosted).Count, 1, projects);
        Assert.Single(hosted.TargetRuns("StandardsRunRepositoryChecks"));
    }

    [Fact]
    public void A_multi_targeting_project_calls_the_repository_checks_from_an_inner_build_never_from_its_outer_build()
    {
        using var repo = LayoutRepos.Compliant("library", "Acme.Orders");
        const string project = "src/Acme.Orders/Acme.Orders.csproj";
        repo.WriteProject("src/Acme.Orders", "Acme.Orders", "  <PropertyGroup>\n    <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>\n  </PropertyGroup>");
        var restore = repo.Dotnet(["restore", "All.slnx"]);
        Assert.True(restore.Succeeded, restore.ToString());

        var build = repo.Build(project, ci: false, ["--no-restore", "-m:1", "-p:StandardsToday=" + LayoutRepos.Today]);
        Assert.True(build.Succeeded, build.ToString());
        var path = repo.PathOf(project);
        // The outer build writes an inputs cache (the dependency check runs there) but compiles nothing: it neither
        // looks the answer up nor runs the repository-checks target. The first inner build calls; the second finds
        // the answer in its inputs-cache write and skips the target.
        Assert.Contains(build.TaskRuns("WriteInputsCache"), t => t.Project == path && t.TargetFramework.Length == 0);
        Assert.DoesNotContain(build.TargetRuns("StandardsInvokeRepositoryChecks"), t => t.TargetFramework.Length == 0 && t.BodyRan);
        var call = Assert.Single(build.TaskRuns("MSBuild"), t => t.Target == "StandardsInvokeRepositoryChecks");
        Assert.Equal(path, call.Project);
        Assert.NotEmpty(call.TargetFramework);
        Assert.Single(build.TaskRuns("RepositoryChecksAnswer"));
        Assert.Equal(2, build.TargetRuns("CoreCompile").Count(t => t.Project == path && t.BodyRan));
    }

    /// <summary>The targets that finished in <paramref name="project"/> before <paramref name="target"/> did.</summary>
    private static List<string> TargetsFinishedBefore(BuildResult build, string project, string target) =>
        [.. build.Targets.Where(t => t.Project == project).Select(t => t.Name).TakeWhile(name => name != target)];

    /// <summary>The projects that called the repository-checks project (the MSBuild task of StandardsInvokeRepositoryChecks).</summary>
    private static List<string> RepositoryCheckCalls(BuildResult build) =>
        [.. build.TaskRuns("MSBuild").Where(t => t.Target == "StandardsInvokeRepositoryChecks").Select(t => t.Project)];
}
