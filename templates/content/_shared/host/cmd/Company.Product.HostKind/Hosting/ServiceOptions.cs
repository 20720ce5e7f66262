using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.HostKind.Hosting;

/// <summary>Identity of the service (configuration section <c>Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Service";

    /// <summary>Gets or sets the service name written to every log line and telemetry resource.</summary>
    [Required]
    [StringLength(63, MinimumLength = 1)]
    public string Name { get; set; } = string.Empty;
}

/// <summary>Graceful shutdown (configuration section <c>Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Shutdown";

    /// <summary>
    /// Gets or sets the whole shutdown budget after SIGTERM: the drain delay, then the time in-flight work gets to
    /// finish. Keep it below the orchestrator's grace period (deploy/kubernetes sets that period to cover it).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Gets or sets how long the host keeps serving after SIGTERM with <c>/ready</c> already failing, so that load
    /// balancers stop routing to it before it stops accepting connections. Part of <see cref="Timeout"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);
}
