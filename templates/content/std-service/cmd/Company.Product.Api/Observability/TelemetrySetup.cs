using System.Reflection;
using CompanyProduct.Api.Hosting;
using CompanyProduct.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CompanyProduct.Api.Observability;

/// <summary>OpenTelemetry tracing and metrics.</summary>
public static class TelemetrySetup
{
    /// <summary>The sources whose spans are recorded: this service, ASP.NET Core and HttpClient.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } = [ProductTelemetry.Name, "Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>The meters that are exported.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        ProductTelemetry.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Runtime",
    ];

    /// <summary>Registers the telemetry options and the hosted service that owns the providers.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.SectionName);
        services.AddHostedService<TelemetryProviders>();
        return services;
    }
}

/// <summary>
/// Builds the tracer and meter providers when the host starts (before the server accepts requests), flushes
/// and disposes them when it stops.
/// </summary>
internal sealed class TelemetryProviders : IHostedService, IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    private readonly TracerProvider _tracerProvider;
    private readonly MeterProvider _meterProvider;

    public TelemetryProviders(IOptions<TelemetryOptions> telemetry, IOptions<ServiceOptions> service, IHostEnvironment environment)
    {
        TelemetryOptions settings = telemetry.Value;
        string? version = typeof(TelemetryProviders).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        ResourceBuilder resource = ResourceBuilder.CreateDefault()
            .AddService(service.Value.Name, serviceVersion: version)
            .AddAttributes([new("deployment.environment.name", environment.EnvironmentName)]);

        TracerProviderBuilder tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)))
            .AddSource([.. TelemetrySetup.ActivitySources]);
        MeterProviderBuilder metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter([.. TelemetrySetup.Meters]);
        if (settings.OtlpEndpoint is { } endpoint)
        {
            tracing.AddOtlpExporter(exporter => exporter.Endpoint = endpoint);
            metrics.AddOtlpExporter(exporter => exporter.Endpoint = endpoint);
        }

        _tracerProvider = tracing.Build();
        _meterProvider = metrics.Build();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        int timeout = (int)FlushTimeout.TotalMilliseconds;
        _tracerProvider.ForceFlush(timeout);
        _meterProvider.ForceFlush(timeout);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracerProvider.Dispose();
        _meterProvider.Dispose();
    }
}
