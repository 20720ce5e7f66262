using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// std-service with GitLab CI and every optional feature off (--auth none --database none --tracing false
/// --rate-limiting false): the conditional code of this variant must build and test green too.
/// </summary>
public sealed class ServiceVariantTests(ServiceVariantTests.Flow flow) : IClassFixture<ServiceVariantTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-service.gitlab-minimal", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Has_only_the_gitlab_pipeline_and_no_optional_features()
    {
        var files = flow.Repo.Files();
        Assert.Contains(".gitlab-ci.yml", files);
        Assert.DoesNotContain(files, f => f.StartsWith(".github/workflows/", StringComparison.Ordinal));
        Assert.DoesNotContain("azure-pipelines.yml", files);
        Assert.DoesNotContain(files, f => Path.GetFileName(f) is "TelemetrySetup.cs" or "TelemetryOptions.cs" or "TelemetryTests.cs");
        Assert.DoesNotContain(files, f => Path.GetFileName(f) is "RateLimitingSetup.cs" or "RateLimitingTests.cs");
        Assert.DoesNotContain("OpenTelemetry", flow.Repo.Read("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.DoesNotContain(files, f => f.EndsWith("packages.notracing.lock.json", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("/Security/", StringComparison.Ordinal) || f.Contains("/Data/", StringComparison.Ordinal));
        Assert.DoesNotContain("Npgsql", flow.Repo.Read("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.DoesNotContain("IdentityModel", flow.Repo.Read("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.DoesNotContain("postgres", flow.Repo.Read(".gitlab-ci.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass() => flow.AssertTestsPassed();

    /// <summary>The generated repo, built and tested once for the class.</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(diagnostics, Definition)
    {
        /// <summary>std-service Acme.Orders with every option off and GitLab CI.</summary>
        public static readonly RepoDefinition Definition = new(
            "std-service",
            "Acme.Orders",
            ["--owner=@acme/orders", "--ci", "gitlab", "--auth", "none", "--database", "none", "--tracing", "false", "--rate-limiting", "false"],
            ["global.json", ".gitlab-ci.yml", "cmd/{name}.Api/{name}.Api.csproj", "Directory.Packages.props"]);
    }
}
