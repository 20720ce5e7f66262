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

    /// <summary>The generated repo, built and tested once for the class.</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(
        diagnostics,
        "std-lib",
        "Acme.Text",
        ["--owner=@acme/text", "--ci", "none"],
        ["global.json", "Directory.Build.props", "src/{name}/{name}.csproj", "CODEOWNERS", "docs/adr/0001-record-architecture-decisions.md"]);
}
