using Standards.Templates.Tests.Infrastructure;

namespace Standards.Templates.Tests;

/// <summary>
/// The commands each CI template runs, read from the YAML (inputs resolved to what the generated repo
/// passes, else their defaults), run in order on ONE freshly generated std-lib repo: every stage passes, and a
/// planted violation fails at its stage (lock file out of date: restore; analyzer error: build; failing test:
/// test). The three systems run the same commands (CiTemplateTests compares them with docs/ci.md), so the
/// violations run once, with the GitHub sequence.
/// </summary>
public sealed class CiPipelineRunTests
{
    [Fact]
    public void Each_templates_commands_pass_on_a_generated_repo_and_fail_at_the_stage_of_a_planted_violation()
    {
        var repo = GeneratedRepo.Generate("std-lib", "Acme.Pipeline", "--owner=@acme/pipeline", "--ci", "github");
        var gitlabRepo = GeneratedRepo.Generate("std-lib", "Acme.Pipeline", "--owner=@acme/pipeline", "--ci", "gitlab");
        var azureRepo = GeneratedRepo.Generate("std-lib", "Acme.Pipeline", "--owner=@acme/pipeline", "--ci", "azure");
        try
        {
            // GitLab: the file the generated .gitlab-ci.yml includes (the CI/CD component), resolved as GitLab does.
            var gitlabTemplate = Path.Combine(RepoPaths.Root, CiPipeline.GitLabIncluded(gitlabRepo.PathOf(".gitlab-ci.yml"), RepoPaths.Root).File);
            var systems = new Dictionary<string, IReadOnlyList<CiCommand>>
            {
                ["GitHub"] = CiPipeline.GitHub(Path.Combine(RepoPaths.Root, CiPipeline.GitHubWorkflow), repo.PathOf(".github/workflows/ci.yml")),
                ["GitLab"] = CiPipeline.GitLab(gitlabTemplate, gitlabRepo.PathOf(".gitlab-ci.yml")),
                ["Azure Pipelines"] = CiPipeline.Azure(Path.Combine(RepoPaths.Root, CiPipeline.AzureTemplate), azureRepo.PathOf("azure-pipelines.yml")),
            };

            RunEverySystem(repo, systems, gitlabRepo, gitlabTemplate);
            AssertReports(repo, gitlabTemplate);
            PlantViolations(repo, systems["GitHub"]);
            AssertAfterScriptReportsTheFailure(repo, gitlabRepo, gitlabTemplate);
        }
        finally
        {
            repo.Delete();
            gitlabRepo.Delete();
            azureRepo.Delete();
        }
    }

    /// <summary>
    /// Each system's commands, in order, on the same repo: the five stages, every one passing, and each system's test
    /// step writing the TRX report (the repo runs its tests on Microsoft.Testing.Platform: --report-trx). A system
    /// whose command lines are, character for character, those of a system that already ran (GitHub's and Azure
    /// Pipelines' with the generated inputs) would run the same commands on the same repo again: they run once.
    /// GitLab's after_script runs after its script, as GitLab runs it.
    /// </summary>
    private static void RunEverySystem(GeneratedRepo repo, Dictionary<string, IReadOnlyList<CiCommand>> systems, GeneratedRepo gitlabRepo, string gitlabTemplate)
    {
        var ran = new List<IReadOnlyList<CiCommand>>();
        foreach (var (system, commands) in systems)
        {
            Assert.Equal(["restore", "build", "test", "coverage", "pack"], commands.Select(c => c.Stage));
            Assert.Contains("--report-trx", Assert.Single(commands, c => c.Stage == "test").Shell, StringComparison.Ordinal);
            if (ran.Any(earlier => earlier.Select(c => c.Shell).SequenceEqual(commands.Select(c => c.Shell), StringComparer.Ordinal)))
            {
                continue;
            }

            ran.Add(commands);
            if (Directory.Exists(repo.PathOf("artifacts/test-results")))
            {
                Directory.Delete(repo.PathOf("artifacts/test-results"), recursive: true);
            }

            var failed = Run(repo, commands);
            Assert.True(failed is null, $"{system}: {failed?.Command.Shell} failed:\n{failed?.Output}");
            Assert.True(Directory.GetFiles(repo.PathOf("artifacts/test-results"), "*.trx", SearchOption.AllDirectories).Length == 1, $"{system}: the test step wrote no TRX report");
        }

        var afterScript = Assert.Single(CiPipeline.GitLab(gitlabTemplate, gitlabRepo.PathOf(".gitlab-ci.yml"), "after_script"));
        var environment = new Dictionary<string, string?>(GeneratedRepo.Environment) { ["CI"] = "true", ["CI_JOB_STATUS"] = "success" };
        var converted = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-eo", "pipefail", "-c", afterScript.Shell], repo.Root, environment, TimeSpan.FromMinutes(10)));
        Assert.True(converted.ExitCode == 0, $"{afterScript.Shell}:\n{converted.Output}");
    }

