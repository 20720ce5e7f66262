using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.HostKind.Observability;

/// <summary>
/// Trace sampling (configuration section <c>Telemetry</c>). Export is configured with the standard OpenTelemetry
/// environment variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/):
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a signal-specific endpoint), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>,
/// <c>OTEL_TRACES_SAMPLER</c>, <c>OTEL_SDK_DISABLED</c>.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Gets or sets the share of new traces that are recorded (ParentBased(TraceIdRatioBased)); requests that
    /// arrive with a sampled W3C <c>traceparent</c> are always recorded. 0.01 in Production, 1.0 in Development.
    /// <c>OTEL_TRACES_SAMPLER</c>, when set, replaces this sampler.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SamplingRatio { get; set; } = 0.01;
}
