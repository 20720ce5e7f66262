using CompanyProduct.Messaging;
using CompanyProduct.Worker.Consumer;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompanyProduct.Worker.Health;

/// <summary>Readiness: the consumer is running and its transport can deliver messages.</summary>
/// <param name="state">The consumer state.</param>
/// <param name="transport">The message transport.</param>
public sealed class ConsumerHealthCheck(ConsumerState state, IMessageTransport transport) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsRunning)
        {
            return HealthCheckResult.Unhealthy("The message consumer is not running.");
        }

        return await transport.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The message consumer is running.")
            : HealthCheckResult.Unhealthy("The message transport is not available.");
    }
}
