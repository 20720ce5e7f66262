using System.Net;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>std-worker with Azure Pipelines: generate-to-green, then the worker's health endpoints.</summary>
public sealed class WorkerTemplateTests(WorkerTemplateTests.Flow flow) : IClassFixture<WorkerTemplateTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-worker.azure", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Has_only_the_azure_pipeline()
    {
        var files = flow.Repo.Files();
        Assert.Contains("azure-pipelines.yml", files);
        Assert.DoesNotContain(".gitlab-ci.yml", files);
        Assert.DoesNotContain(files, f => f.StartsWith(".github/workflows/", StringComparison.Ordinal));
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass() => flow.AssertTestsPassed();

    [Fact]
    public void The_worker_serves_health_and_readiness_and_stops_gracefully()
    {
        flow.AssertBuiltClean();
        using var app = RunningApp.Start(flow.EntryPointDll(), TimeSpan.FromSeconds(60));
        var health = app.Get("health");
        Assert.True(health.Status == HttpStatusCode.OK, $"/health: {health.Status} {health.Body}\n{app.Output}");
        var ready = app.Get("ready");
        Assert.True(ready.Status == HttpStatusCode.OK, $"/ready: {ready.Status} {ready.Body}\n{app.Output}");
        var exit = app.Stop(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"The worker did not shut down gracefully on SIGTERM (exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "killed"}):\n{app.Output}");
    }

    /// <summary>The generated repo, built and tested once for the class.</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(
        diagnostics,
        "std-worker",
        "Acme.Billing.Worker",
        ["--owner=@acme/billing", "--ci", "azure"],
        ["global.json", "Directory.Build.props", "cmd/{name}.Worker/{name}.Worker.csproj", "CODEOWNERS", "azure-pipelines.yml", "docs/adr/0001-record-architecture-decisions.md"]);
}
