using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompanyProduct.HostKind.Health;

/// <summary>Liveness (<c>/health</c>) and readiness (<c>/ready</c>) endpoints.</summary>
public static class HealthEndpoints
{
    /// <summary>The liveness path (the container's liveness probe).</summary>
    public const string LivenessPath = "/health";

    /// <summary>The readiness path (the container's readiness probe).</summary>
    public const string ReadinessPath = "/ready";

    /// <summary>Registers the readiness checks every host has (not shutting down).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The health checks builder, to add the checks of the host's dependencies.</returns>
    public static IHealthChecksBuilder AddReadinessChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);

    /// <summary>
    /// Maps <c>/health</c> (the process is up; no dependency checked) and <c>/ready</c> (all readiness checks):
    /// anonymous, never rate-limited, not part of the API description.
    /// </summary>
    /// <param name="routes">The route builder.</param>
    /// <returns>The same route builder.</returns>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = static _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        routes.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = static r => r.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
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
