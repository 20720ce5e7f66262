using System.Reflection;
using CompanyProduct.Diagnostics;
using CompanyProduct.HostKind.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CompanyProduct.HostKind.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs, configured by the standard <c>OTEL_*</c> environment variables: OTLP
/// export of all three signals when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a signal-specific endpoint) is set.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The sources whose spans are recorded.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        ProductTelemetry.Name,
        "Microsoft.AspNetCore",
        "System.Net.Http",
//#if (hasDatabase)
        "Npgsql",
//#endif
    ];

    /// <summary>The meters that are exported.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        ProductTelemetry.Name,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
//#if (hostKind == "Api")
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Polly",
//#endif
        "System.Net.Http",
        "System.Runtime",
//#if (hasDatabase)
        "Npgsql",
//#endif
    ];

    /// <summary>Tells whether OTLP export is configured for a signal (<c>TRACES</c>, <c>METRICS</c> or <c>LOGS</c>).</summary>
    /// <param name="configuration">The configuration (environment variables are part of it).</param>
    /// <param name="signal">The signal name as it appears in the variable names.</param>
    /// <returns><see langword="true"/> when an endpoint is set and neither the SDK nor the signal's exporter is disabled.</returns>
    public static bool IsExportConfigured(IConfiguration configuration, string signal)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration[$"OTEL_{signal}_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]);
    }

    /// <summary>
    /// Registers the OpenTelemetry SDK (created when the host starts, flushed when it stops) and, when log export is
    /// configured, a logging provider that sends log records to it.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.SectionName);
        builder.Services.AddSingleton(sp => CreateSdk(
            configuration,
            sp.GetRequiredService<IOptions<TelemetryOptions>>().Value,
            sp.GetRequiredService<IOptions<ServiceOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddHostedService<TelemetryLifetime>();
        if (IsExportConfigured(configuration, "LOGS"))
        {
            builder.Services.AddSingleton<ILoggerProvider, OpenTelemetryLogForwarder>();
        }

        return builder;
    }

    private static OpenTelemetrySdk CreateSdk(IConfiguration configuration, TelemetryOptions settings, ServiceOptions service, IHostEnvironment environment)
    {
        string? version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // OTEL_SERVICE_NAME wins over Service:Name; OTEL_RESOURCE_ATTRIBUTES is read by the default resource.
        string serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } fromEnvironment ? fromEnvironment : service.Name;
        bool samplerFromEnvironment = !string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]);
        return OpenTelemetrySdk.Create(otel =>
        {
            // The SDK reads its OTEL_* settings from the application's configuration (environment included).
            otel.Services.AddSingleton(configuration);
            otel.ConfigureResource(resource => resource
                .AddService(serviceName, serviceVersion: version)
                .AddAttributes([new("deployment.environment.name", environment.EnvironmentName)]));
            otel.WithTracing(tracing =>
            {
                tracing.AddSource([.. ActivitySources]);
                if (!samplerFromEnvironment)
                {
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)));
                }
            });
            otel.WithMetrics(metrics => metrics.AddMeter([.. Meters]));
            otel.WithLogging();
            if (IsExportConfigured(configuration, "TRACES") || IsExportConfigured(configuration, "METRICS") || IsExportConfigured(configuration, "LOGS"))
            {
                otel.UseOtlpExporter();
            }
        });
    }
}

/// <summary>Creates the SDK when the host starts (before requests are served); flushes it when the host stops.</summary>
internal sealed class TelemetryLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        int timeout = (int)FlushTimeout.TotalMilliseconds;
        sdk.TracerProvider.ForceFlush(timeout);
        sdk.MeterProvider.ForceFlush(timeout);
        return Task.CompletedTask;
    }
}

/// <summary>Sends the application's log records to the OpenTelemetry SDK (and so to the OTLP exporter).</summary>
internal sealed class OpenTelemetryLogForwarder(OpenTelemetrySdk sdk) : ILoggerProvider
{
    private readonly ILoggerFactory _factory = sdk.GetLoggerFactory();

    public ILogger CreateLogger(string categoryName) => _factory.CreateLogger(categoryName);

    // The SDK is a singleton of the container, disposed (and so flushed) with it.
    public void Dispose()
    {
    }
}
