using CompanyProduct.Downstream;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompanyProduct.Api.Health;

/// <summary>
/// Readiness: the downstream API answers its status endpoint. Registered with <see cref="HealthStatus.Unhealthy"/>
/// as failure status: an instance that cannot reach its dependency is taken out of the load balancer. If the
/// service can serve without it, register the check with <see cref="HealthStatus.Degraded"/> (still 200).
/// </summary>
/// <param name="client">The downstream client.</param>
public sealed class DownstreamHealthCheck(DownstreamClient client) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await client.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("The downstream API is reachable.");
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The downstream API is not reachable ({error.GetType().Name}).");
        }
    }
}
