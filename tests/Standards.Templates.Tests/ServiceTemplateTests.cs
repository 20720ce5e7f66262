using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>
/// std-service with the defaults (JWT, PostgreSQL, tracing, rate limiting) and GitHub Actions: the whole
/// generate-to-green flow with the repo's own database tests run against a private PostgreSQL server, then the
/// built service as a process on a real database: security, storage, OpenAPI, logs, readiness and the drain window.
/// </summary>
public sealed partial class ServiceTemplateTests(ServiceTemplateTests.Flow flow) : IClassFixture<ServiceTemplateTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-service.github", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Pins_the_packed_sdk_and_takes_it_from_the_given_feed_by_a_relative_path()
    {
        Assert.Contains($"\"Standards.Sdk\": \"{PackedSdk.Instance.Version}\"", flow.Repo.Read("global.json"), StringComparison.Ordinal);
        var nugetConfig = flow.Repo.Read("nuget.config");
        Assert.Contains($"value=\"{Path.GetRelativePath(flow.Repo.Root, PackedSdk.Instance.Feed)}\"", nugetConfig, StringComparison.Ordinal);
        Assert.DoesNotContain(PackedSdk.Instance.Feed, nugetConfig, StringComparison.Ordinal);
        Assert.True(flow.Repo.Exists(".github/workflows/ci.yml"));
        Assert.False(flow.Repo.Exists(".gitlab-ci.yml"));
        Assert.False(flow.Repo.Exists("azure-pipelines.yml"));
        Assert.Contains("@acme/orders", flow.Repo.Read("CODEOWNERS"), StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass_with_the_database_tests_run_on_postgresql()
    {
        flow.AssertTestsPassed();
        // Microsoft.Testing.Platform's summary: every database test ran (none skipped for want of PostgreSQL).
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
        Assert.Equal("acme-orders", container.Repository);
        DeploymentAssert.Manifests(flow.Repo, container, preStopMatchesDrain: true);
        DeploymentAssert.ServiceGuards(flow.Repo);
    }

    [Fact]
    public void The_migrate_command_creates_the_schema_and_exits()
    {
        flow.AssertBuiltClean();
        var database = PrivatePostgres.Shared.CreateDatabase("migrate_" + Guid.NewGuid().ToString("N"));
        var env = new Dictionary<string, string?> { ["ConnectionStrings__Database"] = database };

        var result = RunningApp.RunCommand(flow.EntryPointDll(), ["migrate"], env);

        Assert.True(result.ExitCode == 0, result.Output);
        var version = PrivatePostgres.Shared.Psql("SELECT max(version) FROM schema_migrations", database.Split("Database=")[1]).EnsureSuccess("psql");
        Assert.Equal("1", version.Output.Trim());
        var unknown = RunningApp.RunCommand(flow.EntryPointDll(), ["frobnicate"], env);
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public void The_service_on_postgresql_is_secure_documented_observable_and_drains()
    {
        flow.AssertBuiltClean();
        using var postgres = PrivatePostgres.Start("service");
        using var downstream = new StubHttpServer();
        var connectionString = postgres.CreateDatabase("orders");
        var env = new Dictionary<string, string?>(TestIdentity.ServiceEnvironment)
        {
            ["ConnectionStrings__Database"] = connectionString,
            ["Downstream__BaseAddress"] = downstream.BaseAddress.ToString(),
            ["Shutdown__DrainDelay"] = "00:00:03",
            ["RateLimiting__TokensPerSecond"] = "1",
            // A small bucket refilled slowly: each caller may make 5 requests at once (the steps below stay under it
            // with one caller each), so 40 quick requests from one address must meet the limit.
            ["RateLimiting__BurstSize"] = "5",
        };
        using var app = RunningApp.Start(flow.EntryPointDll(), TimeSpan.FromSeconds(60), env);

        AssertReady(app, "database", "item-store", "downstream");
        AssertSecurity(app);
        var requestId = AssertStoresAndListsItems(app, postgres);
        AssertMalformedBodyHasDetail(app);
        AssertInputReachingTheDatabaseIsValidated(app, postgres);
        AssertBodiesOverTheLimitAre413(app);
        AssertSecurityHeadersAndNoServerBanner(app);
        AssertOpenApiDocument(app);
        AssertRotatingHeadersDoesNotEscapeTheLimit(app);
        AssertLogs(app, connectionString, requestId);

        // Readiness follows the database: stopped, /ready fails (liveness does not).
        postgres.Dispose();
        var ready = app.Get("ready");
        Assert.True(ready.Status == HttpStatusCode.ServiceUnavailable, $"/ready with the database stopped: {ready.Status} {ready.Body}");
        Assert.Contains("database", ready.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, app.Get("health").Status);

        AssertDrainsThenStops(app);
    }

    private static void AssertReady(RunningApp app, params string[] checks)
    {
        var ready = app.Get("ready");
        Assert.True(ready.Status == HttpStatusCode.OK, $"/ready: {ready.Status} {ready.Body}\n{app.Output}");
        using var body = JsonDocument.Parse(ready.Body);
        foreach (var check in checks)
        {
            Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static void AssertSecurity(RunningApp app)
    {
        using (var anonymous = Request(HttpMethod.Get, "api/v1/items"))
        {
            var response = app.Send(anonymous);
            AssertProblem(response, 401, "auth.unauthenticated");
            Assert.Equal("Bearer", response.Response.Headers.WwwAuthenticate.Single().Scheme);
        }

        using var readOnly = Request(HttpMethod.Post, "api/v1/items", TestIdentity.Token("e2e-reader", "items:read"), new { name = "Nope" });
        AssertProblem(app.Send(readOnly), 403, "auth.forbidden");
    }

    private static string AssertStoresAndListsItems(RunningApp app, PrivatePostgres postgres)
    {
        var token = TestIdentity.Token("e2e-writer", "items:read", "items:write");
        using var create = Request(HttpMethod.Post, "api/v1/items", token, new { name = "Widget", description = "Stored in PostgreSQL" });
        create.Headers.Add("X-Request-ID", "e2e-create-1");
        var created = app.Send(create);
        Assert.True(created.Status == HttpStatusCode.Created, $"POST /api/v1/items: {created.Status} {created.Body}\n{app.Output}");
        Assert.Equal("e2e-create-1", created.Response.Headers.GetValues("X-Request-ID").Single());

        using var list = Request(HttpMethod.Get, "api/v1/items?limit=10", token);
        var listed = app.Send(list);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Contains("Widget", listed.Body, StringComparison.Ordinal);
        using var get = Request(HttpMethod.Get, created.Response.Headers.Location!.ToString().TrimStart('/'), token);
        Assert.Equal(HttpStatusCode.OK, app.Send(get).Status);

        Assert.Equal("Widget|Stored in PostgreSQL", postgres.Psql("SELECT name || '|' || description FROM items", "orders").EnsureSuccess("psql").Output.Trim());
        return "e2e-create-1";
    }

    private static void AssertMalformedBodyHasDetail(RunningApp app)
    {
        using var malformed = Request(HttpMethod.Post, "api/v1/items", TestIdentity.Token("e2e-malformed", "items:write"));
        malformed.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = app.Send(malformed);
        using var problem = AssertProblem(response, 400, "request.invalid");
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()), response.Body);
    }

    private static void AssertInputReachingTheDatabaseIsValidated(RunningApp app, PrivatePostgres postgres)
    {
        // PostgreSQL cannot store NUL: validated before the store, a 400 (it was a 500 from the database).
        var token = TestIdentity.Token("e2e-malformed-input", "items:read", "items:write");
        using (var nul = Request(HttpMethod.Post, "api/v1/items", token))
        {
            nul.Content = new StringContent("""{"name":"a\u0000b"}""", System.Text.Encoding.UTF8, "application/json");
            AssertProblem(app.Send(nul), 400, "validation.failed").Dispose();
        }

        using (var padded = Request(HttpMethod.Get, "api/v1/items?cursor=" + Uri.EscapeDataString(new string('A', 34) + "=="), token))
        {
            AssertProblem(app.Send(padded), 400, "pagination.invalid_cursor").Dispose();
        }

        Assert.Equal("1", postgres.Psql("SELECT count(*) FROM items", "orders").EnsureSuccess("psql").Output.Trim());
    }

    private static void AssertBodiesOverTheLimitAre413(RunningApp app)
    {
        // POST /api/v1/items reads at most 16 KiB: over it, declared or chunked, Kestrel's 413 is a problem.
        var token = TestIdentity.Token("e2e-large-body", "items:write");
        using (var declared = Request(HttpMethod.Post, "api/v1/items", token))
        {
            declared.Content = new StringContent("""{"name":"big"}""" + new string(' ', 20 * 1024), System.Text.Encoding.UTF8, "application/json");
            AssertProblem(app.Send(declared), 413, "request.too_large").Dispose();
        }

        using var chunked = Request(HttpMethod.Post, "api/v1/items", token);
        chunked.Content = new StreamContent(new UnseekableStream(System.Text.Encoding.UTF8.GetBytes("""{"name":"big"}""" + new string(' ', 2 * 1024 * 1024))));
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AssertProblem(app.Send(chunked), 413, "request.too_large").Dispose();
        Assert.Null(chunked.Content.Headers.ContentLength);
    }

    private static void AssertSecurityHeadersAndNoServerBanner(RunningApp app)
    {
        foreach (var path in new[] { "health", "api/v1/items", "no-such-path" })
        {
            var response = app.Get(path).Response;
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"), $"/{path} sends a Server header: {string.Join(", ", response.Headers.Server)}");
        }
    }

    private static void AssertOpenApiDocument(RunningApp app)
    {
        // Outside Development the document needs a token.
        AssertProblem(app.Get("openapi/v1.json"), 401, "auth.unauthenticated").Dispose();
        using var authorized = Request(HttpMethod.Get, "openapi/v1.json", TestIdentity.Token("e2e-openapi", "items:read"));
        var document = app.Send(authorized);
        Assert.Equal(HttpStatusCode.OK, document.Status);
        var file = Path.Combine(PackedSdk.NewTempDirectory("openapi"), "v1.json");
        File.WriteAllText(file, document.Body);
        var validator = Path.Combine(RepoPaths.Root, "eng", "tools", "openapi", "node_modules", "@seriousme", "openapi-schema-validator", "bin", "validate-api-cli.js");
        Assert.True(File.Exists(validator), $"{validator} is missing: run bash eng/setup.sh.");
        var validation = ProcessRunner.Run("node", [validator, file], Path.GetDirectoryName(file)!);
        Assert.True(validation.Output.Contains("\"valid\": true", StringComparison.Ordinal), $"The OpenAPI document is not valid:\n{validation.Output}");

        using var json = JsonDocument.Parse(document.Body);
        var operations = 0;
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in new[] { "400", "401", "403", "429", "500" })
                {
                    Assert.True(
                        responses.TryGetProperty(status, out var response) && response.GetProperty("content").TryGetProperty("application/problem+json", out _),
                        $"{operation.Name.ToUpperInvariant()} {path.Name} does not list the {status} problem.");
                }
            }
        }

        Assert.Equal(3, operations);
    }

    private static void AssertRotatingHeadersDoesNotEscapeTheLimit(RunningApp app)
    {
        // Sent at once, so that the bucket (5, refilled at 1/s) cannot refill between them on a slow machine.
        var responses = Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var request = Request(HttpMethod.Get, "api/v1/items", $"invalid-token-{i}");
            request.Headers.Add("X-Client-Id", $"client-{i}");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            request.Headers.Add("X-Request-ID", $"rotating-{i}");
            using var response = await app.Client.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })).GetAwaiter().GetResult();

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(limited.Count >= 20, string.Join(", ", responses.Select(r => r.StatusCode)));
        using var problem = JsonDocument.Parse(limited[0].Body);
        Assert.Equal("rate_limit.exceeded", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, app.Get("health").Status);
    }

    private static void AssertLogs(RunningApp app, string connectionString, string requestId)
    {
        var password = connectionString.Split("Password=")[1].Split(';')[0];
        Assert.DoesNotContain(password, app.Output, StringComparison.Ordinal);
        var created = app.Output.Split('\n').Where(l => l.Contains("\"message\":\"Item ", StringComparison.Ordinal) && l.Contains(" created\"", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(created);
        using var json = JsonDocument.Parse(line);
        var attributes = json.RootElement.GetProperty("attributes");
        Assert.Equal(requestId, attributes.GetProperty("request_id").GetString());
        Assert.False(attributes.TryGetProperty("RequestId", out _), $"Two request ids in one line: {line}");
        Assert.Equal(32, json.RootElement.GetProperty("trace_id").GetString()!.Length);
    }

    private static void AssertDrainsThenStops(RunningApp app)
    {
        app.Terminate();
        var readyDuringDrain = HttpStatusCode.OK;
        var healthDuringDrain = (HttpStatusCode)0;
        for (var i = 0; i < 20 && readyDuringDrain == HttpStatusCode.OK; i++)
        {
            readyDuringDrain = app.Get("ready").Status;
            healthDuringDrain = app.Get("health").Status;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuringDrain);
        Assert.Equal(HttpStatusCode.OK, healthDuringDrain);
        var exit = app.Stop(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"The service did not shut down gracefully on SIGTERM (exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "killed"}):\n{app.Output}");
    }

    private static JsonDocument AssertProblem((HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response) response, int status, string code)
    {
        Assert.True((int)response.Status == status, $"Expected {status}, got {(int)response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        var problem = JsonDocument.Parse(response.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("type").GetString()));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>The generated repo, built and tested once for the class (its database tests on the shared server).</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(diagnostics, Definition)
    {
        /// <summary>std-service Acme.Orders with GitHub Actions, through the CI pipeline's steps up to coverage.</summary>
        public static readonly RepoDefinition Definition = new(
            "std-service",
            "Acme.Orders",
            ["--owner=@acme/orders", "--ci", "github"],
            ["global.json", "nuget.config", "Directory.Build.props", "Directory.Solution.targets", "cmd/{name}.Api/{name}.Api.csproj", "src/{name}/{name}.csproj", "CODEOWNERS", ".github/workflows/ci.yml", "docs/adr/0001-record-architecture-decisions.md", "deploy/kubernetes/deployment.yaml"],
            TestEnvironment: () => new Dictionary<string, string?> { ["TEST_POSTGRES_CONNECTION_STRING"] = PrivatePostgres.Shared.ConnectionString() },
            Coverage: true);
    }

    /// <summary>A stream that cannot tell its length, so that HttpClient sends its content chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
