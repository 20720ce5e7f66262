using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.RepositoryChecks;

/// <summary>
/// Builds once per test run: a compliant repo of each kind, and two repos that break every row of profile §3
/// (one build each, in CI mode); the tests assert on those builds.
/// </summary>
public sealed class LayoutBuilds : IDisposable
{
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> service = new(() => Build(LayoutRepos.Compliant("service", "Acme.Orders", "Acme.Billing"))); // 5 projects
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> worker = new(() => Build(LayoutRepos.Compliant("worker")));
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> library = new(() => Build(LayoutRepos.Compliant("library")));
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> violating = new(() => Build(Violating()));
    private readonly Lazy<(TestRepo Repo, BuildResult Build)> bare = new(() => Build(Bare()));

    public (TestRepo Repo, BuildResult Build) Service => service.Value;

    public (TestRepo Repo, BuildResult Build) Worker => worker.Value;

    public (TestRepo Repo, BuildResult Build) Library => library.Value;

    public (TestRepo Repo, BuildResult Build) ViolatingService => violating.Value;

    public (TestRepo Repo, BuildResult Build) BareService => bare.Value;

    /// <summary>A service repo with one violation of every §3 row that does not need a missing folder.</summary>
    private static TestRepo Violating()
    {
        var repo = LayoutRepos.Compliant("service", "Acme.Orders", "Acme.Legacy");
        repo.DeleteFile("README.md")                                            // STD3001
            .DeleteFile("SECURITY.md")                                          // STD3031
            .WriteFile(".github/CODEOWNERS", """
                /src/Acme.Orders/ @alice
                /src/Acme.Legacy/  @alice @bob
                /tests/ not-an-owner

                """)                                                            // STD3005 line 3, STD3003 cmd/, STD3004 line 1
            .WriteFile(".github/pull_request_template.md", "## What\n## Why\n") // STD3030 line 1
            .WriteProject("src/Acme.Orders", "Acme.Orders", "<PropertyGroup><StandardsCritical>true</StandardsCritical></PropertyGroup>")
            .WriteProject("src/Acme.Orders.Migrator", "Acme.Orders.Migrator", "<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>") // STD3007, STD3008
            .WriteFile("src/Acme.Orders.Migrator/Program.cs", "return 0;\n")
            .WriteFile("src/Utils/tools.txt", "scripts\n")                      // STD3033
            .WriteFile("docs/adr/0005-use-postgres.md", LayoutRepos.Adr.Replace("ADR-0001", "ADR-0005", StringComparison.Ordinal)
                .Replace("## Consequences", "## Results", StringComparison.Ordinal))   // STD3012 (0003-0004 missing), STD3014 line 1
            .WriteFile("docs/adr/0004-Use-Redis.md", LayoutRepos.Adr.Replace("ADR-0001", "ADR-0004", StringComparison.Ordinal)) // STD3011
            .WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr
                .Replace("**Status**: Accepted", "**Status**: Superseded", StringComparison.Ordinal))   // STD3015 line 3
            .WriteFile("docs/adr/0002-pick-a-queue.md", LayoutRepos.Adr.Replace("ADR-0001", "ADR-0002", StringComparison.Ordinal)
                .Replace("**Date**: 2026-01-10", "**Date**: January", StringComparison.Ordinal)) // STD3013 line 4
            .WriteFile("docs/runbooks/high-error-rate.md", LayoutRepos.Runbook
                .Replace("Owner: @acme/orders\n", string.Empty, StringComparison.Ordinal)
                .Replace("## Escalation", "## Contacts", StringComparison.Ordinal))       // STD3021 line 1, STD3022 line 1
            .WriteFile("docs/architecture.md", "# Architecture\n\n**Next Review**: 2026-01-15\n") // STD3032 line 3
            .WriteFile("standards.json", """
                {
                  "exceptions": [
                    { "rule": "STD3008", "scope": "Acme.Legacy", "owner": "@alice", "reason": "replaced by Acme.Orders in Q3", "expires": "2026-12-31" }
                  ]
                }
                """);
        repo.DeleteFile("tests/Acme.Legacy.Tests/Acme.Legacy.Tests.csproj").DeleteFile("tests/Acme.Legacy.Tests/Marker.cs");
        return LayoutRepos.WriteSolution(repo, ["src/Acme.Orders/Acme.Orders.csproj", "src/Acme.Legacy/Acme.Legacy.csproj", "src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj",
            "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj", "cmd/Acme.Orders.Api/Acme.Orders.Api.csproj"]);
    }

    /// <summary>A service repo without CODEOWNERS, tests/, docs/adr/ and docs/runbooks/.</summary>
    private static TestRepo Bare()
    {
        var repo = TestRepo.Create();
        repo.RepositoryChecks = true;
        repo.WriteFile("README.md", "# Acme\n").WriteFile("CHANGELOG.md", "# Changelog\n").WriteFile(".editorconfig", "root = true\n")
            .WriteFile("Directory.Packages.props", LayoutRepos.PackagesProps).WriteFile("SECURITY.md", "# Security\n")
            .WriteFile(".github/pull_request_template.md", "## What\n## Why\n## How\n## Testing\n## Checklist\n")
            .WriteProject("cmd/Acme.Orders.Api", "Acme.Orders.Api").WriteFile("cmd/Acme.Orders.Api/Program.cs", "return 0;\n")
            .WriteFile("src/README.md", "Libraries go here.\n");
        return LayoutRepos.WriteSolution(repo, ["cmd/Acme.Orders.Api/Acme.Orders.Api.csproj"]);
    }

    private static (TestRepo, BuildResult) Build(TestRepo repo) => (repo, LayoutRepos.BuildAll(repo));

    public void Dispose()
    {
        foreach (var lazy in new[] { service, worker, library, violating, bare })
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Repo.Dispose();
            }
        }
    }
}

