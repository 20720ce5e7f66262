using System.Text.Json;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Sdk.Checks.Baseline;

namespace Standards.Tool.Tests;

/// <summary>
/// One run of adopt is enough: a project the survey build could not compile because of a finding adopt then records
/// or excepts is surveyed again in the same run; a project still not analysed makes the run not green (exit 1). And
/// adopt writes global.json right instead of baselining it.
/// </summary>
public sealed partial class AdopterTests
{
    private const string EulaMessage = "Package Eula 3.0.0 (a direct dependency) has an unknown licence: it declares licenseUrl https://example.com/eula. Check the licence.";

    [Fact]
    public void A_licence_error_that_stopped_a_project_before_the_compiler_is_recorded_and_the_project_surveyed_again_in_the_same_run()
    {
        dotnet.LicenceFindings.Add($"src/A/A.csproj(3,5): error STD2011: {EulaMessage} [{{root}}/src/A/A.csproj]");
        dotnet.StopsBeforeCompiler.Add("STD2011");
        dotnet.Findings.Add("src/A/C.cs(4,44): error CA1305: The behavior of 'int.ToString()' could vary [{root}/src/A/A.csproj]");

        var result = Run();

        Assert.Empty(result.NotAnalysed);
        Assert.True(result.CiBuildGreen);
        Assert.Equal("CA1305", Assert.Single(result.CodeEntries).Id);
        var entry = Assert.Single(BaselineFile.Parse("b", Read("standards-baseline.json")).Baseline.Entries);
        Assert.Equal(("STD2011", "src/A/A.csproj"), (entry.Code, entry.File));
    }

    /// <summary>
    /// Microsoft.NET.Test.Sdk brings in several packages whose licences the check does not recognise: each is its
    /// own STD2011 finding, all at the one PackageReference line. The survey records every one in its first round,
    /// so the CI-mode build that follows finds none of them new: one survey build and one CI-mode build, green.
    /// </summary>
    [Fact]
    public void Licence_findings_of_several_transitive_packages_at_one_PackageReference_line_are_all_recorded_by_one_survey_round()
    {
        string[] packages = ["Microsoft.CodeCoverage 16.9.4", "Microsoft.NET.Test.Sdk 16.9.4", "Microsoft.TestPlatform.ObjectModel 16.9.4", "Newtonsoft.Json 9.0.1"];
        foreach (var package in packages)
        {
            dotnet.LicenceFindings.Add($"src/A/A.csproj(11,5): error STD2011: Package {package} (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. Check the licence. [{{root}}/src/A/A.csproj]");
        }

        // A survey build compiles the project past its dependency findings (they stay errors), as the SDK's does.
        var log = new StringWriter();

        var result = new Adopter(dotnet, log).Run(new AdoptOptions(root, "9.9.9"));

        Assert.True(result.CiBuildGreen, log.ToString());
        Assert.Empty(result.NotAnalysed);
        Assert.Equal(
            packages.Select(p => $"Package {p} (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. Check the licence.").Order(StringComparer.Ordinal),
            BaselineFile.Parse("b", Read("standards-baseline.json")).Baseline.Entries.Where(e => e.Code == "STD2011").Select(e => e.Message).Order(StringComparer.Ordinal));
        Assert.Equal(4, result.Findings.Count(f => f.Code == "STD2011"));
        Assert.Equal(2, dotnet.Builds);
    }

