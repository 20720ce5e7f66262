using CompanyProduct.Api.Health;
using CompanyProduct.Downstream;
using CompanyProduct.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Polly;

namespace CompanyProduct.Api.Hosting;

/// <summary>Registers the typed client of the downstream API with its resilience settings and readiness check.</summary>
public static class DownstreamSetup
{
    /// <summary>The configuration section of the client's resilience settings.</summary>
    public const string ResilienceSectionName = DownstreamOptions.SectionName + ":Resilience";

    /// <summary>The name of the readiness check of the downstream API.</summary>
    public const string HealthCheckName = "downstream";

    /// <summary>
    /// Adds <see cref="DownstreamClient"/>: an <c>IHttpClientFactory</c> client whose primary handler has the connect
    /// timeout and whose requests go through the shared resilience pipeline (timeouts, retry of idempotent requests,
    /// circuit breaker, with telemetry), and the readiness check that calls it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="readiness">The readiness checks.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDownstreamClient(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        services.AddValidatedOptions<DownstreamOptions>(configuration, DownstreamOptions.SectionName)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "Downstream:BaseAddress must be an absolute URI.");
        services.AddValidatedOptions<HttpResilienceOptions>(configuration, ResilienceSectionName)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Downstream:Resilience:MaxDelay must not be less than BaseDelay.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, "Downstream:Resilience:TotalTimeout must not be less than AttemptTimeout.");

        services.AddSingleton<ResilienceTelemetry>();
        services.AddKeyedSingleton(DownstreamClient.ClientName, static (sp, _) => HttpResiliencePipeline.Create(
            DownstreamClient.ClientName,
            sp.GetRequiredService<IOptions<HttpResilienceOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ResilienceTelemetry>()));

        services.AddHttpClient<DownstreamClient>(DownstreamClient.ClientName, static (sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<DownstreamOptions>>().Value.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static sp => new SocketsHttpHandler
            {
                ConnectTimeout = sp.GetRequiredService<IOptions<HttpResilienceOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddHttpMessageHandler(static sp => new ResilienceHandler(
                sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(DownstreamClient.ClientName)));
        readiness.AddCheck<DownstreamHealthCheck>(HealthCheckName, failureStatus: HealthStatus.Unhealthy, tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);
        return services;
    }
}
