using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CompanyProduct.HostKind.Health;

/// <summary>
/// Readiness: fails as soon as shutdown starts, so that load balancers stop routing new requests while the
/// in-flight ones finish.
/// </summary>
/// <param name="lifetime">The application lifetime.</param>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is shutting down.")
            : HealthCheckResult.Healthy("The service is running."));
}