/// <summary>Profile §3 on real builds of the packed SDK.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class LayoutBuildTests(LayoutBuilds builds) : IClassFixture<LayoutBuilds>
{
    public static TheoryData<string> Kinds() => ["service", "worker", "library"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compliant_repo_has_no_findings(string kind)
    {
        var (repo, build) = kind switch { "service" => builds.Service, "worker" => builds.Worker, _ => builds.Library };
        Assert.True(build.Succeeded, build.ToString());
        Assert.Empty(LayoutRepos.RepoFindings(repo, build));
        Assert.Matches(@"^Standards: repository checks: 3 ran, 0 errors, 0 warnings, 0 info in \d+ ms. Compiler and analyzer findings are the build's own, not counted here\.$", LayoutRepos.SummaryLine(build));
    }

    [Fact]
    public void Checks_run_once_for_a_five_project_solution()
    {
        var (_, build) = builds.Service;
        Assert.Equal(5, build.RunCount("StandardsReportProjectKind"));
        Assert.Equal(1, build.RunCount("StandardsRepositoryChecks"));
        Assert.Single(build.TaskRuns("RunRepositoryChecks"));
        Assert.False(build.Skipped("StandardsRepositoryChecks"));
        Assert.Single(build.Messages, m => m.Text.StartsWith("Standards: repository checks: 3 ran", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, int> ViolatingRows() => new()
    {
        { "STD3001", "README.md", 0 },
        { "STD3003", "cmd/Acme.Orders.Api/Acme.Orders.Api.csproj", 1 },
        { "STD3003", "src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj", 1 },
        { "STD3004", ".github/CODEOWNERS", 1 },
        { "STD3005", ".github/CODEOWNERS", 3 },
        { "STD3007", "src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj", 1 },
        { "STD3008", "src/Acme.Orders.Migrator/Acme.Orders.Migrator.csproj", 1 },
        { "STD3011", "docs/adr/0004-Use-Redis.md", 0 },
        { "STD3012", "docs/adr/0005-use-postgres.md", 0 },
        { "STD3013", "docs/adr/0002-pick-a-queue.md", 4 },
        { "STD3014", "docs/adr/0005-use-postgres.md", 1 },
        { "STD3015", "docs/adr/0001-record-architecture-decisions.md", 3 },
        { "STD3021", "docs/runbooks/high-error-rate.md", 1 },
        { "STD3022", "docs/runbooks/high-error-rate.md", 1 },
        { "STD3030", ".github/pull_request_template.md", 1 },
        { "STD3031", "SECURITY.md", 0 },
        { "STD3032", "docs/architecture.md", 3 },
        { "STD3033", "src/Utils", 0 },
    };

    [Theory]
    [MemberData(nameof(ViolatingRows))]
    public void Violation_gives_its_exact_finding(string code, string file, int line)
    {
        var (repo, build) = builds.ViolatingService;
        Assert.Contains((code, file, line), LayoutRepos.RepoFindings(repo, build));
    }

    [Fact]
    public void Violating_repo_gives_exactly_the_expected_findings_once_each_with_a_help_link()
    {
        var (repo, build) = builds.ViolatingService;
        Assert.False(build.Succeeded);
        var expected = ViolatingRows().Select(r => ((string)r[0], (string)r[1], (int)r[2])).Order().ToList();
        var actual = LayoutRepos.RepoFindings(repo, build).Where(f => f.Code.StartsWith("STD3", StringComparison.Ordinal)).Order().ToList();
        Assert.True(expected.SequenceEqual(actual), $"expected\n{string.Join("\n", expected)}\nactual\n{string.Join("\n", actual)}");
        var repoDiagnostics = build.Diagnostics.Where(d => d.Project.EndsWith("Standards.RepositoryChecks.proj", StringComparison.Ordinal)).ToList();
        Assert.All(repoDiagnostics, d => Assert.Contains($"docs/rules/{d.Code}.md", d.Message, StringComparison.Ordinal));

        // CI: warnings are errors; printed once per finding however many projects build.
        Assert.Equal(actual.Count, repoDiagnostics.Count(d => d.Code.StartsWith("STD3", StringComparison.Ordinal)));
        Assert.All(repoDiagnostics, d => Assert.Equal("error", d.Severity));
        Assert.Contains("(1 excepted by standards.json)", LayoutRepos.SummaryLine(build), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folders_and_files_are_reported_at_their_paths()
    {
        var (repo, build) = builds.BareService;
        Assert.Equal(
            [("STD3002", "CODEOWNERS", 0), ("STD3006", "tests", 0), ("STD3010", "docs/adr", 0), ("STD3020", "docs/runbooks", 0)],
            LayoutRepos.RepoFindings(repo, build).Where(f => f.Code.StartsWith("STD3", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ci_build_writes_sarif_and_markdown_summary()
    {
        var (repo, _) = builds.ViolatingService;
        using var sarif = JsonDocument.Parse(repo.ReadFile("artifacts/standards/standards.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("Standards.Sdk", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "STD3013"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "docs/adr/0002-pick-a-queue.md"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == 4);
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString())));
        Assert.DoesNotContain(repo.Root, sarif.RootElement.GetRawText(), StringComparison.Ordinal);

        var summary = repo.ReadFile("artifacts/standards/summary.md");
        Assert.Contains("| Code | Severity | Location | Message | Help |", summary, StringComparison.Ordinal);
        Assert.Contains("| STD3031 | error | `SECURITY.md` |", summary, StringComparison.Ordinal);
    }
}
