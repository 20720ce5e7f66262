using System.Net;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// std-worker named <c>Acme.Billing.Worker</c> with Azure Pipelines: names without a doubled suffix, generate-to-green
/// with the database tests on PostgreSQL, then the built worker as a process on a real database: a message enqueued
/// with its command is processed exactly once across a restart, and a poison message is dead-lettered; two instances
/// handle a message longer than its lease once (the lease is renewed); a message whose handling kills the process is
/// dead-lettered after Messaging:MaxDeliveries kills; a redelivered message does not repeat its side effect.
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
        Assert.Matches(@"\bskipped: 0\b", flow.Test!.Output);
        Assert.DoesNotMatch(@"\bskipped: [1-9]", flow.Test.Output);
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

    [Fact]
    public void Two_instances_handle_a_message_that_outlives_its_lease_once_and_a_lost_lease_commits_nothing()
    {
        flow.AssertBuiltClean();
        // Leases of 5 s: renewed every 1.7 s, with room for a loaded machine's pauses.
        var (name, env) = NewDatabase(("Messaging__ClaimTimeout", "00:00:05"));
        var dll = flow.EntryPointDll();
        using var first = RunningApp.Start(dll, TimeSpan.FromSeconds(60), env);
        using var second = RunningApp.Start(dll, TimeSpan.FromSeconds(60), env);
        string Both() => first.Output + second.Output;

        // Four leases long: without renewal the other instance takes it over after the first five seconds.
        Enqueue(dll, env, "long-1", """{"description":"long","durationMs":20000}""");
        Eventually(() => Count(name, "SELECT count(*) FROM messages") == "0" && Both().Contains("Work long-1 done", StringComparison.Ordinal), first, second);
        Assert.Single(Lines(Both(), "Work long-1 started"));
        Assert.Single(Lines(Both(), "Work long-1 done"));

        // Another consumer's lease replaces this one's while the handler runs: the handler is cancelled, writes
        // nothing, and the message is handled again once the lease it had runs out.
        Enqueue(dll, env, "long-2", """{"description":"taken over","durationMs":15000}""");
        Eventually(() => Both().Contains("Work long-2 started", StringComparison.Ordinal), first, second);
        Count(name, "UPDATE messages SET lease = gen_random_uuid() WHERE message_id = 'long-2'");
        Eventually(() => Count(name, "SELECT count(*) FROM messages") == "0" && Both().Contains("Work long-2 done", StringComparison.Ordinal), first, second);
        Assert.Single(Lines(Both(), "Lease of message long-2 of type work.requested lost (another consumer took the message or it was settled)"));
        Assert.Equal(2, Lines(Both(), "Work long-2 started").Length);
        Assert.Single(Lines(Both(), "Work long-2 done"));
        Assert.Equal("2", Count(name, "SELECT count(*) FROM work_results"));
        Assert.Equal("0", Count(name, "SELECT count(*) FROM dead_letters"));
    }

    [Fact]
    public void A_message_whose_handling_kills_the_process_is_dead_lettered_with_the_reason_after_MaxDeliveries()
    {
        flow.AssertBuiltClean();
        var (name, env) = NewDatabase(("Messaging__ClaimTimeout", "00:00:03"), ("Messaging__MaxDeliveries", "2"), ("Messaging__Concurrency", "1"));
        var dll = flow.EntryPointDll();
        var apps = new List<RunningApp> { RunningApp.Start(dll, TimeSpan.FromSeconds(60), env) };
        try
        {
            Enqueue(dll, env, "kills-1", """{"description":"crashes its worker","durationMs":600000}""");
            for (int kill = 1; kill <= 2; kill++)
            {
                Eventually(() => apps[^1].Output.Contains("Work kills-1 started", StringComparison.Ordinal), apps[^1]);
                apps[^1].Kill();
                apps.Add(RunningApp.Start(dll, TimeSpan.FromSeconds(60), env));
            }

            var last = apps[^1];
            Eventually(() => Count(name, "SELECT count(*) FROM dead_letters") == "1", last);
            // The worker commits the dead letter before it logs it: the line may reach the output a moment later.
            const string DeadLettered = "Message kills-1 of type work.requested dead-lettered unhandled: delivered 3 times without being settled";
            Eventually(() => last.Output.Contains(DeadLettered, StringComparison.Ordinal), last);
            Assert.DoesNotContain("Work kills-1 started", last.Output, StringComparison.Ordinal);
            Assert.Contains(DeadLettered, last.Output, StringComparison.Ordinal);
            Assert.Equal(
                "kills-1|RedeliveryLimitExceeded|Delivered 3 times without being settled",
                Count(name, "SELECT message_id || '|' || error_type || '|' || left(error_message, 39) FROM dead_letters"));
            Assert.Equal("0", Count(name, "SELECT count(*) FROM messages"));
            Assert.Equal("0", Count(name, "SELECT count(*) FROM work_results"));
        }
        finally
        {
            apps.ForEach(a => a.Dispose());
        }
    }

    [Fact]
    public void A_message_delivered_again_after_its_work_was_done_does_not_repeat_the_side_effect()
    {
        flow.AssertBuiltClean();
        var (name, env) = NewDatabase();
        var dll = flow.EntryPointDll();
        using var app = RunningApp.Start(dll, TimeSpan.FromSeconds(60), env);
        Enqueue(dll, env, "once-1", """{"description":"first"}""");
        Eventually(() => Count(name, "SELECT count(*) FROM processed_messages WHERE completed_at IS NOT NULL") == "1", app);

        // The worker died after the side effect, before it recorded the message as processed: the record is missing
        // and the message comes again.
        Count(name, "DELETE FROM processed_messages WHERE message_id = 'once-1'");
        Enqueue(dll, env, "once-1", """{"description":"second"}""");
        Eventually(() => app.Output.Contains("Work once-1 was already done", StringComparison.Ordinal) && Count(name, "SELECT count(*) FROM messages") == "0", app);

        Assert.Single(Lines(app.Output, "Work once-1 done"));
        Assert.Equal("once-1|first", Count(name, "SELECT idempotency_key || '|' || description FROM work_results"));
    }

    private static (string Name, Dictionary<string, string?> Env) NewDatabase(params (string Key, string Value)[] settings)
    {
        var name = "billing_" + Guid.NewGuid().ToString("N");
        var env = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Database"] = PrivatePostgres.Shared.CreateDatabase(name),
            ["Messaging__PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings)
        {
            env[key] = value;
        }

        return (name, env);
    }

    private static string[] Lines(string output, string text) =>
        output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();

    private static void Enqueue(string dll, Dictionary<string, string?> env, string id, string body)
    {
        var result = RunningApp.RunCommand(dll, ["enqueue", "--type", "work.requested", "--body", body, "--id", id], env);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"Enqueued message {id}", result.Output, StringComparison.Ordinal);
    }

    private static string Count(string database, string sql) => PrivatePostgres.Shared.Psql(sql, database).EnsureSuccess("psql").Output.Trim();

    private static void Eventually(Func<bool> condition, params RunningApp[] apps)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; the workers printed:\n{string.Join("\n---\n", apps.Select(a => a.Output))}");
            Thread.Sleep(100);
        }
    }

    /// <summary>The generated repo, built and tested once for the class (its database tests on the shared server).</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(diagnostics, Definition)
    {
        /// <summary>std-worker Acme.Billing.Worker with Azure Pipelines, through the CI pipeline's steps up to coverage.</summary>
        public static readonly RepoDefinition Definition = new(
            "std-worker",
            "Acme.Billing.Worker",
            ["--owner=@acme/billing", "--ci", "azure"],
            ["global.json", "Directory.Build.props", "Directory.Solution.targets", "cmd/Acme.Billing.Worker/Acme.Billing.Worker.csproj", "CODEOWNERS", "azure-pipelines.yml", "docs/adr/0001-record-architecture-decisions.md", "deploy/kubernetes/deployment.yaml"],
            TestEnvironment: () => new Dictionary<string, string?> { ["TEST_POSTGRES_CONNECTION_STRING"] = PrivatePostgres.Shared.ConnectionString() },
            Coverage: true);
    }
}
