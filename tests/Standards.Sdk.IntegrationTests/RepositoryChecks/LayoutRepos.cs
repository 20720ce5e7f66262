using System.Text;

namespace Standards.Sdk.IntegrationTests.RepositoryChecks;

/// <summary>Repos on disk that satisfy (or deliberately break) the layout rules, built with the packed SDK.</summary>
internal static class LayoutRepos
{
    /// <summary>The date every build in these tests judges review dates and exceptions against.</summary>
    public const string Today = "2026-02-01";

    public const string Adr = """
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

        5xx above 1 %.

        ## Checks

        Dashboards.

        ## Resolution

        Roll back.

        ## Escalation

        Page the on-call lead.

        """;

    public const string PackagesProps = """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
            <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
          </PropertyGroup>
        </Project>

        """;

    /// <summary>
    /// A compliant repo: root files, CODEOWNERS, PR template, SECURITY.md, an ADR, src/ projects each with a test
    /// project, and for service and worker repos an executable under cmd/ and a runbook. Repository checks on.
    /// </summary>
    public static TestRepo Compliant(string kind, params string[] libraries) => CompliantAt(null, kind, libraries);

    /// <summary>As <see cref="Compliant"/>, with the repo root at <paramref name="folder"/> below a fresh temp folder.</summary>
    public static TestRepo CompliantAt(string? folder, string kind, params string[] libraries)
    {
        var repo = TestRepo.Create(folder: folder);
        repo.RepositoryChecks = true;
        repo.WriteFile("README.md", "# Acme\n")
            .WriteFile("CHANGELOG.md", "# Changelog\n")
            .WriteFile(".editorconfig", "root = true\n")
            .WriteFile("Directory.Packages.props", PackagesProps)
            .WriteFile("SECURITY.md", "# Security\n\nReport vulnerabilities to security@example.invalid.\n")
            .WriteFile(".github/CODEOWNERS", "*            @acme/platform\n/src/        @alice @bob\n")
            .WriteFile(".github/pull_request_template.md", "## What\n\n## Why\n\n## How\n\n## Testing\n\n## Checklist\n")
            .WriteFile("docs/adr/0001-record-architecture-decisions.md", Adr);
        var projects = new List<string>();
        foreach (var name in libraries.Length == 0 ? ["Acme.Orders"] : libraries)
        {
            repo.WriteProject($"src/{name}", name)
                .WriteFile($"src/{name}/Marker.cs", $"namespace {name};\n\n/// <summary>Marker.</summary>\npublic static class Marker\n{{\n}}\n")
                .WriteProject($"tests/{name}.Tests", $"{name}.Tests")
                .WriteFile($"tests/{name}.Tests/Marker.cs", $"namespace {name}.Tests;\n\ninternal static class Marker\n{{\n}}\n");
            projects.Add($"src/{name}/{name}.csproj");
            projects.Add($"tests/{name}.Tests/{name}.Tests.csproj");
        }

        if (kind is "service" or "worker")
        {
            var app = kind == "service" ? "Acme.Orders.Api" : "Acme.Orders.Worker";
            repo.WriteProject($"cmd/{app}", app)
                .WriteFile($"cmd/{app}/Program.cs", "return 0;\n")
                .WriteFile("docs/runbooks/high-error-rate.md", Runbook);
            projects.Add($"cmd/{app}/{app}.csproj");
        }

        return WriteSolution(repo, projects);
    }

    /// <summary>Writes All.slnx listing the projects.</summary>
    public static TestRepo WriteSolution(TestRepo repo, IEnumerable<string> projects)
    {
        var sb = new StringBuilder("<Solution>\n");
        foreach (var project in projects)
        {
            sb.Append("  <Project Path=\"").Append(project).Append("\" />\n");
        }

        return repo.WriteFile("All.slnx", sb.Append("</Solution>\n").ToString());
    }

    /// <summary>Builds the solution (CI by default, so reports are written and warnings are errors).</summary>
    public static BuildResult BuildAll(TestRepo repo, bool ci = true, params string[] extra) =>
        repo.Build("All.slnx", ci, ["-p:StandardsToday=" + Today, .. extra]);

    /// <summary>Diagnostics of the repository checks as (code, repo-relative file, line).</summary>
    public static List<(string Code, string File, int Line)> RepoFindings(TestRepo repo, BuildResult build, string prefix = "STD") =>
        [.. build.Diagnostics
            .Where(d => d.Code.StartsWith(prefix, StringComparison.Ordinal) && d.Project.EndsWith("Standards.RepositoryChecks.proj", StringComparison.Ordinal))
            .Select(d => (d.Code, Path.GetRelativePath(repo.Root, d.File).Replace('\\', '/'), d.Line))
            .Distinct()
            .OrderBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Item2, StringComparer.Ordinal).ThenBy(d => d.Line)];

    /// <summary>The summary line the repository checks logged when they ran.</summary>
    public static string? SummaryLine(BuildResult build) =>
        build.Messages
            .Where(m => m.Task == "RunRepositoryChecks" && m.Text.StartsWith("Standards: repository checks: ", StringComparison.Ordinal) && m.Text.Contains(" ran, ", StringComparison.Ordinal))
            .Select(m => m.Text.Trim())
            .FirstOrDefault();
}
