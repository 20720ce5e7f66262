using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>An in-memory repository for the layout rules: files by repo-relative path; projects are read from *.csproj.</summary>
internal sealed class FakeRepo
{
    public const string Root = "/repo";

    public static readonly DateOnly Today = new(2026, 2, 1);

    private readonly SortedDictionary<string, string> files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Files => files;

    public FakeRepo With(string path, string content = "x\n")
    {
        files[path] = content;
        return this;
    }

    public FakeRepo Without(string path)
    {
        Assert.True(files.Remove(path), $"{path} is not in the fake repo");
        return this;
    }

    public FakeRepo WithoutFolder(string folder)
    {
        foreach (var path in files.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)).ToList())
        {
            files.Remove(path);
        }

        return this;
    }

    public FakeRepo WithProject(string path, string body = "") =>
        With(path, body.Length == 0 ? "<Project Sdk=\"Standards.Sdk\" />\n" : $"<Project Sdk=\"Standards.Sdk\">\n{body}\n</Project>\n");

    public string Text(string path) => files[path];

    public RepositorySnapshot Snapshot()
    {
        var projects = files.Keys.Where(ProjectFileReader.IsProjectFile).Select(p => ProjectFileReader.Read(p, files[p])).ToList();
        return new RepositorySnapshot(Root, [.. files.Keys], projects, p => files.TryGetValue(p, out var t) ? t : null);
    }

    /// <summary>Runs the layout check with an optional standards.json.</summary>
    public IReadOnlyList<Finding> Layout(string? policyJson = null, bool deferToDependencyRules = true, DateOnly? today = null)
    {
        var day = today ?? Today;
        var policy = Policy(policyJson, day);
        return new LayoutCheck { DeferToDependencyRules = deferToDependencyRules }.Run(Snapshot(), policy, day);
    }

    public static StandardsPolicy Policy(string? json, DateOnly? today = null)
    {
        if (json is null)
        {
            return StandardsPolicy.Default;
        }

        var result = PolicyLoader.Load("standards.json", json, today ?? Today);
        Assert.True(result.Findings.Count == 0, "test policy is invalid: " + string.Join("; ", result.Findings));
        return result.Policy;
    }

    public const string Adr1 = """
        # ADR-0001: Record architecture decisions

        **Status**: Accepted
        **Date**: 2026-01-10

        ## Context

        We need to record decisions.

        ## Decision

        We write ADRs.

        ## Alternatives Considered

        A wiki.

        ## Consequences

        Decisions are reviewable.
        """;

    public const string Runbook = """
        # High error rate

        Owner: @acme/orders
        Last Validated: 2026-01-15

        ## Symptoms

        5xx rate above 1 %.

        ## Checks

        Dashboards.

        ## Resolution

        Roll back.

        ## Escalation

        Page the on-call lead.
        """;

    public const string PullRequestTemplate = "## What\n\n## Why\n\n## How\n\n## Testing\n\n## Checklist\n\n- [ ] Tests added\n";

    /// <summary>A library repo that satisfies every layout rule.</summary>
    public static FakeRepo Library()
    {
        var repo = new FakeRepo()
            .With("README.md", "# Acme.Orders\n")
            .With("CHANGELOG.md", "# Changelog\n")
            .With(".editorconfig", "root = true\n")
            .With("global.json", "{ \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" } }\n")
            .With("Directory.Packages.props", "<Project />\n")
            .With("SECURITY.md", "# Security\n")
            .With(".github/CODEOWNERS", "*                  @acme/platform\n/src/Acme.Orders/  @alice @bob\n")
            .With(".github/pull_request_template.md", PullRequestTemplate)
            .With("docs/adr/0001-record-architecture-decisions.md", Adr1)
            .WithProject("src/Acme.Orders/Acme.Orders.csproj")
            .With("src/Acme.Orders/Order.cs", "namespace Acme.Orders;\n")
            .WithProject("tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj")
            .With("tests/Acme.Orders.Tests/OrderTests.cs", "namespace Acme.Orders.Tests;\n");
        return repo;
    }

    /// <summary>A service repo (an ASP.NET Core executable under cmd/) that satisfies every layout rule.</summary>
    public static FakeRepo Service() => Library()
        .WithProject("cmd/Acme.Orders.Api/Acme.Orders.Api.csproj")
        .With("cmd/Acme.Orders.Api/Program.cs", "return 0;\n")
        .With("docs/runbooks/high-error-rate.md", Runbook);

    /// <summary>A worker repo (a hosted worker under cmd/) that satisfies every layout rule.</summary>
    public static FakeRepo Worker() => Library()
        .WithProject("cmd/Acme.Orders.Worker/Acme.Orders.Worker.csproj")
        .With("cmd/Acme.Orders.Worker/Program.cs", "return 0;\n")
        .With("docs/runbooks/queue-backlog.md", Runbook);
}

/// <summary>Exact comparison of findings by code, file and line.</summary>
internal static class FindingAssert
{
    public static void Exactly(IEnumerable<Finding> actual, params (string Code, string? File, int Line)[] expected)
    {
        var got = actual.Select(f => (f.Code, f.File, f.Line)).OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        var want = expected.OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        Assert.True(want.SequenceEqual(got),
            $"expected [{string.Join(", ", want)}]\n but got [{string.Join(", ", got)}]\n{string.Join("\n", actual)}");
    }

    public static void None(IEnumerable<Finding> actual) => Exactly(actual);
}
