using System.Net;
using CompanyProduct.Api.Health;
using CompanyProduct.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Readiness_fails_once_shutdown_starts()
    {
        using var lifetime = new TestLifetime();
        var state = new ShutdownState();
        var check = new ShutdownHealthCheck(lifetime, state);

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        state.BeginDrain();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);

        var byLifetime = new ShutdownHealthCheck(lifetime, new ShutdownState());
        await lifetime.Stopping.CancelAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await byLifetime.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task During_the_drain_window_readiness_fails_while_the_server_still_serves()
    {
        Dictionary<string, string?> settings = TestSettings.Valid();
        settings["Shutdown:DrainDelay"] = "00:00:10";
        await using WebApplication app = ApiHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        // The window is long so that both requests below land in it on a slow machine; the test ends it once they
        // have, as the host's shutdown timeout would (the token passed to StopAsync reaches the drain).
        using var endOfDrain = new CancellationTokenSource();
        Task stopping = app.StopAsync(endOfDrain.Token);
        ShutdownState state = app.Services.GetRequiredService<ShutdownState>();
        while (!state.IsDraining)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TestContext.Current.CancellationToken);
        }

        using HttpResponseMessage health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using HttpResponseMessage ready = await client.GetAsync(new Uri("/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        await endOfDrain.CancelAsync();
        await stopping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    private sealed class TestLifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose() => Stopping.Dispose();
    }
}
