using System.Text.RegularExpressions;
using Standards.Sdk.IntegrationTests.RepositoryChecks;

namespace Standards.Sdk.IntegrationTests.Runtimes;

/// <summary>
/// The net472 build of the tasks (what Visual Studio and msbuild.exe load) does the same work as the net10.0
/// build. .NET Framework MSBuild cannot run here, but .NET loads .NET Framework assemblies, so the same repo is
/// built once with each build of the tasks (StandardsTasksAssembly points at tasks/net472/) and every finding
/// and report must be identical. That runs the netstandard2.0 checks with their polyfills (the directory walk,
/// the git argument quoting, dates, regexes, JSON) inside a real MSBuild through all four tasks; it does not
/// prove .NET Framework's own behaviour (see docs/internals.md, "Two runtimes").
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed partial class Net472TasksRunTests
{
    [Fact]
    public void The_net472_tasks_report_exactly_what_the_net10_tasks_report()
    {
        using var repo = ViolatingRepo();
        var net10 = BuildClean(repo);
        var net10Findings = Findings(repo, net10);
        var net10Reports = Reports(repo);

        var assembly = Path.Combine(repo.Sdk.PackagesFolder, "standards.sdk", repo.Sdk.Version.ToLowerInvariant(), "tasks", "net472", "Standards.Sdk.Tasks.dll");
        Assert.True(File.Exists(assembly), assembly);
        var net472 = BuildClean(repo, $"-p:StandardsTasksAssembly={assembly}");
        var net472Findings = Findings(repo, net472);

        // The same tasks of ours ran in both builds, from the net472 assembly here (the net10.0 build ran them from
        // its own), among them the four that report this repo's findings.
        var ours = net472.Tasks.Where(t => Path.GetFileName(t.AssemblyLocation) == "Standards.Sdk.Tasks.dll").ToList();
        var oursOnNet10 = net10.Tasks.Where(t => Path.GetFileName(t.AssemblyLocation) == "Standards.Sdk.Tasks.dll").Select(t => t.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(oursOnNet10, ours.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Superset(
            new HashSet<string>(["ApplyStandardsPolicy", "CheckPackageDependencies", "RunRepositoryChecks", "WriteRepositoryFingerprint"], StringComparer.Ordinal),
            ours.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
        Assert.All(ours, t => Assert.Equal(Path.GetFullPath(assembly), Path.GetFullPath(t.AssemblyLocation)));
        Assert.All(net10.Tasks.Where(t => Path.GetFileName(t.AssemblyLocation) == "Standards.Sdk.Tasks.dll"),
            t => Assert.Equal(PackedTaskAssemblies.CoreFolder, Path.GetFileName(Path.GetDirectoryName(t.AssemblyLocation))));

        // One finding from each task at least, and the same findings and reports from both builds.
        Assert.Contains(net10Findings, f => f.StartsWith("STD1007 warning src/Acme.Common/Acme.Common.csproj", StringComparison.Ordinal));
        Assert.Contains(net10Findings, f => f.StartsWith("STD2010 ", StringComparison.Ordinal));
        Assert.Contains(net10Findings, f => f.StartsWith("STD3014 ", StringComparison.Ordinal));
        Assert.Contains(net10Findings, f => f.StartsWith("STD3008 ", StringComparison.Ordinal));
        Assert.Equal(net10Findings, net472Findings);
        Assert.Equal(net10Reports, Reports(repo));
        Assert.Contains("\"ruleId\": \"STD3014\"", net10Reports.Sarif, StringComparison.Ordinal);
    }

    /// <summary>
    /// A git repo with a finding for each task: a project named after nothing in particular (ApplyStandardsPolicy:
    /// STD1007, a warning, so every project goes on to the other checks) beside one that turns nullable off under
    /// an exception that has not expired, a test project that turns the audit off (CheckPackageDependencies:
    /// STD2010), an ADR without its Decision section and a project without tests (repository checks: STD3014, STD3008).
    /// </summary>
    private static TestRepo ViolatingRepo()
    {
        var repo = LayoutRepos.Compliant("library", "Acme.Orders");
        repo.WriteFile("docs/adr/0001-record-architecture-decisions.md", LayoutRepos.Adr.Replace("## Decision", "## Choice", StringComparison.Ordinal))
            .WriteProject("src/Acme.Orders", "Acme.Orders", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>")
            .WriteProject("tests/Acme.Orders.Tests", "Acme.Orders.Tests", "  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n  </PropertyGroup>")
            .WriteProject("src/Acme.Common", "Acme.Common")
            .WriteFile("src/Acme.Common/Marker.cs", "namespace Acme.Common;\n\n/// <summary>Marker.</summary>\npublic static class Marker\n{\n}\n")
            .WriteFile("standards.json", """
                {
                  "exceptions": [
                    { "rule": "STD0101", "scope": "src/Acme.Orders", "owner": "@acme/orders", "reason": "Legacy code", "expires": "2099-12-31" }
                  ]
                }
                """);
        LayoutRepos.WriteSolution(repo, ["src/Acme.Orders/Acme.Orders.csproj", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj", "src/Acme.Common/Acme.Common.csproj"]);
        repo.Git("init", "-q");
        repo.WriteFile(".gitignore", "bin/\nobj/\nartifacts/\n");
        repo.Git("add", "-A");
        repo.Git("commit", "-q", "-m", "Violating repo");
        return repo;
    }

    /// <summary>Builds from scratch (no obj/, no repository check state), writing the reports; warnings stay warnings.</summary>
    private static BuildResult BuildClean(TestRepo repo, params string[] extra)
    {
        foreach (var folder in Directory.GetDirectories(repo.Root, "obj", SearchOption.AllDirectories).Append(repo.PathOf("artifacts")).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        var build = LayoutRepos.BuildAll(repo, ci: false, ["-p:StandardsReports=true", .. extra]);
        Assert.False(build.Succeeded, "the repo has errors by design\n" + build.Output[^Math.Min(4000, build.Output.Length)..]);
        return build;
    }

    private static List<string> Findings(TestRepo repo, BuildResult build) =>
        [.. build.Diagnostics
            .Where(d => d.Code.StartsWith("STD", StringComparison.Ordinal))
            .Select(d => $"{d.Code} {d.Severity} {Path.GetRelativePath(repo.Root, d.File).Replace('\\', '/')}({d.Line},{d.Column}) {d.Message}")
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static (string Sarif, string Summary) Reports(TestRepo repo) =>
        (repo.ReadFile("artifacts/standards/standards.sarif"), TimeInSummary().Replace(repo.ReadFile("artifacts/standards/summary.md"), "in N ms"));

    [GeneratedRegex(@"in \d+ ms")]
    private static partial Regex TimeInSummary();
}
