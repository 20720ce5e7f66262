using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.HostKind.Observability;

/// <summary>Tracing and metrics export (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Gets or sets the share of new traces that are recorded (ParentBased(TraceIdRatioBased)); requests that
    /// arrive with a sampled W3C <c>traceparent</c> are always recorded. 0.01 in Production, 1.0 in Development.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SamplingRatio { get; set; } = 0.01;

    /// <summary>
    /// Gets or sets the OTLP (gRPC) endpoint of the collector, for example <c>http://otel-collector:4317</c>.
    /// Nothing is exported when it is not set.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }
}