    /// <summary>
    /// The reports and the package; GitLab's junit report: what its glob (read from the template) collects is one
    /// JUnit file per TRX file, beside it, with the tests of the run.
    /// </summary>
    private static void AssertReports(GeneratedRepo repo, string gitlabTemplate)
    {
        Assert.True(repo.Exists("artifacts/standards/standards.sarif"), "the build wrote no SARIF report");
        Assert.True(repo.Exists("artifacts/standards/codequality.json"), "the build wrote no Code Quality report");
        Assert.True(repo.Exists("artifacts/coverage-report/coverage.cobertura.xml"), "the coverage gate wrote no merged report");
        var trx = Directory.GetFiles(repo.PathOf("artifacts/test-results"), "*.trx", SearchOption.AllDirectories);
        Assert.Single(trx);

        var junit = CiPipeline.Glob(repo.Root, CiPipeline.GitLabJUnitReport(gitlabTemplate));
        Assert.Equal(
            trx.Select(t => Path.ChangeExtension(Path.GetRelativePath(repo.Root, t), ".junit.xml").Replace('\\', '/')).Order(StringComparer.Ordinal),
            junit);
        foreach (var file in junit)
        {
            var report = System.Xml.Linq.XDocument.Load(repo.PathOf(file)).Root!;
            Assert.Equal("testsuites", report.Name.LocalName);
            var cases = report.Descendants("testcase").ToList();
            Assert.NotEmpty(cases);
            Assert.All(cases, c => Assert.StartsWith("Acme.Pipeline.Tests.", (string?)c.Attribute("classname"), StringComparison.Ordinal));
            Assert.Empty(report.Descendants("failure"));
        }

        Assert.NotEmpty(Directory.GetFiles(repo.PathOf("artifacts/packages"), "Acme.Pipeline.*.nupkg"));
    }

    /// <summary>A violation per stage, each failing the run at its stage; the last one (a failing test) is left in place.</summary>
    private static void PlantViolations(GeneratedRepo repo, IReadOnlyList<CiCommand> github)
    {
        Plant(repo, "restore", github, () =>
        {
            // A version bump without the lock files updated: the locked restore fails (NU1004). (Editing a lock
            // file alone is not enough here: NuGet's no-op restore of this already restored repo would not read it;
            // a fresh CI clone would, and the build's STD2005 reports it too.)
            var props = repo.PathOf("Directory.Packages.props");
            File.WriteAllText(props, File.ReadAllText(props).Replace("Include=\"xunit.v3\" Version=\"4.0.2\"", "Include=\"xunit.v3\" Version=\"4.0.1\"", StringComparison.Ordinal));
            Assert.Contains("Include=\"xunit.v3\" Version=\"4.0.1\"", File.ReadAllText(props), StringComparison.Ordinal);
        });
        Plant(repo, "build", github, () =>
            File.WriteAllText(repo.PathOf("src/Acme.Pipeline/Planted.cs"), "namespace Acme.Pipeline;\n\n/// <summary>Planted.</summary>\npublic static class Planted\n{\n    // TODO make this right\n    /// <summary>Planted.</summary>\n    public static int Value => 1;\n}\n"));
        Plant(repo, "test", github, () =>
            File.WriteAllText(repo.PathOf("tests/Acme.Pipeline.Tests/PlantedTests.cs"), "namespace Acme.Pipeline.Tests;\n\npublic class PlantedTests\n{\n    [Fact]\n    public void Planted_failure() => Assert.Fail(\"planted\");\n}\n"));
    }

    /// <summary>
    /// A failing run: GitLab's after_script converts the failing run's TRX file; then the JUnit report has the
    /// failure GitLab shows in the merge request.
    /// </summary>
    private static void AssertAfterScriptReportsTheFailure(GeneratedRepo repo, GeneratedRepo gitlabRepo, string gitlabTemplate)
    {
        var afterScript = Assert.Single(CiPipeline.GitLab(gitlabTemplate, gitlabRepo.PathOf(".gitlab-ci.yml"), "after_script"));
        var environment = new Dictionary<string, string?>(GeneratedRepo.Environment) { ["CI"] = "true", ["CI_JOB_STATUS"] = "failed" };
        var converted = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-eo", "pipefail", "-c", afterScript.Shell], repo.Root, environment, TimeSpan.FromMinutes(10)));
        Assert.True(converted.ExitCode == 0, $"{afterScript.Shell}:\n{converted.Output}");
        var failedCases = CiPipeline.Glob(repo.Root, CiPipeline.GitLabJUnitReport(gitlabTemplate))
            .SelectMany(f => System.Xml.Linq.XDocument.Load(repo.PathOf(f)).Descendants("testcase"))
            .Where(c => (string?)c.Attribute("name") == "Planted_failure");
        Assert.Contains("planted", Assert.Single(failedCases).Element("failure")?.Value ?? string.Empty, StringComparison.Ordinal);
    }

    private static void Plant(GeneratedRepo repo, string stage, IReadOnlyList<CiCommand> commands, Action violation)
    {
        violation();
        try
        {
            var failed = Run(repo, commands);
            Assert.True(failed is not null, $"With a violation planted for {stage}, every stage passed.");
            Assert.True(failed.Command.Stage == stage, $"The violation planted for {stage} failed at {failed.Command.Stage} ({failed.Command.Shell}):\n{failed.Output}");
        }
        finally
        {
            GeneratedRepo.Git(repo.Root, "checkout", "--", ".");
            GeneratedRepo.Git(repo.Root, "clean", "-fdq");
        }
    }

    private sealed record Failure(CiCommand Command, string Output);

    private static Failure? Run(GeneratedRepo repo, IReadOnlyList<CiCommand> commands)
    {
        var environment = new Dictionary<string, string?>(GeneratedRepo.Environment) { ["CI"] = "true" };
        foreach (var command in commands)
        {
            var result = HeavyWork.Run(() => ProcessRunner.Run("bash", ["-eo", "pipefail", "-c", command.Shell], repo.Root, environment, TimeSpan.FromMinutes(10)));
            if (result.ExitCode != 0)
            {
                return new Failure(command, result.Output);
            }
        }

        return null;
    }
}
