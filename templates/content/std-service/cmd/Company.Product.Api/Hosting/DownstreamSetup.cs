using CompanyProduct.Api.Health;
using CompanyProduct.Downstream;
using CompanyProduct.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>Registers the typed client of the downstream API with its resilience settings and readiness check.</summary>
public static class DownstreamSetup
{
    /// <summary>The configuration section of the client's resilience settings.</summary>
    public const string ResilienceSectionName = DownstreamOptions.SectionName + ":Resilience";

    /// <summary>The name of the readiness check of the downstream API.</summary>
    public const string HealthCheckName = "downstream";

    /// <summary>
    /// Adds <see cref="DownstreamClient"/>: an <c>IHttpClientFactory</c> client with the profile's connect timeout and
    /// the standard resilience handler (<see cref="HttpResilience"/>), and, when <c>Downstream:BaseAddress</c> is
    /// set, the readiness check that calls it (an API that is not configured is not checked).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="readiness">The readiness checks.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDownstreamClient(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder readiness)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(readiness);
        services.AddValidatedOptions<DownstreamOptions>(configuration, DownstreamOptions.SectionName)
            .Validate(o => o.BaseAddress is null or { IsAbsoluteUri: true }, "Downstream:BaseAddress must be an absolute URI.");
        services.AddValidatedOptions<HttpResilienceOptions>(configuration, ResilienceSectionName)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Downstream:Resilience:MaxDelay must not be less than BaseDelay.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, "Downstream:Resilience:TotalTimeout must not be less than AttemptTimeout.")
            .Validate(o => o.SamplingDuration >= 2 * o.AttemptTimeout, "Downstream:Resilience:SamplingDuration must be at least twice AttemptTimeout.");

        services.AddHttpClient<DownstreamClient>(DownstreamClient.ClientName, static (sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<DownstreamOptions>>().Value.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddProfileResilience(static sp => sp.GetRequiredService<IOptions<HttpResilienceOptions>>().Value);
        if (!string.IsNullOrWhiteSpace(configuration[DownstreamOptions.SectionName + ":BaseAddress"]))
        {
            readiness.AddCheck<DownstreamHealthCheck>(HealthCheckName, failureStatus: HealthStatus.Unhealthy, tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);
        }

        return services;
    }
}
