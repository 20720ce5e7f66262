namespace CompanyProduct.HostKind.Health;

/// <summary>What the readiness checks share: the tag that selects them for <c>/ready</c> and their time limit.</summary>
public static class HealthTags
{
    /// <summary>The tag of the checks that run for readiness.</summary>
    public const string Ready = "ready";

    /// <summary>Gets how long one readiness check may take before it counts as failed.</summary>
    public static TimeSpan CheckTimeout { get; } = TimeSpan.FromSeconds(2);
}
