using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Standards.Templates.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Standards.Templates.Tests;

/// <summary>std-service with the defaults and GitHub Actions: the whole generate-to-green flow, then the app.</summary>
public sealed class ServiceTemplateTests(ServiceTemplateTests.Flow flow) : IClassFixture<ServiceTemplateTests.Flow>
{
    [Fact]
    public void Generates_the_expected_files() => Snapshot.Match("std-service.github", flow.SnapshotText, flow.Repo.Root);

    [Fact]
    public void Pins_the_packed_sdk_and_takes_it_from_the_given_feed()
    {
        Assert.Contains($"\"Standards.Sdk\": \"{PackedSdk.Instance.Version}\"", flow.Repo.Read("global.json"), StringComparison.Ordinal);
        Assert.Contains(PackedSdk.Instance.Feed, flow.Repo.Read("nuget.config"), StringComparison.Ordinal);
        Assert.True(flow.Repo.Exists(".github/workflows/ci.yml"));
        Assert.False(flow.Repo.Exists(".gitlab-ci.yml"));
        Assert.False(flow.Repo.Exists("azure-pipelines.yml"));
        Assert.Contains("@acme/orders", flow.Repo.Read("CODEOWNERS"), StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_in_CI_mode_with_zero_warnings() => flow.AssertBuiltClean();

    [Fact]
    public void Its_tests_pass() => flow.AssertTestsPassed();

    [Fact]
    public void The_app_serves_health_readiness_the_api_and_problem_details()
    {
        flow.AssertBuiltClean();
        using var app = RunningApp.Start(flow.EntryPointDll(), TimeSpan.FromSeconds(60));

        var health = app.Get("health");
        Assert.True(health.Status == HttpStatusCode.OK, $"/health: {health.Status} {health.Body}\n{app.Output}");
        Assert.True(health.Response.Headers.Contains("X-Request-ID"), "Every response carries X-Request-ID.");
        var ready = app.Get("ready");
        Assert.True(ready.Status == HttpStatusCode.OK, $"/ready: {ready.Status} {ready.Body}\n{app.Output}");

        using (var echo = new HttpRequestMessage(HttpMethod.Get, "api/v1/items"))
        {
            echo.Headers.Add("X-Request-ID", "e2e-request-1");
            var list = app.Send(echo);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Equal("application/json", list.ContentType);
            Assert.Equal("e2e-request-1", list.Response.Headers.GetValues("X-Request-ID").Single());
        }

        using var create = new HttpRequestMessage(HttpMethod.Post, "api/v1/items") { Content = JsonContent.Create(new { name = "Widget" }) };
        var created = app.Send(create);
        Assert.True(created.Status == HttpStatusCode.Created, $"POST /api/v1/items: {created.Status} {created.Body}");
        var location = created.Response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal(HttpStatusCode.OK, app.Get(location.ToString().TrimStart('/')).Status);

        var missing = app.Get($"api/v1/items/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        AssertProblem(missing, 404, "items.not_found");

        using var invalid = new HttpRequestMessage(HttpMethod.Post, "api/v1/items") { Content = JsonContent.Create(new { name = "" }) };
        var rejected = app.Send(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.Status);
        AssertProblem(rejected, 400, "validation.failed");

        var exit = app.Stop(TimeSpan.FromSeconds(30));
        Assert.True(exit == 0, $"The service did not shut down gracefully on SIGTERM (exit {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "killed"}):\n{app.Output}");
    }

    private static void AssertProblem((HttpStatusCode Status, string? ContentType, string Body, HttpResponseMessage Response) response, int status, string code)
    {
        Assert.Equal("application/problem+json", response.ContentType);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
    }

    /// <summary>The generated repo, built and tested once for the class.</summary>
    public sealed class Flow(IMessageSink diagnostics) : RepoFlow(
        diagnostics,
        "std-service",
        "Acme.Orders",
        ["--owner=@acme/orders", "--ci", "github"],
        ["global.json", "nuget.config", "Directory.Build.props", "cmd/{name}.Api/{name}.Api.csproj", "src/{name}/{name}.csproj", "CODEOWNERS", ".github/workflows/ci.yml", "docs/adr/0001-record-architecture-decisions.md"]);
}
