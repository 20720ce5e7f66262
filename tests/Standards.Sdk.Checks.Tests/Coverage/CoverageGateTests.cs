using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Coverage;

public class CoverageGateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly ProjectContext Tests = new("Acme.Orders.Tests", ProjectKinds.Test, "tests/Acme.Orders.Tests");
    private static readonly CoveredProject Orders = new(new ProjectContext("Acme.Orders", ProjectKinds.Library, "src/Acme.Orders"), false);

    private static CoverageReport Report(string package, params (string File, (int, int, int, int)[] Lines)[] files) =>
        CoberturaReader.Read("/r.xml", CoverageSamples.Cobertura(package, files), CoverageSamples.Root, _ => false).Report;

    private static CoverageGateInput Input(CoverageReport report, string policy = "{}", params CoveredProject[] projects)
    {
        var loaded = CoverageSamples.Policy(policy);
        return new CoverageGateInput(report, projects.Length == 0 ? [Orders] : projects, CoverageSettings.Read(loaded, []), loaded, Today, CoverageSamples.Root);
    }

    [Fact]
    public void A_run_under_the_line_minimum_fails_naming_the_least_covered_files()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Pricing.cs", CoverageSamples.Lines(10, 2)), ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 10)));
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, Input(report)));
        Assert.Equal((CoverageRuleIds.LineBelowThreshold, Severity.Error), (finding.Code, finding.Severity));
        Assert.Equal("/repo/src/Acme.Orders/Pricing.cs", finding.File);
        Assert.Equal(3, finding.Line);
        Assert.Contains("is 60.0 % (12 of 20 lines), below the minimum of 80.0 %", finding.Message, StringComparison.Ordinal);
        Assert.Contains("src/Acme.Orders/Pricing.cs 20.0 % (2/10)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_over_the_minimums_passes_and_the_numbers_are_configurable()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", [(1, 1, 1, 2), (2, 1, 2, 2), (3, 1, 0, 0), (4, 1, 0, 0), (5, 0, 0, 0)]));
        Assert.Empty(CoverageGate.EvaluateRun(Tests, Input(report)));
        var strict = CoverageGate.EvaluateRun(Tests, Input(report, """{ "coverage": { "line": 85, "branch": 80 } }"""));
        Assert.Equal([CoverageRuleIds.LineBelowThreshold, CoverageRuleIds.BranchBelowThreshold], strict.Select(f => f.Code));
        Assert.Contains("3 of 4 branches", strict[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounding_never_turns_a_miss_into_a_pass()
    {
        // 799 of 1000 lines = 79.9 %.
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(1000, 799)));
        var finding = Assert.Single(CoverageGate.EvaluateRun(Tests, Input(report)));
        Assert.Contains("is 79.9 %", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_critical_project_needs_the_critical_minimum()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 8)));
        Assert.Empty(CoverageGate.EvaluateRun(Tests, Input(report)));
        var critical = CoverageGate.EvaluateRun(Tests, Input(report, "{}", Orders with { Critical = true }));
        var finding = Assert.Single(critical);
        Assert.Equal(CoverageRuleIds.CriticalBelowThreshold, finding.Code);
        Assert.Contains("below the critical minimum of 90.0 %", finding.Message, StringComparison.Ordinal);
        Assert.True(CoverageProjectsFile.IsCritical(CoverageSamples.Policy("""{ "layout": { "criticalProjects": ["src/Acme.*"] } }"""), Orders.Context));
    }

    [Fact]
    public void An_unexpired_exception_lets_a_named_project_through_until_it_expires()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 2)));
        const string policy = """
            { "exceptions": [
              { "rule": "STD4002", "scope": "Acme.Orders", "owner": "@team", "reason": "Legacy", "expires": "2026-12-31" } ] }
            """;
        Assert.Empty(CoverageGate.EvaluateRun(Tests, Input(report, policy)));
        var expired = policy.Replace("2026-12-31", "2026-11-21", StringComparison.Ordinal);
        Assert.Single(CoverageGate.EvaluateRun(Tests, Input(report, expired)));
        Assert.Contains(PolicyLoader.Load("/repo/standards.json", expired, Today).Findings, f => f.Code == "STD0005");
    }

    [Fact]
    public void Repo_gate_judges_each_project_and_the_merged_total()
    {
        var orders = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 10)));
        var legacy = Report("Acme.Legacy", ("src/Acme.Legacy/Old.cs", CoverageSamples.Lines(10, 5)));
        var merged = CoverageMerger.Merge([orders, legacy]);
        var (findings, rows) = CoverageGate.EvaluateRepo(Input(merged), CoverageBaseline.Empty, "/repo/standards-coverage-baseline.json");
        Assert.Equal(["Acme.Legacy", "the repo"], findings.Select(f => f.Message.Split(" is ")[0].Replace("Line coverage of ", string.Empty, StringComparison.Ordinal).Replace(" (merged over every test run)", string.Empty, StringComparison.Ordinal)));
        Assert.Equal([false, true, false], rows.Select(r => r.Passed));

        // Excepting the legacy project also takes it out of the total.
        const string policy = """{ "exceptions": [ { "rule": "STD4002", "scope": "Acme.Legacy", "owner": "@t", "reason": "r", "expires": "2027-01-01" } ] }""";
        Assert.Empty(CoverageGate.EvaluateRepo(Input(merged, policy), CoverageBaseline.Empty, "/b.json").Findings);
    }

    [Fact]
    public void Ratchet_fails_a_drop_beyond_the_tolerance_and_says_when_it_can_rise()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(1000, 850)));
        const string baselineText = """
            {
              "version": 1,
              "total": { "line": 85.0, "branch": 100 },
              "projects": {
                "Acme.Orders": { "line": 86.0, "branch": 100 }
              }
            }
            """;
        var (baseline, problems) = CoverageBaseline.Parse("/repo/standards-coverage-baseline.json", baselineText);
        Assert.Empty(problems);
        var drop = Assert.Single(CoverageGate.EvaluateRepo(Input(report), baseline, "/repo/standards-coverage-baseline.json").Findings);
        Assert.Equal((CoverageRuleIds.BelowBaseline, 5), (drop.Code, drop.Line));
        Assert.Contains("line 85.0 % (baseline 86.0 %)", drop.Message, StringComparison.Ordinal);

        Assert.Empty(CoverageGate.EvaluateRepo(Input(report, """{ "coverage": { "tolerance": 1 } }"""), baseline, "/b.json").Findings);

        var lower = CoverageBaseline.Parse("/b.json", baselineText.Replace("86.0", "80.0", StringComparison.Ordinal)).Baseline;
        var rise = Assert.Single(CoverageGate.EvaluateRepo(Input(report), lower, "/b.json").Findings);
        Assert.Equal((CoverageRuleIds.BaselineCanRise, Severity.Info), (rise.Code, rise.Severity));
    }

    [Fact]
    public void Raising_the_baseline_keeps_the_higher_number_and_drops_projects_that_are_gone()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(1000, 823)));
        var previous = new CoverageBaseline([new("Acme.Orders", 90, 10), new("Gone", 50, 50)]);
        var raised = CoverageGate.RaiseBaseline(report, previous);
        Assert.Equal(new CoverageBaselineEntry("Acme.Orders", 90, 100), raised.Single(e => e.Name == "Acme.Orders"));
        Assert.DoesNotContain(raised, e => e.Name == "Gone");
        var text = CoverageBaseline.Write(raised);
        Assert.Equal(text, CoverageBaseline.Write(CoverageBaseline.Parse("/b.json", text).Baseline.Entries));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"projects\": { \"A\": { \"line\": \"high\", \"branch\": 1 } } }", 1)]
    [InlineData("{\n  \"version\": 1,\n  \"projects\": [\n  ]\n}", 3)]
    [InlineData("{\n  \"version\": 1,\n  \"projects\": {\n", 4)]
    [InlineData("{ \"version\": 2 }", 1)]
    public void A_malformed_baseline_is_STD4006_with_the_line(string text, int line)
    {
        var (_, problems) = CoverageBaseline.Parse("/repo/standards-coverage-baseline.json", text);
        var problem = Assert.Single(problems);
        Assert.Equal((CoverageRuleIds.BaselineMalformed, line), (problem.Code, problem.Line));
    }

    [Fact]
    public void Each_problem_of_an_entry_is_STD4006_at_its_line_and_the_entry_does_not_count()
    {
        const string text = "{\n  \"version\": 1,\n  \"total\": { \"line\": 80, \"branch\": 70 },\n  \"projects\": {\n    \"A\": { \"line\": 101, \"branch\": 1 },\n    \"B\": { \"line\": 50, \"branch\": 1, \"brnch\": 2 },\n    \"C\": 5,\n    \"D\": { \"line\": 60, \"branch\": 40 }\n  }\n}";
        var (baseline, problems) = CoverageBaseline.Parse("/repo/standards-coverage-baseline.json", text);
        Assert.Equal(
            [
                ("STD4006", 5, "standards-coverage-baseline.json: \"line\" in the entry for 'A' is 101; it must be between 0 and 100. Write it as { \"line\": <0-100>, \"branch\": <0-100> }. Fix it, or write it again with `dotnet build -t:StandardsCoverage -p:StandardsUpdateCoverageBaseline=true`."),
                ("STD4006", 6, "standards-coverage-baseline.json: Unknown setting 'brnch' in the entry for 'B'. Did you mean 'branch'? Known settings: line, branch. Fix it, or write it again with `dotnet build -t:StandardsCoverage -p:StandardsUpdateCoverageBaseline=true`."),
                ("STD4006", 7, "standards-coverage-baseline.json: the entry for 'C' must be an object, not number. Fix it, or write it again with `dotnet build -t:StandardsCoverage -p:StandardsUpdateCoverageBaseline=true`."),
            ],
            problems.Select(p => (p.Code, p.Line, p.Message)));
        Assert.Equal([(CoverageBaseline.TotalKey, 3), ("D", 8)], baseline.Entries.Select(e => (e.Name, e.FileLine)));
    }

    [Fact]
    public void Coverage_settings_report_bad_values_with_their_line()
    {
        var findings = new List<Finding>();
        var settings = CoverageSettings.Read(CoverageSamples.Policy("{\n  \"coverage\": {\n    \"line\": 120,\n    \"branch\": 55.5,\n    \"typo\": 1\n  }\n}"), findings);
        Assert.Equal((80, 55.5), (settings.Line, settings.Branch));
        Assert.Equal([("STD0002", 3), ("STD0002", 5)], findings.Select(f => (f.Code, f.Line)));
    }

    [Fact]
    public void Summary_lists_projects_total_and_least_covered_files()
    {
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 7)));
        var (findings, rows) = CoverageGate.EvaluateRepo(Input(report), CoverageBaseline.Empty, "/b.json");
        var markdown = CoverageMarkdown.Write(rows, CoverageSettings.Default, CoverageNumbers.Files(report), 2, CoverageVerdict.Of(findings, false, []));
        Assert.Contains("**Failed** (STD4002) — merged from 2 test run reports", markdown, StringComparison.Ordinal);
        Assert.Contains("| Acme.Orders | 70.0 % (7/10) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| src/Acme.Orders/Order.cs | 70.0 % (7/10) | — (0/0) | 8 |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Severity.Error, false, "**Failed** (STD4001)")]
    [InlineData(Severity.Warning, true, "**Failed** (STD4001)")]
    [InlineData(Severity.Warning, false, "**Passed**")]
    public void Summary_states_the_gates_own_verdict_and_a_failed_gate_shows_no_tick(Severity severity, bool warningsAsErrors, string heading)
    {
        // Every row over its minimums, but the gate failed for a reason of its own (a report it could not read).
        var report = Report("Acme.Orders", ("src/Acme.Orders/Order.cs", CoverageSamples.Lines(10, 10)));
        var (gate, rows) = CoverageGate.EvaluateRepo(Input(report), CoverageBaseline.Empty, "/b.json");
        Assert.Empty(gate);
        Finding[] findings = [new(CoverageRuleIds.ReportMalformed, severity, "unreadable", "/repo/artifacts/coverage/B.Tests/coverage.cobertura.xml", 1)];
        var verdict = CoverageVerdict.Of(findings, warningsAsErrors, []);
        var markdown = CoverageMarkdown.Write(rows, CoverageSettings.Default, CoverageNumbers.Files(report), 2, verdict);
        Assert.StartsWith($"# Coverage\n\n{heading} — merged from 2", markdown, StringComparison.Ordinal);
        Assert.Equal(verdict.Passed ? 2 : 0, markdown.Split("✅").Length - 1);
        Assert.Equal(verdict.Passed ? "passed" : "failed (STD4001)", verdict.Text);
    }
}