    /// <summary>
    /// A licence finding only the CI-mode build reports (the survey missed it) is recorded from that build, as CI
    /// reports it, and the next CI-mode build is green: it is baselinable, not a finding adopt gives up on.
    /// </summary>
    [Fact]
    public void A_licence_finding_only_the_CI_mode_build_reports_is_recorded_from_it_and_the_next_CI_build_is_green()
    {
        dotnet.CiModeLicenceFindings.Add($"src/A/A.csproj(11,5): error STD2011: Package Microsoft.TestPlatform.ObjectModel 16.5.0 (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. Check the licence. [{{root}}/src/A/A.csproj]");
        var log = new StringWriter();

        var result = new Adopter(dotnet, log).Run(new AdoptOptions(root, "9.9.9"));

        Assert.True(result.CiBuildGreen, log.ToString());
        Assert.Empty(result.NotBaselinable);
        var entry = Assert.Single(BaselineFile.Parse("b", Read("standards-baseline.json")).Baseline.Entries, e => e.Code == "STD2011");
        Assert.Equal(("src/A/A.csproj", "Package Microsoft.TestPlatform.ObjectModel 16.5.0 (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. Check the licence."), (entry.File, entry.Message));
        Assert.Contains("Builds: 3 (1 survey, 2 in CI mode); the CI-mode build is green.", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_turns_nullable_off_is_excepted_and_its_project_surveyed_again_in_the_same_run()
    {
        // The policy task stops the project on STD0101 until standards.json excepts the file, as the real build does.
        dotnet.WorkspaceFindings = workspace =>
            File.Exists(Path.Combine(workspace, "standards.json")) && File.ReadAllText(Path.Combine(workspace, "standards.json")).Contains("\"src/A/C.cs\"", StringComparison.Ordinal)
                ? []
                : ["src/A/C.cs(1,1): error STD0101: #nullable disable turns nullable off in this file [{root}/src/A/A.csproj]"];

        var result = Run();

        Assert.Empty(result.NotAnalysed);
        Assert.True(result.CiBuildGreen);
        Assert.Contains("\"scope\": \"src/A/C.cs\"", Read("standards.json"), StringComparison.Ordinal);
        Assert.Contains("The CI-mode build (CI=true dotnet build) is green", AdoptionReport.Write(result, dryRun: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_still_not_analysed_after_the_rounds_is_no_green_verdict_and_adopt_exits_1_naming_it()
    {
        Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Commit();
        dotnet.NotCompiled.Add("src/B/B.csproj");

        var result = Run(dryRun: true);

        Assert.False(result.CiBuildGreen);
        Assert.StartsWith("src/B/B.csproj: not analysed", Assert.Single(result.NotAnalysed), StringComparison.Ordinal);
        var report = AdoptionReport.Write(result, dryRun: true);
        Assert.Contains("Not done: the survey could not analyse 1 project(s)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("is green", report, StringComparison.Ordinal);
        Assert.InRange(dotnet.Builds, 2, AdoptionSurvey.MaxSurveyRounds + AdoptionSurvey.MaxVerificationBuilds);
        Assert.Equal(1, CommandLine.Run(["adopt", root, "--dry-run"], TextWriter.Null, TextWriter.Null, dotnet));
    }

    [Fact]
    public void Adopt_pins_the_dotnet_SDK_that_runs_in_the_global_json_it_creates()
    {
        dotnet.RunningSdk = "10.0.105";

        var result = Run();

        using var json = JsonDocument.Parse(Read("global.json"));
        var sdk = json.RootElement.GetProperty("sdk");
        Assert.Equal(("10.0.105", "latestFeature"), (sdk.GetProperty("version").GetString(), sdk.GetProperty("rollForward").GetString()));
        Assert.Equal("9.9.9", json.RootElement.GetProperty("msbuild-sdks").GetProperty("Standards.Sdk").GetString());
        Assert.Contains("global.json: created, pinning Standards.Sdk 9.9.9 in msbuild-sdks; the .NET SDK 10.0.105 that runs pinned in sdk.version, sdk.rollForward latestFeature", result.ChangeLines);
    }

    [Fact]
    public void Adopt_keeps_the_repo_s_SDK_version_and_adds_only_the_missing_roll_forward_policy()
    {
        CommitTestingPlatformGlobalJson();
        dotnet.RunningSdk = "10.0.999";

        Run();

        using var json = JsonDocument.Parse(Read("global.json"));
        var sdk = json.RootElement.GetProperty("sdk");
        Assert.Equal(("10.0.100", "latestFeature"), (sdk.GetProperty("version").GetString(), sdk.GetProperty("rollForward").GetString()));
        Assert.Equal("Microsoft.Testing.Platform", json.RootElement.GetProperty("test").GetProperty("runner").GetString());
    }

    [Fact]
    public void A_new_baseline_entry_at_a_file_adopt_wrote_stops_the_run_as_a_bug_and_one_at_the_repo_s_own_file_does_not()
    {
        var changes = new ChangeSet();
        changes.Set("global.json", "{}\n");
        changes.Set("src/A/A.csproj", Project);
        changes.Set(BaselineFile.DefaultFileName, BaselineFile.Write(
            [new("STD2008", Standards.Sdk.Checks.Diagnostics.Severity.Error, "global.json has no \"sdk\" section.", "global.json")], root, null));

        var error = Assert.Throws<ToolException>(() => OwnFilesGuard.ThrowIfBaselined(root, changes, null));
        Assert.Equal(("STD7544", "global.json"), (error.Code, error.File));
        Assert.Contains("STD2008 at global.json", error.Message, StringComparison.Ordinal);

        changes.Set(BaselineFile.DefaultFileName, BaselineFile.Write(
            [new("STD6052", Standards.Sdk.Checks.Diagnostics.Severity.Error, "Package A: no readme is packed.", "src/A/A.csproj")], root, null));
        OwnFilesGuard.ThrowIfBaselined(root, changes, null);
        Assert.Equal(["src/A/A.csproj"], AdoptionBaselines.RepoAfter(root, changes)!.Entries.Select(e => e.File));
    }

    /// <summary>
    /// Six libraries, each referencing the previous, each with a finding. In CI mode a library that fails stops its
    /// dependents from compiling (the scripted build stops there), so recording round by round took seven builds;
    /// the survey build compiles them all with warnings not errors and records the six at once: two builds, green.
    /// </summary>
    [Fact]
    public void A_reference_chain_deeper_than_the_old_round_limit_is_green_after_one_survey_and_one_CI_build()
    {
        for (var i = 1; i <= 6; i++)
        {
            Write($"src/L{i}/L{i}.csproj", Project);
            Write($"src/L{i}/C.cs", Source);
            dotnet.Chain.Add(($"src/L{i}/L{i}.csproj", $"src/L{i}/C.cs(4,44): {{severity}} CA1305: The behavior of 'int.ToString()' could vary"));
        }

        // Only the chain: a project outside it would not be analysed, and the run not green.
        Directory.Delete(Path.Combine(root, "src", "A"), recursive: true);
        Commit();
        var log = new StringWriter();
        var result = new Adopter(dotnet, log).Run(new AdoptOptions(root, "9.9.9"));
        Assert.True(result.CiBuildGreen, log.ToString());
        Assert.Equal(2, dotnet.Builds);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"src/L{i}/C.cs").ToArray(), result.CodeEntries.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.Contains("Builds: 2 (1 survey, 1 in CI mode); the CI-mode build is green.", log.ToString(), StringComparison.Ordinal);
    }
}
