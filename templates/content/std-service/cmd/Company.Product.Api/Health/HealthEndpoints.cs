using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompanyProduct.Api.Health;

/// <summary>Liveness (<c>/health</c>) and readiness (<c>/ready</c>) endpoints.</summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks that run for readiness.</summary>
    public const string ReadyTag = "ready";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Registers the readiness checks.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The health checks builder, to add checks for further dependencies.</returns>
    public static IHealthChecksBuilder AddReadinessChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<ItemStoreHealthCheck>("item-store", tags: [ReadyTag], timeout: CheckTimeout);

    /// <summary>Maps <c>/health</c> (the process is up; no dependency checked) and <c>/ready</c> (all readiness checks).</summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = static _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = static r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return routes;
    }

    /// <summary>Writes a health report as JSON: overall status and the status of each check.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="report">The report.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                static e => e.Key,
                static e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
