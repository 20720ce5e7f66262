using System.Text.RegularExpressions;

namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>Profile §1 on real builds of the packed SDK: every row's violating and compliant sample.</summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed partial class BuildPolicyTests(PolicySampleRepos repos) : IClassFixture<PolicySampleRepos>
{
    public static TheoryData<string> ViolatingProjects()
    {
        var data = new TheoryData<string>();
        foreach (var sample in PolicySamples.Violating)
        {
            data.Add(sample.Project);
        }

        return data;
    }

    public static TheoryData<string> CompliantProjects()
    {
        var data = new TheoryData<string>();
        foreach (var sample in PolicySamples.Compliant)
        {
            data.Add(sample.Project);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ViolatingProjects))]
    public void Violating_sample_gives_exactly_its_diagnostics(string project)
    {
        var sample = PolicySamples.Violating.Single(s => s.Project == project);
        var (repo, build) = repos.Violating;
        var folder = repo.PathOf(sample.Folder) + Path.DirectorySeparatorChar;

        var actual = build.Diagnostics
            .Where(d => d.File.StartsWith(folder, StringComparison.Ordinal) || d.Project.StartsWith(folder, StringComparison.Ordinal))
            .Select(d => (d.Code, File: Path.GetRelativePath(repo.PathOf(sample.Folder), d.File), d.Line, d.Severity))
            .Distinct()
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var expected = sample.Expected
            .Select(e => (e.Code, e.File, e.Line, Severity: "error"))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

        Assert.True(expected.SequenceEqual(actual),
            $"{project}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]\n{string.Join("\n", build.Diagnostics.Where(d => d.Project.StartsWith(folder, StringComparison.Ordinal)))}");
    }

    [Fact]
    public void Violating_diagnostics_carry_a_help_link()
    {
        var (_, build) = repos.Violating;
        Assert.All(build.Diagnostics.Where(d => d.Code.StartsWith("STD", StringComparison.Ordinal)),
            d => Assert.Contains($"docs/rules/{d.Code}.md", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void No_check_crashes_with_MSB4018()
    {
        var (_, build) = repos.Violating;
        Assert.Empty(build.WithCode("MSB4018"));
        Assert.Empty(build.WithCode("STD0000"));
    }

    [Theory]
    [MemberData(nameof(CompliantProjects))]
    public void Compliant_sample_builds_clean_with_zero_warnings_in_CI(string project)
    {
        var sample = PolicySamples.Compliant.Single(s => s.Project == project);
        var (repo, build) = repos.Compliant;
        var folder = repo.PathOf(sample.Folder) + Path.DirectorySeparatorChar;

        Assert.DoesNotContain(build.Diagnostics, d => d.File.StartsWith(folder, StringComparison.Ordinal) || d.Project.StartsWith(folder, StringComparison.Ordinal));
        Assert.True(repo.Exists($"{sample.Folder}/bin/Debug/{(project == "Multi.Good" ? "netstandard2.0" : "net10.0")}/{project}.dll"), build.Output);
    }

    [Fact]
    public void Compliant_repo_build_succeeds_with_zero_warnings()
    {
        var (_, build) = repos.Compliant;
        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Diagnostics);
    }

    [Fact]
    public void Implicit_analyzer_references_restore_under_central_package_management()
    {
        var (repo, build) = repos.Compliant;
        Assert.True(repo.Exists("Directory.Packages.props"));
        Assert.DoesNotContain(build.Diagnostics, d => d.Code is "NU1008" or "NU1010");
        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", repo.ReadFile("src/Banned.Good/obj/project.assets.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_targeting_builds_every_framework()
    {
        var (repo, build) = repos.Compliant;
        Assert.True(repo.Exists("src/Multi.Good/bin/Debug/net10.0/Multi.Good.dll"), build.Output);
        Assert.True(repo.Exists("src/Multi.Good/bin/Debug/netstandard2.0/Multi.Good.dll"), build.Output);
    }

    [Fact]
    public void Pinned_analyzer_package_replaces_the_in_box_copy()
    {
        var (_, build) = repos.Compliant;
        var compilations = build.TaskRuns("Csc");
        Assert.Equal(PolicySamples.Compliant.Count + 1, compilations.Count); // Multi.Good compiles twice
        Assert.All(compilations, c => Assert.Contains("microsoft.codeanalysis.netanalyzers/10.0.111/analyzers/dotnet/cs/Microsoft.CodeAnalysis.NetAnalyzers.dll", c.CommandLine, StringComparison.Ordinal));
        Assert.All(compilations, c => Assert.DoesNotContain("Sdks/Microsoft.NET.Sdk/targets/../analyzers/Microsoft.CodeAnalysis.NetAnalyzers.dll", c.CommandLine, StringComparison.Ordinal));
    }

    /// <summary>
    /// What the policy costs in the inner loop is attributed analyzer by analyzer in docs/performance.md: every analyzer
    /// assembly the compiler gets in a build of the compliant samples (library, test, tool, worker and benchmark
    /// projects) has its row there, but the generators of the runtime's reference packs, which a build without the
    /// policy runs too. An analyzer the policy starts to add without its cost measured fails here.
    /// </summary>
    [Fact]
    public void Every_analyzer_the_policy_adds_is_in_the_attribution_table()
    {
        var (_, build) = repos.Compliant;
        var performance = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "performance.md")).ReplaceLineEndings("\n");
        var start = performance.IndexOf("\n### Analyzer attribution", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/performance.md has no section \"Analyzer attribution\"");
        var end = performance.IndexOf("\n### ", start + 1, StringComparison.Ordinal);
        var table = performance[start..(end < 0 ? performance.Length : end)];

        var analyzers = build.TaskRuns("Csc")
            .SelectMany(c => AnalyzerArgument().Matches(c.CommandLine).Select(m => m.Groups["path"].Value.Replace('\\', '/')))
            .Where(path => !path.Contains("/packs/", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("Microsoft.CodeAnalysis.NetAnalyzers", analyzers);
        Assert.Contains("Standards.Sdk.Analyzers", analyzers);
        var missing = analyzers.Where(a => !table.Contains($"`{a}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/performance.md's analyzer attribution has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Inferred_kind_is_printed_at_normal_verbosity()
    {
        var (_, build) = repos.Compliant;
        var kinds = build.Messages.Where(m => m.Target == "StandardsReportProjectKind").ToList();
        Assert.All(kinds, m => Assert.Equal(BuildMessageImportance.Normal, m.Importance));
        Assert.Single(kinds, m => m.Text == "Standards.Sdk: Clock.Tests is a 'test' project (inferred from the project name).");
        Assert.Single(kinds, m => m.Text == "Standards.Sdk: Cli.Tool is a 'tool' project (inferred from OutputType).");
        Assert.Single(kinds, m => m.Text == "Standards.Sdk: Logging.Good is a 'worker' project (declared by StandardsProjectKind).");
        Assert.Single(kinds, m => m.Text == "Standards.Sdk: Orders.Benchmarks is a 'benchmark' project (inferred from the project name).");
        Assert.Single(kinds, m => m.Text == "Standards.Sdk: Todo.Good is a 'library' project (the default for a project that is nothing else).");
    }

    [GeneratedRegex("""/analyzer:(?:"(?<path>[^"]+)"|(?<path>\S+))""")]
    private static partial Regex AnalyzerArgument();
}
