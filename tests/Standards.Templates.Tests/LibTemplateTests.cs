using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>std-lib without CI file: generate-to-green.</summary>
public sealed class LibTemplateTests(LibTemplateTests.Flow flow) : IClassFixture<LibTemplateTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-lib.none", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Has_no_pipeline_and_no_entry_point()
    {
        var files = flow.Repo.Files();
        Assert.DoesNotContain(files, f => f.StartsWith(".github/workflows/", StringComparison.Ordinal));
        Assert.DoesNotContain(".gitlab-ci.yml", files);
        Assert.DoesNotContain("azure-pipelines.yml", files);
        Assert.DoesNotContain(files, f => f.StartsWith("cmd/", StringComparison.Ordinal));
        Assert.Contains($"src/{flow.Repo.Name}/{flow.Repo.Name}.csproj", files);
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass() => flow.AssertTestsPassed();

    /// <summary>
    /// The repo's tests run on Microsoft.Testing.Platform (xunit.v3, coverlet.MTP): the coverage step gates the run's
    /// report, passing at the policy's minimum and failing, with the exact finding, when the minimum is above what the
    /// tests cover; the gate never passes on nothing.
    /// </summary>
    [Fact]
    public void Its_coverage_gate_on_microsoft_testing_platform_fails_below_the_minimum()
    {
        flow.AssertTestsPassed();
        var repo = flow.Repo;
        Assert.Contains("\"runner\": \"Microsoft.Testing.Platform\"", File.ReadAllText(repo.PathOf("global.json")), StringComparison.Ordinal);
        // The flow ran the CI pipeline's coverage step on the policy as generated.
        var passed = flow.Coverage;
        Assert.NotNull(passed);
        Assert.True(passed.Succeeded, passed.Output);
        Assert.Matches(@"Standards: coverage of Acme\.Text\.Tests: line \d+\.\d % \(\d+/\d+\), branch \d+\.\d % \(\d+/\d+\) over Acme\.Text", passed.Output);

        var policy = repo.PathOf("standards.json");
        var original = File.ReadAllText(policy);
        try
        {
            File.WriteAllText(policy, original.Replace("\"kind\": \"library\",", "\"kind\": \"library\",\n  \"coverage\": { \"branch\": 100 },", StringComparison.Ordinal));
            var failed = repo.Coverage();
            Assert.False(failed.Succeeded, failed.Output);
            var finding = Assert.Single(failed.WithCode("STD4003"), d => d.Project.EndsWith("Acme.Text.Tests.csproj", StringComparison.Ordinal));
            Assert.Matches(@"^Branch coverage of Acme\.Text\.Tests over Acme\.Text is \d+\.\d % \(\d+ of \d+ branches\), below the minimum of 100\.0 %\.", finding.Message);
        }
        finally
        {
            File.WriteAllText(policy, original);
        }
    }


    /// <summary>The generated repo, built and tested once for the class.</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(diagnostics, Definition)
    {
        /// <summary>std-lib Acme.Text without CI file, through the CI pipeline's steps up to coverage.</summary>
        public static readonly RepoDefinition Definition = new(
            "std-lib",
            "Acme.Text",
            ["--owner=@acme/text", "--ci", "none"],
            ["global.json", "Directory.Build.props", "Directory.Solution.targets", "src/{name}/{name}.csproj", "CODEOWNERS", "docs/adr/0001-record-architecture-decisions.md"],
            Coverage: true);
    }
}
