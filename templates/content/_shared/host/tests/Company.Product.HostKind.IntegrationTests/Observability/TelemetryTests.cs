//#if (repoKind == "service")
using System.Collections.Concurrent;
//#endif
using System.Diagnostics;
//#if (repoKind == "service")
using System.Text;
using CompanyProduct.HostKind.Hosting;
//#endif
using CompanyProduct.HostKind.Observability;
using CompanyProduct.Diagnostics;
//#if (repoKind == "service")
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
//#endif

namespace CompanyProduct.HostKind.IntegrationTests.Observability;

public sealed class TelemetryTests
{
    [Fact]
    public void Defaults_sample_one_percent_and_cover_the_service_sources()
    {
        Assert.Equal(0.01, new TelemetryOptions().SamplingRatio);
        Assert.Contains(ProductTelemetry.Name, TelemetrySetup.ActivitySources);
        Assert.Contains(ProductTelemetry.Name, TelemetrySetup.Meters);
//#if (repoKind == "service")
        Assert.Contains("Polly", TelemetrySetup.Meters);
//#endif
    }

//#if (repoKind == "service")
    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "TRACES", true)]
    [InlineData("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/v1/logs", "LOGS", true)]
    [InlineData("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://collector:4318/v1/logs", "TRACES", false)]
    [InlineData("OTEL_SERVICE_NAME", "x", "TRACES", false)]
    public void Export_is_configured_by_the_standard_variables(string key, string value, string signal, bool expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.Equal(expected, TelemetrySetup.IsExportConfigured(configuration, signal));
    }

    [Fact]
    public void The_sdk_can_be_disabled()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(
        [
            new("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
            new("OTEL_SDK_DISABLED", "true"),
        ]).Build();

        Assert.False(TelemetrySetup.IsExportConfigured(configuration, "TRACES"));
    }

    [Fact]
    public async Task Traces_metrics_and_logs_go_to_the_otlp_endpoint_with_the_service_name_from_the_environment()
    {
        await using var collector = await FakeCollector.StartAsync();
        Dictionary<string, string?> settings = TestSettings.Valid();
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_SERVICE_NAME"] = "otel-name-from-env";
        settings["Telemetry:SamplingRatio"] = "1";
        WebApplication app = ApiHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        app.Services.GetRequiredService<ILogger<TelemetryTests>>().LogWarning("exported log line");
        await app.StopAsync(TestContext.Current.CancellationToken);
        await app.DisposeAsync();

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
        Assert.Contains("/v1/logs", collector.Paths);
        Assert.Contains("otel-name-from-env", collector.Bodies, StringComparison.Ordinal);
        Assert.Contains("exported log line", collector.Bodies, StringComparison.Ordinal);
    }

//#endif
    [Fact]
    public async Task Records_spans_of_the_service_when_the_host_runs()
    {
        await using var factory = new HostKindFactory();
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        using Activity? activity = ProductTelemetry.ActivitySource.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }
//#if (repoKind == "service")

    /// <summary>An OTLP/HTTP receiver on loopback that records what it is sent.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public string Address => _app.Urls.Single();

        public IReadOnlyList<string> Paths => [.. _received.Select(r => r.Path)];

        public string Bodies => string.Join('\n', _received.Select(r => r.Body));

        public static async Task<FakeCollector> StartAsync()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            WebApplication app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._received.Enqueue((context.Request.Path, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
//#endif
}
