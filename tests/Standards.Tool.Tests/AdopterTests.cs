using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Adoption.Survey;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

/// <summary>
/// The adoption run with real git and a scripted dotnet: restore writes a lock file per project, build prints the
/// diagnostics the script holds (minus those the workspace's code baseline already records, as the suppressor
/// would). The real restore and builds are covered by the integration test (AdoptCommandTests).
/// </summary>
public sealed partial class AdopterTests : IDisposable
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"xunit\" Version=\"2.9.3\" />\n  </ItemGroup>\n</Project>\n";
    private const string Source = "namespace A;\npublic static class C\n{\n    public static string S(int i) => i.ToString();\n}\n";

    private readonly string root = Directory.CreateTempSubdirectory("adopter").FullName;
    private readonly ScriptedDotnet dotnet = new();

    public AdopterTests()
    {
        Write("src/A/A.csproj", Project);
        Write("src/A/C.cs", Source);
        Write(".gitignore", "bin/\nobj/\nartifacts/\nTestResults/\n.standards-journal/\n");
        Git("init", "-q");
        Commit();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Dry_run_reports_the_whole_change_set_and_writes_nothing()
    {
        dotnet.Findings.Add("src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj::TargetFramework=net10.0]");
        var before = Snapshot();
        var result = Run(dryRun: true);
        Assert.Equal(before, Snapshot());
        Assert.False(result.Written);
        Assert.True(result.CiBuildGreen);
        Assert.Equal(
            ["Directory.Packages.props", "Directory.Solution.targets", "global.json", "src/A/A.csproj", "src/A/packages.lock.json", "standards-code-baseline.json"],
            result.Changes.Files.Keys);
        Assert.Equal("CA1305", Assert.Single(result.CodeEntries).Id);
    }

    [Fact]
    public void Adopt_writes_everything_and_a_second_run_after_a_fix_drops_the_entry()
    {
        // A finding that stays: the second run keeps its entry.
        Write("src/A/D.cs", "namespace A;\npublic static class D\n{\n    public static string T(int i) => i.ToString();\n}\n");
        Commit();
        const string Kept = "src/A/D.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj]";
        dotnet.Findings.Add("src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj]");
        dotnet.Findings.Add(Kept);
        var result = Run();
        Assert.True(result.Written);
        Assert.Equal("<Project Sdk=\"Standards.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"xunit\" />\n  </ItemGroup>\n</Project>\n", Read("src/A/A.csproj"));
        Assert.Contains("<PackageVersion Include=\"xunit\" Version=\"2.9.3\" />", Read("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.Contains("\"Standards.Sdk\": \"9.9.9\"", Read("global.json"), StringComparison.Ordinal);
        Assert.Equal("lock", Read("src/A/packages.lock.json"));
        Assert.Equal(SolutionEntry.Write(null), Read(SolutionEntry.FileName));
        Assert.Contains("{ \"id\": \"CA1305\", \"file\": \"src/A/C.cs\", \"hash\": ", Read("standards-code-baseline.json"), StringComparison.Ordinal);
        Assert.Equal(2, dotnet.Builds);
        Commit();

        // The finding is fixed: the next run reports the entry as removed and the baseline shrinks by that entry.
        dotnet.Findings.Clear();
        dotnet.Findings.Add(Kept);
        Write("src/A/C.cs", Source.Replace("i.ToString()", "i.ToString(System.Globalization.CultureInfo.InvariantCulture)", StringComparison.Ordinal));
        var again = Run(allowDirty: true);
        Assert.StartsWith("CA1305 src/A/C.cs", Assert.Single(again.Removable), StringComparison.Ordinal);
        Assert.Equal(("CA1305", "src/A/D.cs"), (Assert.Single(again.CodeEntries).Id, Assert.Single(again.CodeEntries).File));
        Assert.DoesNotContain("src/A/C.cs", Read("standards-code-baseline.json"), StringComparison.Ordinal);
        Assert.Contains("{ \"id\": \"CA1305\", \"file\": \"src/A/D.cs\", \"hash\": ", Read("standards-code-baseline.json"), StringComparison.Ordinal);
        Assert.Equal(["standards-code-baseline.json"], again.Changes.Files.Keys);
        Assert.True(again.CiBuildGreen);
        var report = AdoptionReport.Write(again, dryRun: false);
        Assert.Contains("\n  fixed, removed: CA1305 src/A/C.cs", report, StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green with these baselines.", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// A package licence the policy does not know (a per-project finding of the dependency check, after restore) is
    /// recorded in the repository baseline against its project, the CI-mode build is then green, and a second run
    /// keeps the entry as it is.
    /// </summary>
    [Fact]
    public void A_licence_finding_is_recorded_in_the_repository_baseline_against_its_project()
    {
        const string Message = "Package Eula 3.0.0 (a direct dependency) has an unknown licence: it declares licenseUrl https://example.com/eula. Check the licence.";
        dotnet.LicenceFindings.Add($"src/A/A.csproj(3,5): error STD2011: {Message} [{{root}}/src/A/A.csproj]");
        var result = Run();

        Assert.True(result.CiBuildGreen);
        Assert.Empty(result.NotBaselinable);
        var entry = Assert.Single(Standards.Sdk.Checks.Baseline.BaselineFile.Parse("b", Read("standards-baseline.json")).Baseline.Entries);
        Assert.Equal(("STD2011", "src/A/A.csproj", Message), (entry.Code, entry.File, entry.Message));
        Assert.Single(result.Findings, f => f.Code == "STD2011");
        Commit();

        var again = Run(allowDirty: true);
        Assert.True(again.CiBuildGreen);
        Assert.Empty(again.Removable);
        Assert.Empty(again.Changes.Files);
    }

    [Fact]
    public void Tests_run_as_VSTest_takes_them_without_a_test_runner_in_global_json()
    {
        Run(dryRun: true);
        Assert.Equal(["test", "{root}/standards-adopt.slnx", "--no-build", "-nologo", "-tl:off", "-v:m"], Assert.Single(dotnet.TestArguments));
    }

    /// <summary>
    /// global.json puts `dotnet test` in Microsoft.Testing.Platform mode: no MSBuild switch may reach the test
    /// applications (they stop on an unknown option), and the solution is given with --solution.
    /// </summary>
    [Fact]
    public void Tests_run_on_Microsoft_Testing_Platform_get_only_the_options_its_dotnet_test_takes()
    {
        CommitTestingPlatformGlobalJson();
        var result = Run(dryRun: true);
        Assert.True(result.CiBuildGreen);
        Assert.Equal(["test", "--solution", "{root}/standards-adopt.slnx", "--no-build", "--no-ansi", "--no-progress"], Assert.Single(dotnet.TestArguments));
    }

    /// <summary>A gate that measured 0 % of real branches records no minimum of 0 (it would pass on anything): adopt names it and is not green.</summary>
    [Fact]
    public void Coverage_measured_at_0_percent_sets_no_minimum_and_is_named()
    {
        Write("standards.json", "{ }");
        Commit();
        const string Branch = "src/A/C.cs(5): error STD4003: Branch coverage of A.Tests over A is 0.0 % (0 of 6 branches), below the minimum of 60.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        const string Merged = "src/A/C.cs(5): error STD4003: Branch coverage of A is 0.0 % (0 of 6 branches), below the minimum of 60.0 %.";
        dotnet.CoverageRun = policy => policy.Contains("\"branch\"", StringComparison.Ordinal) ? null : Branch + "\n{root}/" + Merged;
        var result = Run(dryRun: true);

        Assert.False(result.CiBuildGreen);
        var left = Assert.Single(result.NotBaselinable);
        Assert.Equal(("STD4003", "src/A/C.cs", 5), (left.Diagnostic.Code, left.Diagnostic.File, left.Diagnostic.Line));
        Assert.StartsWith("the tests reach none of it (0 %): a minimum of 0 % would pass on anything", left.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("standards.json", result.Changes.Files.Keys);
        Assert.Equal(1, dotnet.Tests);
    }

    /// <summary>Coverage under 1 % is recorded to one decimal, never rounded down to a minimum of 0.</summary>
    [Fact]
    public void Coverage_under_one_percent_is_recorded_to_one_decimal()
    {
        const string Line = "src/A/C.cs(1): error STD4002: Line coverage of A is 0.7 % (1 of 140 lines), below the minimum of 80.0 %.";
        var minimums = CoverageMinimums.From(BuildOutput.Parse("/r/" + Line, "/r"));
        Assert.Equal(0.7, minimums["line"]);
        Assert.Contains("\"line\": 0.7", CoverageMinimums.Apply(null, minimums), StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_that_really_fail_show_their_output()
    {
        dotnet.TestFailureOutput = "Running tests from {root}/test/A.Tests/bin/Release/net10.0/A.Tests.dll\nfailed A.Tests.OrderTests.Total_is_rounded (4ms)\n  Assert.Equal() Failure: Values differ\nTest run summary: Failed! - total: 3, failed: 1, succeeded: 2";
        var log = new StringWriter();
        var result = new Adopter(dotnet, log).Run(new AdoptOptions(root, "9.9.9", DryRun: true));

        Assert.False(result.CiBuildGreen);
        var left = Assert.Single(result.NotBaselinable);
        Assert.Equal(("TEST", "dotnet test failed (exit code 2)"), (left.Diagnostic.Code, left.Diagnostic.Message));
        var text = log.ToString();
        Assert.Contains("dotnet test failed (exit code 2); its output ends with:\n    Running tests from test/A.Tests/bin/Release/net10.0/A.Tests.dll\n    failed A.Tests.OrderTests.Total_is_rounded (4ms)\n", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Test run summary: Failed! - total: 3, failed: 1, succeeded: 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiler_error_is_named_with_its_fix_and_the_build_is_not_green()
    {
        dotnet.Findings.Add("src/A/C.cs(4,1): error CS0246: The type or namespace name 'Missing' could not be found [{root}/src/A/A.csproj]");
        var result = Run(dryRun: true);
        Assert.False(result.CiBuildGreen);
        var left = Assert.Single(result.NotBaselinable);
        Assert.Equal("CS0246", left.Diagnostic.Code);
        Assert.Contains("compiler-messages/cs0246", left.Fix, StringComparison.Ordinal);
        Assert.Contains("cannot be baselined: src/A/C.cs(4): CS0246", AdoptionReport.Write(result, dryRun: true), StringComparison.Ordinal);
        Assert.Empty(result.CodeEntries);
        Assert.DoesNotContain("standards-code-baseline.json", result.Changes.Files.Keys);
    }

    [Fact]
    public void Coverage_minimums_become_what_the_tests_reach_so_dotnet_test_passes()
    {
        Write("standards.json", "{ \"rules\": { \"STD1006\": \"none\" } }");
        Commit();
        dotnet.CoverageFailure = "src/A/C.cs(1): error STD4002: Line coverage of A.Tests over A is 44.4 % (16 of 36 lines), below the minimum of 80.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        dotnet.CoverageRun = policy => policy.Contains("\"line\": 44", StringComparison.Ordinal) ? null
            : "src/A/C.cs(1): error STD4002: Line coverage of the repo (merged over every test run) is 44.4 % (16 of 36 lines), below the minimum of 80.0 %.";
        var result = Run();
        Assert.True(result.CiBuildGreen);

        // VSTest judges each run inside `dotnet test`; the minimums are re-judged by the coverage step on the reports
        // that run wrote (StandardsCoverageJudgeAll), first to state every gate's number, then at the new minimums:
        // the tests run once.
        Assert.Equal(1, dotnet.Tests);
        Assert.Equal(2, dotnet.CoverageArguments.Count);
        Assert.All(dotnet.CoverageArguments, a => Assert.Contains("-p:StandardsCoverageJudgeAll=true", a));
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement;
        Assert.Equal(44, policy.GetProperty("coverage").GetProperty("line").GetInt32());
        Assert.Equal("none", policy.GetProperty("rules").GetProperty("STD1006").GetString());
        Assert.Contains(result.ChangeLines, l => l.StartsWith("standards.json: coverage minimums set to what the tests reach today (line 44 %)", StringComparison.Ordinal));
    }

    /// <summary>
    /// A gate that shows only once the first minimums are set lowers them again (the safety of the re-judging loop;
    /// the coverage step judges every gate at once): the minimums end as the lowest coverage any run measured, `dotnet
    /// test` passes, and the tests ran once.
    /// </summary>
    [Fact]
    public void Coverage_minimums_follow_a_gate_that_only_the_second_test_run_shows()
    {
        Write("standards.json", "{ }");
        Commit();
        const string Functional = "src/A/C.cs(1): error STD4002: Line coverage of A.FunctionalTests over A is 70.4 % (19 of 27 lines), below the minimum of 80.0 %. [{root}/test/A.FunctionalTests/A.FunctionalTests.csproj]";
        const string Unit = "src/A/C.cs(1): error STD4002: Line coverage of A.Tests over A is 58.3 % (14 of 24 lines), below the minimum of 70.0 %. [{root}/test/A.Tests/A.Tests.csproj]";
        const string FunctionalMerged = "src/A/C.cs(1): error STD4002: Line coverage of A is 70.4 % (19 of 27 lines), below the minimum of 80.0 %.";
        const string UnitMerged = "src/A/C.cs(1): error STD4002: Line coverage of the repo (merged over every test run) is 58.3 % (14 of 24 lines), below the minimum of 70.0 %.";
        dotnet.TestRun = policy => policy.Contains("\"line\": 58", StringComparison.Ordinal) ? null
            : policy.Contains("\"line\": 70", StringComparison.Ordinal) ? Unit : Functional;
        dotnet.CoverageRun = policy => policy.Contains("\"line\": 58", StringComparison.Ordinal) ? null
            : policy.Contains("\"line\": 70", StringComparison.Ordinal) ? UnitMerged : FunctionalMerged;
        var result = Run();
        Assert.True(result.CiBuildGreen);
        Assert.Equal(1, dotnet.Tests);
        Assert.Equal(3, dotnet.CoverageArguments.Count);
        var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json")).RootElement;
        Assert.Equal(58, policy.GetProperty("coverage").GetProperty("line").GetInt32());
        Assert.Contains(result.ChangeLines, l => l.StartsWith("standards.json: coverage minimums set to what the tests reach today (line 58 %)", StringComparison.Ordinal));
    }

    /// <summary>A warning CI does not fail on (its project keeps warnings as warnings) is not recorded: exactly what CI fails on.</summary>
    [Fact]
    public void A_survey_warning_that_CI_would_not_fail_on_is_not_baselined()
    {
        dotnet.Chain.Add(("src/A/A.csproj", "src/A/C.cs(4,44): {severity} CA1305: The behavior of 'int.ToString()' could vary"));
        dotnet.ChainTreatWarningsAsErrors = false;
        var result = Run(dryRun: true);
        Assert.True(result.CiBuildGreen);
        Assert.Empty(result.CodeEntries);
        Assert.Equal("CA1305", Assert.Single(result.Findings).Code);
        Assert.Equal(2, dotnet.Builds);
    }

    [Fact]
    public void Survey_reports_every_finding_once_by_rule_in_markdown_and_SARIF_and_writes_nothing_in_the_repo()
    {
        dotnet.Findings.Add("src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj::TargetFramework=net8.0]");
        dotnet.Findings.Add("src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj::TargetFramework=netstandard2.0]");
        dotnet.Findings.Add("src/A/C.cs(2,21): error STD1005: Generic name [{root}/src/A/A.csproj::TargetFramework=net8.0]");
        Write("notes.txt", "a dirty tree is fine for a survey");
        var before = Snapshot();
        var reports = Directory.CreateTempSubdirectory("survey").FullName;
        try
        {
            var console = new StringWriter();
            Assert.Equal(0, CommandLine.Run(["survey", root, "--output", reports], console, TextWriter.Null, dotnet));
            Assert.Equal(before, Snapshot());
            var markdown = File.ReadAllText(Path.Combine(reports, SurveyReport.MarkdownFile));
            Assert.Contains("| [CA1305](https://github.com/standards-sdk/standards-sdk/blob/main/docs/rules/recommended-analyzer-rules.md#ca1305) | 1 | `src/A/C.cs` (1) |", markdown, StringComparison.Ordinal);
            Assert.Contains("| [STD1005](https://github.com/standards-sdk/standards-sdk/blob/main/docs/rules/STD1005.md) | 1 |", markdown, StringComparison.Ordinal);
            using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, SurveyReport.SarifFile)));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(["CA1305", "STD1005"], results);
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [Fact]
    public void A_dirty_tree_is_STD7501_and_nothing_is_written()
    {
        Write("notes.txt", "wip");
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run());
        Assert.Equal(ToolRuleIds.DirtyTree, ex.Code);
        Assert.Contains("notes.txt", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, dotnet.Builds);
    }

    [Fact]
    public void A_repo_without_projects_is_STD7503()
    {
        File.Delete(Path.Combine(root, "src/A/A.csproj"));
        Assert.Equal(ToolRuleIds.NoProjects, Assert.Throws<ToolException>(() => Run(allowDirty: true)).Code);
    }

    [Theory]
    [InlineData("adopt")]
    [InlineData("survey")]
    public void Bad_input_on_the_command_line_is_one_coded_message_exit_code_2_and_nothing_written(string command)
    {
        // No project at all (only the .gitignore and a source file): adopt and survey both stop before doing anything;
        // survey writes no report either.
        File.Delete(Path.Combine(root, "src/A/A.csproj"));
        Commit();
        var before = Snapshot();
        var console = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run([command, root], console, error, dotnet));
        Assert.Equal($"error {ToolRuleIds.NoProjects}: no C# project (*.csproj) under {root} that git tracks or sees. Run the command in the repo's root folder. See https://github.com/standards-sdk/standards-sdk/blob/main/docs/rules/{ToolRuleIds.NoProjects}.md", error.ToString().Trim());
        Assert.Empty(console.ToString());
        Assert.Equal(before, Snapshot());
        Assert.False(Directory.Exists(Path.Combine(root, "artifacts")));
        Assert.Equal(0, dotnet.Builds + dotnet.Restores);
    }

    [Fact]
    public void A_dirty_tree_on_the_command_line_names_the_changes_and_exits_2()
    {
        Write("src/A/C.cs", Source + "// wip\n");
        var error = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["adopt", root], TextWriter.Null, error, dotnet));
        Assert.StartsWith($"error {ToolRuleIds.DirtyTree}: the git tree has 1 uncommitted change(s) (M src/A/C.cs). Commit or stash them first", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(Source + "// wip\n", Read("src/A/C.cs"));
        Assert.Equal(0, dotnet.Builds + dotnet.Restores);
    }

    [Fact]
    public void A_malformed_code_baseline_is_STD7504_with_its_line_before_anything_runs_or_is_written()
    {
        Write("standards-code-baseline.json", "{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"id\": \"CA1305\", \"file\": \"src/A/C.cs\" }\n  ]\n}\n");
        Commit();
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run());
        Assert.Equal(ToolRuleIds.BaselineMalformed, ex.Code);
        Assert.Equal(CodeBaselineDocument.FileName, ex.File);
        Assert.Equal(4, ex.Line);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, dotnet.Builds + dotnet.Restores);
    }

    [Theory]
    [InlineData("Directory.Packages.props", "<Project>\n  <ItemGroup>\n    <PackageVersion Include=\"xunit\" Version=\"2.9.3\">\n  </ItemGroup>\n</Project>\n", 4)]
    [InlineData("global.json", "{\n  \"sdk\": { \"version\": \"10.0.401\" }\n  \"msbuild-sdks\": {}\n}\n", 3)]
    public void Malformed_package_or_SDK_configuration_is_STD7505_with_its_line_and_nothing_is_written(string file, string content, int line)
    {
        Write(file, content);
        Commit();
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run());
        Assert.Equal(ToolRuleIds.ConfigurationMalformed, ex.Code);
        Assert.Equal(file, ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, dotnet.Builds + dotnet.Restores);
    }

    [Fact]
    public void A_restore_that_fails_in_the_workspace_is_STD7506_and_nothing_is_written()
    {
        // The late failure: the edits are planned and the workspace restored before it stops; the repo is untouched.
        dotnet.RestoreFailure = "/w/src/A/A.csproj : error NU1101: Unable to find package Standards.Sdk. No packages exist with this id in source(s): nuget.org";
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run());
        Assert.Equal(ToolRuleIds.BuildFailed, ex.Code);
        Assert.Contains("NU1101: Unable to find package Standards.Sdk", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Equal(1, dotnet.Restores);
        Assert.Equal(0, dotnet.Builds);
    }

    [Fact]
    public void A_malformed_repo_baseline_is_STD7504_with_its_line_and_nothing_is_written()
    {
        Write("standards-baseline.json", "{\n  \"version\": 1,\n  \"findings\": [ { \"code\": \"STD3001\" } ]\n}\n");
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run(allowDirty: true));
        Assert.Equal(ToolRuleIds.BaselineMalformed, ex.Code);
        Assert.Equal(3, ex.Line);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void An_unparsable_project_is_STD7502_and_nothing_is_written()
    {
        Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n");
        var before = Snapshot();
        var ex = Assert.Throws<ToolException>(() => Run(allowDirty: true));
        Assert.Equal(ToolRuleIds.ProjectUnparsable, ex.Code);
        Assert.Equal("src/B/B.csproj", ex.File);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_gitignore_that_does_not_ignore_artifacts_gains_the_line_and_keeps_its_own()
    {
        Write(".gitignore", "bin/\r\nobj/");
        Commit();

        var result = Run();

        Assert.Equal("bin/\r\nobj/\r\nartifacts/\r\nTestResults/\r\n.standards-journal/\r\n", Read(".gitignore"));
        Assert.Contains("  .gitignore: updated: ignores artifacts/ (the build's reports), TestResults/ (what `dotnet test` writes beside each test project: its results and coverage) and .standards-journal/ (the tool's journal of a change in progress), so `git add -A` does not commit them", AdoptionReport.Write(result, dryRun: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repo_without_a_gitignore_gets_one_that_ignores_artifacts()
    {
        Git("rm", "-q", "--cached", ".gitignore");
        File.Delete(Path.Combine(root, ".gitignore"));
        Commit();

        var result = Run();

        Assert.Equal("artifacts/\nTestResults/\n.standards-journal/\n", Read(".gitignore"));
        Assert.Contains(".gitignore: created: ignores artifacts/ (the build's reports), TestResults/ (what `dotnet test` writes beside each test project: its results and coverage) and .standards-journal/ (the tool's journal of a change in progress), so `git add -A` does not commit them", result.ChangeLines);
    }

    [Fact]
    public void A_gitignore_that_already_ignores_artifacts_is_not_written()
    {
        var result = Run(dryRun: true);
        Assert.Null(result.Changes.Get(".gitignore"));
        Assert.DoesNotContain(result.ChangeLines, l => l.StartsWith(".gitignore", StringComparison.Ordinal));
    }

    [Fact]
    public void A_NoWarn_without_CS1591_weakens_nothing()
    {
        Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);CS15910;NU1701</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        Commit();
        Assert.Empty(Run(dryRun: true).WeakenedRules);
    }

    private AdoptionResult Run(bool dryRun = false, bool allowDirty = false) =>
        new Adopter(dotnet, TextWriter.Null).Run(new AdoptOptions(root, "9.9.9", dryRun, allowDirty));

    private void Write(string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private string Read(string relative) => File.ReadAllText(Path.Combine(root, relative));

    private Dictionary<string, string> Snapshot() => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains("/.git/", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);

    private void Git(params string[] args) => Assert.Equal(0, new ProcessCommandRunner().Run("git", args, root).ExitCode);

    /// <summary>A global.json that puts `dotnet test` in Microsoft.Testing.Platform mode, committed.</summary>
    private void CommitTestingPlatformGlobalJson()
    {
        Write("global.json", "{\n  \"sdk\": { \"version\": \"10.0.100\" },\n  \"test\": { \"runner\": \"Microsoft.Testing.Platform\" }\n}\n");
        Commit();
    }

    private void Commit()
    {
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c");
    }
}
