using CompanyProduct.Items;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompanyProduct.Api.Health;

/// <summary>Readiness: the item store can serve requests.</summary>
/// <param name="store">The item store.</param>
public sealed class ItemStoreHealthCheck(IItemStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The item store is available.")
            : HealthCheckResult.Unhealthy("The item store is not available.");
}
