using System.Net;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// std-worker named <c>Acme.Billing.Worker</c> with Azure Pipelines: names without a doubled suffix, generate-to-green
/// with the database tests on PostgreSQL, then the built worker as a process on a real database: a message enqueued
/// with its command is processed exactly once across a restart, and a poison message is dead-lettered.
/// </summary>
public sealed class WorkerTemplateTests(WorkerTemplateTests.Flow flow) : IClassFixture<WorkerTemplateTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-worker.azure", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Has_only_the_azure_pipeline_and_no_doubled_worker_suffix()
    {
        var files = flow.Repo.Files();
        Assert.Contains("azure-pipelines.yml", files);
        Assert.DoesNotContain(".gitlab-ci.yml", files);
        Assert.DoesNotContain(files, f => f.StartsWith(".github/workflows/", StringComparison.Ordinal));
        Assert.Contains("cmd/Acme.Billing.Worker/Acme.Billing.Worker.csproj", files);
        Assert.Contains("src/Acme.Billing/Acme.Billing.csproj", files);
        Assert.Contains("tests/Acme.Billing.Worker.IntegrationTests/Acme.Billing.Worker.IntegrationTests.csproj", files);
        Assert.Contains("Acme.Billing.Worker.slnx", files);
        Assert.DoesNotContain(files, f => f.Contains("Worker.Worker", StringComparison.Ordinal));
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass_with_the_database_tests_run_on_postgresql()
    {
        flow.AssertTestsPassed();
        Assert.DoesNotMatch(@"Skipped:\s+[1-9]", flow.Test!.Output);
    }

    [Fact]
    public void The_container_settings_and_the_kubernetes_manifests_agree_with_the_app()
    {
        flow.AssertBuiltClean();
        var container = DeploymentAssert.EvaluateContainer(flow.Repo);

        Assert.Equal("1654", container.User);
        Assert.Equal(8080, container.Port);
        DeploymentAssert.Manifests(flow.Repo, container, preStopMatchesDrain: false);
    }

    [Fact]
    public void The_worker_processes_an_enqueued_message_exactly_once_across_a_restart_and_dead_letters_poison()
    {
        flow.AssertBuiltClean();
        var name = "billing_" + Guid.NewGuid().ToString("N");
        var env = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Database"] = PrivatePostgres.Shared.CreateDatabase(name),
            ["Messaging__PollInterval"] = "00:00:00.100",
            ["Messaging__MaxAttempts"] = "3",
            ["Messaging__BaseDelay"] = "00:00:00.010",
            ["Messaging__MaxDelay"] = "00:00:00.050",
        };
        var dll = flow.EntryPointDll();
        Enqueue(dll, env, "w-1", """{"description":"first"}""");

        string firstRun;
        using (var app = RunningApp.Start(dll, TimeSpan.FromSeconds(60), env))
        {
            Eventually(() => app.Output.Contains("Work w-1 done", StringComparison.Ordinal), app);
            var ready = app.Get("ready");
            Assert.True(ready.Status == HttpStatusCode.OK, $"/ready: {ready.Status} {ready.Body}");
            Assert.Contains("\"database\"", ready.Body, StringComparison.Ordinal);
            Assert.Contains("\"consumer\"", ready.Body, StringComparison.Ordinal);
            Assert.Equal(0, app.Stop(TimeSpan.FromSeconds(30)));
            firstRun = app.Output;
        }

        Enqueue(dll, env, "w-1", """{"description":"first, delivered again"}""");
        Enqueue(dll, env, "p-1", "not json");
        Enqueue(dll, env, "w-2", """{"description":"second"}""");
        using (var app = RunningApp.Start(dll, TimeSpan.FromSeconds(60), env))
        {
            Eventually(() => app.Output.Contains("Work w-2 done", StringComparison.Ordinal) && Count(name, "SELECT count(*) FROM messages") == "0", app);
            Assert.Equal(0, app.Stop(TimeSpan.FromSeconds(30)));
            var output = firstRun + app.Output;
            Assert.Single(output.Split('\n'), l => l.Contains("Work w-1 done", StringComparison.Ordinal));
            Assert.Contains("Message w-1 of type work.requested skipped: already processed", app.Output, StringComparison.Ordinal);
        }

        Assert.Equal("1", Count(name, "SELECT count(*) FROM dead_letters WHERE message_id = 'p-1'"));
        Assert.Equal("2", Count(name, "SELECT count(*) FROM processed_messages WHERE message_id IN ('w-1', 'w-2') AND completed_at IS NOT NULL"));
    }

    private static void Enqueue(string dll, Dictionary<string, string?> env, string id, string body)
    {
        var result = RunningApp.RunCommand(dll, ["enqueue", "--type", "work.requested", "--body", body, "--id", id], env);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"Enqueued message {id}", result.Output, StringComparison.Ordinal);
    }

    private static string Count(string database, string sql) => PrivatePostgres.Shared.Psql(sql, database).EnsureSuccess("psql").Output.Trim();

    private static void Eventually(Func<bool> condition, RunningApp app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; the worker printed:\n{app.Output}");
            Thread.Sleep(100);
        }
    }

    /// <summary>The generated repo, built and tested once for the class (its database tests on the shared server).</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(
        diagnostics,
        "std-worker",
        "Acme.Billing.Worker",
        ["--owner=@acme/billing", "--ci", "azure"],
        ["global.json", "Directory.Build.props", "cmd/Acme.Billing.Worker/Acme.Billing.Worker.csproj", "CODEOWNERS", "azure-pipelines.yml", "docs/adr/0001-record-architecture-decisions.md", "deploy/kubernetes/deployment.yaml"],
        testEnvironment: new Dictionary<string, string?> { ["TEST_POSTGRES_CONNECTION_STRING"] = PrivatePostgres.Shared.ConnectionString() });
}
