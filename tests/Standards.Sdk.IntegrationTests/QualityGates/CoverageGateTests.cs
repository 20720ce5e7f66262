using System.Text.RegularExpressions;

namespace Standards.Sdk.IntegrationTests.QualityGates;

/// <summary>
/// The coverage gates on real `dotnet test` runs (VSTest, coverlet.collector as the SDK adds it): the per-run gate,
/// the merge of two test projects covering one library, the ratchet and its update command, exceptions with an
/// expiry, the incremental repo gate and malformed reports.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class CoverageGateTests
{
    private const string Gate = "StandardsCoverageGate";
    private const string Baseline = "standards-coverage-baseline.json";
    private const string Lenient = """{ "coverage": { "line": 30, "branch": 20 } }""";
    private const string Map = "tests/A.Tests/bin/Debug/net10.0/CoverletSourceRootsMapping_A.Tests";

    [Fact]
    public void Coverage_is_collected_per_test_project_merged_once_ratcheted_and_the_same_in_a_CI_build_with_coverlets_source_map()
    {
        using var repo = CoverageRepos.Create(Lenient);

        // Collected by default, into a stable per-project place; both runs pass the lenient minimums.
        var test = CoverageRepos.Test(repo);
        Assert.True(test.Succeeded, test.Output);

        // Local: real source paths in the PDBs, so coverlet's source-root map is not made (its target is replaced).
        Assert.False(repo.Exists(Map), "a local build should not make coverlet's source-root map\n" + test.Output);
        var localLines = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        Assert.NotEmpty(localLines.Covered);
        Assert.Contains(test.Messages, m => Regex.IsMatch(m.Text, @"^Standards: coverage of A\.Tests: line \d+\.\d % \(\d+/\d+\), branch \d+\.\d % \(\d+/\d+\) over Lib"));
        Assert.Contains(test.Messages, m => Regex.IsMatch(m.Text, @"^Standards: coverage of B\.Tests: line \d+\.\d % \(\d+/\d+\), branch \d+\.\d % \(\d+/\d+\) over Lib"));
        Assert.True(repo.Exists("artifacts/coverage/A.Tests/coverage.cobertura.xml"));
        Assert.True(repo.Exists("artifacts/coverage/B.Tests/coverage.cobertura.xml"));

        // The merge: a line hit by either test project counts once.
        var merge = CoverageRepos.Merge(repo);
        Assert.True(merge.Succeeded, merge.Output);
        Assert.True(merge.Ran(Gate), merge.Output);
        var a = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        var b = CoverageRepos.Lines(repo, "artifacts/coverage/B.Tests/coverage.cobertura.xml");
        var merged = CoverageRepos.Lines(repo, "artifacts/coverage-report/coverage.cobertura.xml");
        Assert.Equal(a.Valid.Order(), merged.Valid.Order());
        Assert.Equal(a.Covered.Union(b.Covered).Order(), merged.Covered.Order());
        Assert.True(merged.Covered.Count > a.Covered.Count && merged.Covered.Count > b.Covered.Count);
        Assert.All(merged.Valid, line => Assert.Equal("src/Lib/Calc.cs", line.Item1));
        Assert.Contains("| Lib |", repo.ReadFile("artifacts/coverage-report/summary.md"), StringComparison.Ordinal);
        AssertReportsStateThePassedVerdict(repo, merge);

        // Incremental: nothing changed, the gate is skipped.
        var noop = CoverageRepos.Merge(repo);
        Assert.True(noop.Succeeded, noop.Output);
        Assert.True(noop.Skipped(Gate), noop.Output);

        // Content decides, not timestamps: standards.json edited but dated a month back still re-runs the gate.
        repo.WriteFile("standards.json", """{ "coverage": { "line": 31, "branch": 20 } }""");
        File.SetLastWriteTimeUtc(repo.PathOf("standards.json"), DateTime.UtcNow.AddDays(-30));
        var older = CoverageRepos.Merge(repo);
        Assert.True(older.Succeeded, older.Output);
        Assert.True(older.Ran(Gate), older.Output);

        AssertTheRatchetItsUpdateAndAMalformedReport(repo);
        AssertACiRunCoversTheSameLinesThroughCoverletsSourceMap(repo, localLines);
    }

    [Fact]
    public void Coverage_files_that_cannot_be_written_are_STD0008_naming_the_setting_that_moves_them_never_STD0000()
    {
        using var repo = CoverageRepos.Create(Lenient);
        // A file where each folder should be: the way a read-only or foreign-owned folder fails, and root can't dodge it.
        repo.WriteFile("blocked", "a file where the folders should be");

        // The per-project reports: one STD0008 per test project; the run's own gate still applies.
        var reports = CoverageRepos.Test(repo, "-p:StandardsCoverageDirectory=" + repo.PathOf("blocked/coverage/"));
        Assert.False(reports.Succeeded, reports.Output);
        var perProject = reports.WithCode("STD0008").ToList();
        Assert.True(perProject.Count == 2, reports.Output);
        Assert.All(perProject, d => Assert.Contains("StandardsCoverageDirectory", d.Message, StringComparison.Ordinal));
        Assert.Contains(perProject, d => d.Message.Contains("the coverage report of A.Tests", StringComparison.Ordinal));
        Assert.Contains(reports.Messages, m => m.Text.StartsWith("Standards: coverage of B.Tests: line ", StringComparison.Ordinal));
        Assert.Empty(reports.WithCode("STD0000"));
        Assert.Empty(reports.WithCode("MSB4018"));

        // The repo gate's folder (its inputs cache goes first), then its summary alone (a folder in the file's place),
        // then the baseline the update command asked for.
        Assert.True(CoverageRepos.Test(repo, "--no-build").Succeeded);
        var folder = CoverageRepos.Merge(repo, "-p:StandardsCoverageReportDirectory=" + repo.PathOf("blocked/report/"));
        Assert.False(folder.Succeeded, folder.Output);
        Assert.Contains("StandardsCoverageReportDirectory", Single(folder, "STD0008").Message, StringComparison.Ordinal);
        Assert.False(folder.Ran(Gate), folder.Output);
        Directory.CreateDirectory(repo.PathOf("artifacts/coverage-report/summary.md"));
        var merged = CoverageRepos.Merge(repo);
        Assert.False(merged.Succeeded, merged.Output);
        var summary = Single(merged, "STD0008");
        Assert.Contains("the merged coverage report and its summary", summary.Message, StringComparison.Ordinal);
        Assert.Contains("StandardsCoverageReportDirectory", summary.Message, StringComparison.Ordinal);
        Assert.True(repo.Exists("artifacts/coverage-report/coverage.cobertura.xml"), merged.Output);
        Directory.Delete(repo.PathOf("artifacts/coverage-report/summary.md"));
        var baseline = CoverageRepos.Merge(repo, "-p:StandardsUpdateCoverageBaseline=true", "-p:StandardsCoverageBaselineFile=" + repo.PathOf("blocked/baseline.json"));
        Assert.False(baseline.Succeeded, baseline.Output);
        Assert.Contains("StandardsCoverageBaselineFile", Single(baseline, "STD0008").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(baseline.Messages, m => m.Text.StartsWith("Standards: wrote ", StringComparison.Ordinal));
        Assert.Empty(folder.WithCode("STD0000").Concat(merged.WithCode("STD0000")).Concat(baseline.WithCode("STD0000")));

        // The record of which reports were there before a run, in the project's obj/: a folder in the file's place.
        var record = Directory.GetFiles(repo.PathOf("tests/A.Tests/obj"), "coverage.run-start", SearchOption.AllDirectories).Single();
        File.Delete(record);
        Directory.CreateDirectory(record);
        var run = CoverageRepos.Test(repo, "--no-build");
        Assert.False(run.Succeeded, run.Output);
        var start = Single(run, "STD0008");
        Assert.Contains("BaseIntermediateOutputPath", start.Message, StringComparison.Ordinal);
        Assert.Empty(run.WithCode("STD0000"));
    }

    [Fact]
    public void A_run_under_the_minimum_fails_naming_the_file_and_an_exception_lets_the_project_through_until_it_expires()
    {
        using var repo = CoverageRepos.Create("""{ "coverage": { "line": 90 } }""");
        var under = CoverageRepos.Test(repo);
        Assert.False(under.Succeeded);
        var misses = under.WithCode("STD4002").ToList();
        Assert.Equal(2, misses.Count);
        Assert.All(misses, d => Assert.Equal("Calc.cs", d.FileName));
        Assert.All(misses, d => Assert.Contains("Least covered: src/Lib/Calc.cs", d.Message, StringComparison.Ordinal));
        Assert.Contains(misses, d => d.Project.EndsWith("B.Tests.csproj", StringComparison.Ordinal));

        // A test project's own StandardsCoverageExclude (globs, not expanded by MSBuild) leaves files out of its run;
        // leaving every file of a project under test out is measuring nothing of it (STD4009), not a pass.
        var excluded = CoverageRepos.Test(repo, "--no-build", "-p:StandardsCoverageExclude=src/*/Calc*.cs");
        Assert.False(excluded.Succeeded, excluded.Output);
        Assert.Empty(excluded.WithCode("STD4002"));
        Assert.Equal(2, excluded.WithCode("STD4009").Count());

        repo.WriteFile("standards.json", """
            {
              "coverage": { "line": 90 },
              "exceptions": [
                { "rule": "STD4002", "scope": "Lib", "owner": "@team-lib", "reason": "Tests land with #42", "expires": "2026-12-31" },
                { "rule": "STD4003", "scope": "src/Lib", "owner": "@team-lib", "reason": "Tests land with #42", "expires": "2026-12-31" }
              ]
            }
            """);
        var excepted = CoverageRepos.Test(repo, "--no-build", "-p:StandardsToday=2026-11-22");
        Assert.True(excepted.Succeeded, excepted.Output);

        var expired = CoverageRepos.Test(repo, "--no-build", "-p:StandardsToday=2027-01-01");
        Assert.False(expired.Succeeded);
        Assert.NotEmpty(expired.WithCode("STD4002"));
    }

    /// <summary>
    /// The repo gate reads the policy file the projects name (StandardsPolicyFile in Directory.Build.props), not the
    /// root's standards.json beside it: there the minimum is 30 % and the merge (about 90 %) would pass.
    /// </summary>
    [Fact]
    public void The_repo_gate_reads_the_policy_file_the_projects_name()
    {
        using var repo = CoverageRepos.Create(Lenient);
        repo.WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <StandardsPolicyFile>$(MSBuildThisFileDirectory)eng/standards.json</StandardsPolicyFile>\n  </PropertyGroup>\n</Project>\n")
            .WriteFile("eng/standards.json", """
                {
                  "coverage": { "line": 95, "branch": 20 },
                  "exceptions": [
                    { "rule": "STD4002", "scope": "A.Tests", "owner": "@team-lib", "reason": "Each run covers half of Lib", "expires": "2026-12-31" },
                    { "rule": "STD4002", "scope": "B.Tests", "owner": "@team-lib", "reason": "Each run covers half of Lib", "expires": "2026-12-31" }
                  ]
                }
                """);

        // The runs' gates read the named file too: excepted there, so the tests pass.
        var test = CoverageRepos.Test(repo, "-p:StandardsToday=2026-11-22");
        Assert.True(test.Succeeded, test.Output);

        var merge = CoverageRepos.Merge(repo, "-p:StandardsToday=2026-11-22");
        Assert.False(merge.Succeeded, merge.Output);
        var lib = Assert.Single(merge.WithCode("STD4002"));
        Assert.Contains("Lib", lib.Message, StringComparison.Ordinal);
        Assert.Contains("95", lib.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// StandardsCoverageJudgeAll=true on the coverage step judges each VSTest run again on the report `dotnet test`
    /// wrote, and the merge even when a run gate fails: every gate's number in one step, the tests not run again.
    /// </summary>
    [Fact]
    public void The_coverage_step_judging_all_gates_rejudges_each_VSTest_run_without_running_the_tests_and_fails_as_dotnet_test_did()
    {
        using var repo = CoverageRepos.Create("""{ "coverage": { "line": 90 } }""");
        var under = CoverageRepos.Test(repo);
        Assert.False(under.Succeeded, under.Output);
        var runGates = RunGates(under);
        Assert.Equal(2, under.WithCode("STD4002").Count());
        Assert.All(under.Errors, e => Assert.Contains(e.Code, new[] { "STD4002", "STD4003" }));
        var runs = TestRuns(repo);

        // Both run gates fail with the numbers dotnet test measured, and the merge is judged too.
        var all = CoverageRepos.Merge(repo, JudgeAll);
        Assert.False(all.Succeeded, all.Output);
        Assert.Equal(runGates, RunGates(all));
        Assert.True(all.Ran(Gate), all.Output);
        // Each error is a gate's own: the MSBuild task that called the failed gates adds none (MSB4181).
        Assert.All(all.Errors, e => Assert.Contains(e.Code, new[] { "STD4002", "STD4003" }));

        // Nothing changed, so it fails again: a failed run gate leaves the merge no stamp to skip on (the merge alone
        // would pass here, and its stamp would skip it).
        var again = CoverageRepos.Merge(repo, JudgeAll);
        Assert.False(again.Succeeded, again.Output);
        Assert.Equal(runGates, RunGates(again));
        Assert.True(again.Ran(Gate), again.Output);

        // Without the switch the step judges the merge alone, as CI's coverage step always has.
        var mergeOnly = CoverageRepos.Merge(repo);
        Assert.Empty(RunGates(mergeOnly));
        Assert.True(mergeOnly.Ran(Gate), mergeOnly.Output);

        // At minimums the runs reach, every gate passes, judged on the same reports.
        repo.WriteFile("standards.json", Lenient);
        var passed = CoverageRepos.Merge(repo, JudgeAll);
        Assert.True(passed.Succeeded, passed.Output);
        Assert.Contains(passed.Messages, m => m.Text == "Standards: coverage gate of A.Tests passed.");
        Assert.Contains(passed.Messages, m => m.Text == "Standards: coverage gate of B.Tests passed.");

        // A run gate that fails still fails the step; a recorded test project that is gone is skipped.
        repo.WriteFile("standards.json", """{ "coverage": { "line": 30, "branch": 60 } }""");
        var branch = CoverageRepos.Merge(repo, JudgeAll);
        Assert.False(branch.Succeeded, branch.Output);
        Assert.Contains(branch.WithCode("STD4003"), d => d.Project.EndsWith("B.Tests.csproj", StringComparison.Ordinal));
        repo.WriteFile("standards.json", Lenient);
        repo.WriteFile("artifacts/coverage/Gone.Tests/coverage.vstest", repo.PathOf("tests/Gone.Tests/Gone.Tests.csproj") + "|net10.0|Debug|\n");
        var gone = CoverageRepos.Merge(repo, JudgeAll);
        Assert.True(gone.Succeeded, gone.Output);
        Assert.DoesNotContain("Gone.Tests", string.Join('\n', gone.Messages.Select(m => m.Text)), StringComparison.Ordinal);
        Assert.Equal(runs, TestRuns(repo));

        // A run given its own results folder (as the CI templates run dotnet test) is judged again there, and only
        // there: the projects' own TestResults/ are gone.
        Directory.Delete(repo.PathOf("tests/A.Tests/TestResults"), recursive: true);
        Directory.Delete(repo.PathOf("tests/B.Tests/TestResults"), recursive: true);
        var shared = CoverageRepos.Test(repo, "--no-build", "--results-directory", repo.PathOf("artifacts/test-results"));
        Assert.True(shared.Succeeded, shared.Output);
        repo.WriteFile("standards.json", """{ "coverage": { "line": 90 } }""");
        var there = CoverageRepos.Merge(repo, JudgeAll);
        Assert.False(there.Succeeded, there.Output);
        Assert.Equal(runGates, RunGates(there));
        Assert.Empty(there.WithCode("STD4007"));
    }

    private const string JudgeAll = "-p:StandardsCoverageJudgeAll=true";

    // The per-run gates' findings (on a test project), in a comparable form.
    private static List<string> RunGates(BuildResult build) =>
        [.. build.Diagnostics.Where(d => d.Code.StartsWith("STD400", StringComparison.Ordinal) && d.Project.EndsWith(".Tests.csproj", StringComparison.Ordinal))
            .Select(d => $"{Path.GetFileName(d.Project)} {d.Code} {d.Message}").Distinct().Order(StringComparer.Ordinal)];

    // Each VSTest run leaves a report of its own under the test projects' TestResults folders.
    private static int TestRuns(TestRepo repo) =>
        Directory.EnumerateFiles(repo.PathOf("tests"), "coverage.cobertura.xml", SearchOption.AllDirectories).Count(f => f.Contains("TestResults", StringComparison.Ordinal));

    [Fact]
    public void A_library_excluded_from_coverage_as_a_whole_fails_both_gates_until_an_exception_names_it()
    {
        using var repo = CoverageRepos.Create(Lenient);
        repo.WriteFile("src/Lib/AssemblyInfo.cs", "using System.Diagnostics.CodeAnalysis;\n\n[assembly: ExcludeFromCodeCoverage]\n");

        // Per run: coverlet writes no line of Lib; each run's gate fails at the attribute instead of passing on 0/0.
        var run = CoverageRepos.Test(repo);
        Assert.False(run.Succeeded, run.Output);
        var findings = run.WithCode("STD4009").ToList();
        Assert.True(findings.Count == 2, run.Output);
        Assert.All(findings, d => Assert.Equal(("AssemblyInfo.cs", 3), (d.FileName, d.Line)));
        Assert.Contains(run.Messages, m => m.Text == "Standards: coverage gate of A.Tests failed (STD4009).");
        Assert.Contains(run.Messages, m => m.Text.StartsWith("Standards: coverage of A.Tests: line — (0/0), branch — (0/0) over Lib", StringComparison.Ordinal));

        // The merge: the same, and the summary says the gate failed, with no tick and no "100.0 % (0/0)".
        var merge = CoverageRepos.Merge(repo);
        Assert.False(merge.Succeeded, merge.Output);
        Assert.Equal(("AssemblyInfo.cs", 3), (Single(merge, "STD4009").FileName, Single(merge, "STD4009").Line));
        var summary = repo.ReadFile("artifacts/coverage-report/summary.md");
        Assert.Contains("**Failed** (STD4009)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("100.0 % (0/0)", summary, StringComparison.Ordinal);
        Assert.Contains(merge.Messages, m => m.Text.StartsWith("Standards: coverage gate failed (STD4009): merged from 2 reports: line — (0/0)", StringComparison.Ordinal));

        // Leaving the whole project out is a decision with an owner and a date.
        repo.WriteFile("standards.json", """
            { "coverage": { "line": 30, "branch": 20 },
              "exceptions": [ { "rule": "STD4009", "scope": "src/Lib", "owner": "@team-lib", "reason": "Generated client", "expires": "2026-12-31" } ] }
            """);
        Assert.True(CoverageRepos.Test(repo, "--no-build", "-p:StandardsToday=2026-11-22").Succeeded);
        var excepted = CoverageRepos.Merge(repo, "-p:StandardsToday=2026-11-22");
        Assert.True(excepted.Succeeded, excepted.Output);
    }

    [Fact]
    public void The_repo_gate_merges_only_the_reports_of_current_test_projects_and_frameworks_and_names_each_leftover()
    {
        using var repo = CoverageRepos.Create("""{ "coverage": { "line": 20, "branch": 0 } }""");
        Assert.True(CoverageRepos.Test(repo).Succeeded);
        var current = CoverageRepos.Lines(repo, "artifacts/coverage/B.Tests/coverage.cobertura.xml");

        // Leftovers that cover every line: a renamed test project's folder, and a framework A.Tests does not target.
        var full = repo.ReadFile("artifacts/coverage/A.Tests/coverage.cobertura.xml").Replace("hits=\"0\"", "hits=\"1\"", StringComparison.Ordinal);
        repo.WriteFile("artifacts/coverage/Old.Tests/coverage.cobertura.xml", full)
            .WriteFile("artifacts/coverage/Old.Tests/coverage.projects", repo.ReadFile("artifacts/coverage/A.Tests/coverage.projects"))
            .WriteFile("artifacts/coverage/Old.Tests/coverage.source", "project\ttests/Old.Tests/Old.Tests.csproj\nframeworks\t\n")
            .WriteFile("artifacts/coverage/A.Tests/net8.0/coverage.cobertura.xml", full)
            .WriteFile("artifacts/coverage/A.Tests/net8.0/coverage.projects", repo.ReadFile("artifacts/coverage/A.Tests/coverage.projects"));
        // And A.Tests' own report is gone (its project was renamed too): only B.Tests' counts.
        repo.DeleteFile("artifacts/coverage/A.Tests/coverage.cobertura.xml");

        var merge = CoverageRepos.Merge(repo);
        Assert.True(merge.Succeeded, merge.Output);
        var merged = CoverageRepos.Lines(repo, "artifacts/coverage-report/coverage.cobertura.xml");
        Assert.Equal(current.Covered.Order(), merged.Covered.Order());
        Assert.Contains(merge.Messages, m => m.Text.StartsWith("Standards: coverage report left out of the merge: ", StringComparison.Ordinal)
            && m.Text.EndsWith("Old.Tests/coverage.cobertura.xml: its test project tests/Old.Tests/Old.Tests.csproj no longer exists (renamed or deleted).", StringComparison.Ordinal));
        Assert.Contains(merge.Messages, m => m.Text.EndsWith("A.Tests/net8.0/coverage.cobertura.xml: tests/A.Tests/A.Tests.csproj no longer multi-targets: this report of net8.0 is from before.", StringComparison.Ordinal));
        Assert.Contains("## Reports left out", repo.ReadFile("artifacts/coverage-report/summary.md"), StringComparison.Ordinal);

        // Deleting the test project whose report is there takes it out of the next merge, though no report changed.
        repo.DeleteFile("tests/B.Tests/B.Tests.csproj");
        var gone = repo.Build("tests/A.Tests/A.Tests.csproj", ci: false, ["-t:StandardsCoverage", "--no-restore"]);
        Assert.False(gone.Succeeded, gone.Output);
        Assert.True(gone.Ran(Gate), gone.Output);
        Assert.NotEmpty(gone.WithCode("STD4007"));
    }

    // The ratchet and its update command on the merged repo of the first test, then a malformed report.
    private static void AssertTheRatchetItsUpdateAndAMalformedReport(TestRepo repo)
    {
        // A baseline above today's number fails, at the entry.
        repo.WriteFile(Baseline, "{\n  \"version\": 1,\n  \"projects\": {\n    \"Lib\": { \"line\": 99.9, \"branch\": 99.9 }\n  }\n}\n");
        var ratchet = CoverageRepos.Merge(repo);
        Assert.False(ratchet.Succeeded);
        Assert.True(ratchet.Ran(Gate));
        var drop = Assert.Single(ratchet.WithCode("STD4005"));
        Assert.Equal((Baseline, 4), (drop.FileName, drop.Line));

        // The update command writes today's numbers; then the gate passes and is skipped again.
        repo.DeleteFile(Baseline);
        var update = CoverageRepos.Merge(repo, "-p:StandardsUpdateCoverageBaseline=true");
        Assert.True(update.Succeeded, update.Output);
        Assert.Contains("\"Lib\": {", repo.ReadFile(Baseline), StringComparison.Ordinal);
        Assert.DoesNotContain(repo.Root, repo.ReadFile(Baseline), StringComparison.Ordinal);
        Assert.True(CoverageRepos.Merge(repo).Succeeded);
        Assert.True(CoverageRepos.Merge(repo).Skipped(Gate));

        // A malformed report is a coded error with its file and line, never MSB4018; a changed report re-runs the gate.
        var report = repo.ReadFile("artifacts/coverage/B.Tests/coverage.cobertura.xml");
        repo.WriteFile("artifacts/coverage/B.Tests/coverage.cobertura.xml", "<coverage>\n<packages>\n<package>\n");
        var malformed = CoverageRepos.Merge(repo);
        Assert.False(malformed.Succeeded);
        var bad = Assert.Single(malformed.WithCode("STD4001"));
        Assert.Equal(("coverage.cobertura.xml", 3), (bad.FileName, bad.Line));
        Assert.Empty(malformed.WithCode("MSB4018"));
        Assert.Empty(malformed.WithCode("STD0000"));
        repo.WriteFile("artifacts/coverage/B.Tests/coverage.cobertura.xml", report);
    }

    // CI, under the policy of the local run before and without the baseline the merges wrote (they write nothing
    // else but artifacts/coverage-report): deterministic "/_/" paths; coverlet's own target writes the map and the
    // same lines of Lib are covered as in the local run.
    private static void AssertACiRunCoversTheSameLinesThroughCoverletsSourceMap(TestRepo repo, (HashSet<(string, int)> Covered, HashSet<(string, int)> Valid) localLines)
    {
        repo.WriteFile("standards.json", Lenient).DeleteFile(Baseline);
        var ci = repo.Dotnet(["test", repo.PathOf(CoverageRepos.Solution), "-nologo", "-nr:false"], ci: true);
        Assert.True(ci.Succeeded, ci.Output);
        Assert.True(repo.Exists(Map), "a CI build should make coverlet's source-root map\n" + ci.Output);
        Assert.Contains("=/_/", repo.ReadFile(Map), StringComparison.Ordinal);
        var ciLines = CoverageRepos.Lines(repo, "artifacts/coverage/A.Tests/coverage.cobertura.xml");
        Assert.Equal(localLines.Valid.Order(), ciLines.Valid.Order());
        Assert.Equal(localLines.Covered.Order(), ciLines.Covered.Order());
    }

    // The HTML report's first page carries the gate's verdict and minimums and the date of the merge (not 1970)
    // and no vendor promotion; summary.md starts with the verdict.
    private static void AssertReportsStateThePassedVerdict(TestRepo repo, BuildResult merge)
    {
        Assert.True(repo.Exists("artifacts/coverage-report/html/index.html"), "ReportGenerator should write the HTML report\n" + merge.Output);
        var html = repo.ReadFile("artifacts/coverage-report/html/index.html");
        Assert.Contains("Coverage gate passed; minimums in percent: line 30, branch 20, critical line 90", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1970", html, StringComparison.Ordinal);
        Assert.DoesNotContain("PRO version", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sponsor", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("display: none", repo.ReadFile("artifacts/coverage-report/html/report.css"), StringComparison.Ordinal);
        Assert.Contains("**Passed** — merged from 2 test run reports", repo.ReadFile("artifacts/coverage-report/summary.md"), StringComparison.Ordinal);
    }

    /// <summary>The one diagnostic of <paramref name="code"/>; the build's output when there is not exactly one.</summary>
    private static BuildDiagnostic Single(BuildResult build, string code)
    {
        var found = build.WithCode(code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got {found.Count}\n{build.Output}");
        return found[0];
    }
}
