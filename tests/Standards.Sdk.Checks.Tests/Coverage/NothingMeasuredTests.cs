using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>A gate with nothing to measure never passes: every way a project under test can measure no line is STD4009.</summary>
public class NothingMeasuredTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly ProjectContext Tests = new("Acme.Orders.Tests", ProjectKinds.Test, "tests/Acme.Orders.Tests");
    private static readonly CoveredProject Orders = new(new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), false);

    private const string Empty = """
        <?xml version="1.0" encoding="utf-8"?>
        <coverage line-rate="1" branch-rate="1" version="1.9" timestamp="1795339362" lines-covered="0" lines-valid="0" branches-covered="0" branches-valid="0">
          <sources><source>/</source></sources>
          <packages />
        </coverage>
        """;

    /// <summary>The reports a run writes when none of the project under test is measured, by cause.</summary>
    public static TheoryData<string, string, string> Variants => new()
    {
        // [assembly: ExcludeFromCodeCoverage]: coverlet writes no package for it.
        { "assembly excluded", Empty, "{}" },
        // A report of other assemblies (another collector's, or a filter that kept the wrong ones).
        { "other assemblies", CoverageSamples.Cobertura("Acme.Other", ("src/Acme.Other/Other.cs", CoverageSamples.Lines(10, 10))), "{}" },
        // Its package with classes but no measured line.
        { "no lines", CoverageSamples.Cobertura("Acme.Orders", ("src/Acme.Orders/Order.cs", [])), "{}" },
        // coverage.exclude takes every file of it away.
        { "every file excluded", CoverageSamples.Cobertura("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 1))), """{ "coverage": { "exclude": ["src/Acme.Orders/**"] } }""" },
    };

    private static CoverageGateInput Input(string cobertura, string policy, Func<ProjectContext, SourceLine?>? exclusion = null)
    {
        var loaded = CoverageSamples.Policy(policy);
        var settings = CoverageSettings.Read(loaded, []);
        var report = CoverageFilter.Apply(CoberturaReader.Read("/r.xml", cobertura, CoverageSamples.Root, _ => false).Report, ["Acme.Orders"], settings.Exclude);
        return new CoverageGateInput(report, [Orders], settings, loaded, Today, CoverageSamples.Root)
        {
            FindAssemblyExclusion = exclusion,
            FileOf = _ => "/repo/tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj",
        };
    }

    /// <summary>
    /// A report without the project, and no assembly-wide exclusion in it: coverlet may have skipped the assembly (a
    /// PDB naming a source file not on disk, a default exclude filter), which only coverlet's own log says.
    /// </summary>
    [Fact]
    public void A_report_without_the_project_says_how_to_see_whether_coverlet_instrumented_it()
    {
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, Input(Empty, "{}")));
        Assert.Contains("coverlet did not instrument it: coverlet's log says which modules it excluded or could not instrument and why", finding.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet test --diag:<file>", finding.Message, StringComparison.Ordinal);
        Assert.Contains("--diagnostic --diagnostic-verbosity trace", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_run_that_measures_nothing_of_a_project_under_test_fails(string variant, string cobertura, string policy)
    {
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, Input(cobertura, policy)));
        Assert.Equal((CoverageRuleIds.NothingMeasured, Severity.Error, "/repo/tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj"), (finding.Code, finding.Severity, finding.File));
        Assert.StartsWith("The test run of Acme.Orders.Tests measured no line of Acme.Orders, a project under test: ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("add an exception for STD4009 scoped to Acme.Orders", finding.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(variant));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_merge_that_measures_nothing_of_a_project_under_test_fails_and_shows_no_tick(string variant, string cobertura, string policy)
    {
        var input = Input(cobertura, policy);
        var (findings, rows) = CoverageGate.EvaluateRepo(input, CoverageBaseline.Empty, "/repo/standards-coverage-baseline.json");
        var finding = Assert.Single(findings);
        Assert.Equal(CoverageRuleIds.NothingMeasured, finding.Code);
        Assert.StartsWith("The merged coverage measured no line of Acme.Orders", finding.Message, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.False(r.Passed));
        Assert.Contains(rows, r => r.Name == "Acme.Orders");
        var markdown = CoverageMarkdown.Write(rows, input.Settings, CoverageNumbers.Files(input.Report), 1, CoverageVerdict.Of(findings, false, []));
        Assert.Contains("**Failed** (STD4009)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("100.0 % (0/0)", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Total** | — (0/0) | — (0/0) | — | — | ❌ |", markdown, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(variant));
    }

    [Fact]
    public void The_finding_points_at_the_assembly_wide_exclusion_when_there_is_one()
    {
        var at = new SourceLine("/repo/src/Acme.Orders/AssemblyInfo.cs", 3);
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, Input(Empty, "{}", _ => at)));
        Assert.Equal(("/repo/src/Acme.Orders/AssemblyInfo.cs", 3), (finding.File, finding.Line));
        Assert.Contains("[assembly: ExcludeFromCodeCoverage] at /repo/src/Acme.Orders/AssemblyInfo.cs(3) excludes the whole assembly", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaving_a_whole_project_out_takes_an_exception_scoped_to_it_until_it_expires()
    {
        const string policy = """
            { "exceptions": [
              { "rule": "STD4009", "scope": "src/Acme.Orders", "owner": "@team", "reason": "Generated client", "expires": "2026-12-31" } ] }
            """;
        Assert.Empty(CoverageGate.EvaluateRun(Tests, Input(Empty, policy)));
        Assert.Empty(CoverageGate.EvaluateRepo(Input(Empty, policy), CoverageBaseline.Empty, "/b.json").Findings);
        var expired = policy.Replace("2026-12-31", "2026-11-21", StringComparison.Ordinal);
        Assert.Equal(CoverageRuleIds.NothingMeasured, Assert.Single(CoverageGate.EvaluateRun(Tests, Input(Empty, expired))).Code);

        // An exception for the line minimum is not one for measuring nothing.
        var other = policy.Replace("STD4009", "STD4002", StringComparison.Ordinal);
        Assert.Equal(CoverageRuleIds.NothingMeasured, Assert.Single(CoverageGate.EvaluateRun(Tests, Input(Empty, other))).Code);
    }

    [Fact]
    public void A_project_that_is_measured_beside_one_that_is_not_still_fails_the_run()
    {
        var legacy = new CoveredProject(new ProjectContext("Acme.Legacy", ProjectKinds.Library, "src/Acme.Legacy"), false);
        var loaded = CoverageSamples.Policy("{}");
        var report = CoberturaReader.Read("/r.xml", CoverageSamples.Cobertura("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 10))), CoverageSamples.Root, _ => false).Report;
        var input = new CoverageGateInput(report, [Orders, legacy], CoverageSettings.Read(loaded, []), loaded, Today, CoverageSamples.Root);
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, input));
        Assert.Contains("measured no line of Acme.Legacy", finding.Message, StringComparison.Ordinal);
        var (_, rows) = CoverageGate.EvaluateRepo(input, CoverageBaseline.Empty, "/b.json");
        Assert.Equal([("Acme.Orders", true), ("Acme.Legacy", false), ("Total", false)], rows.Select(r => (r.Name, r.Passed)));
    }

    [Theory]
    [InlineData("[assembly: ExcludeFromCodeCoverage]", 2)]
    [InlineData("  [assembly:System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]", 2)]
    [InlineData("[ assembly : global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverageAttribute(Justification = \"x\")]", 2)]
    [InlineData("[assembly: ExcludeFromCodeCoverage()]", 2)]
    public void An_assembly_wide_exclusion_is_found_at_its_line(string attribute, int line)
    {
        var files = new Dictionary<string, string>
        {
            ["/repo/src/A/Class.cs"] = "[ExcludeFromCodeCoverage]\npublic class C { }\n// [assembly: ExcludeFromCodeCoverage]\n",
            ["/repo/src/A/Properties/AssemblyInfo.cs"] = "using System.Diagnostics.CodeAnalysis;\n" + attribute + "\n",
        };
        Assert.Equal(new SourceLine("/repo/src/A/Properties/AssemblyInfo.cs", line), CoverageExclusion.Find(files.Keys, f => files[f]));
    }

    [Theory]
    [InlineData("[ExcludeFromCodeCoverage]\npublic class C { }")]
    [InlineData("// [assembly: ExcludeFromCodeCoverage]")]
    [InlineData("[assembly: ExcludeFromCodeCoverageSomething]")]
    [InlineData("[assembly: InternalsVisibleTo(\"ExcludeFromCodeCoverage\")]")]
    public void Other_uses_are_not_an_assembly_wide_exclusion(string text)
    {
        Assert.Null(CoverageExclusion.Find(["/a.cs", "/unreadable.cs"], f => f == "/a.cs" ? text : null));
    }
}
