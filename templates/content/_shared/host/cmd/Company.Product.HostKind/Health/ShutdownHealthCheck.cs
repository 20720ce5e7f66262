using CompanyProduct.HostKind.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CompanyProduct.HostKind.Health;

/// <summary>
/// Readiness: fails as soon as shutdown starts (SIGTERM), while the server still accepts requests during the drain
/// window (<c>Shutdown:DrainDelay</c>), so that load balancers stop routing new requests before it stops.
/// </summary>
/// <param name="lifetime">The application lifetime.</param>
/// <param name="state">The shutdown state set by the drain window.</param>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime, ShutdownState state) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining || lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The service is shutting down.")
            : HealthCheckResult.Healthy("The service is running."));
}
