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
    /// Gets or sets how long in-flight requests may take to finish after SIGTERM before the host stops anyway.
    /// Keep it below the orchestrator's grace period (30 s in Kubernetes by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
