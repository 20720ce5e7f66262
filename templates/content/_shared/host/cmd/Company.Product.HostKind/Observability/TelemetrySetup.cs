using System.Reflection;
using CompanyProduct.Diagnostics;
using CompanyProduct.HostKind.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
//#if (hasDatabase)
using Npgsql;
//#endif
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
    /// <summary>The sources whose spans are recorded besides the instrumented ones (ASP.NET Core, HttpClient, Npgsql).</summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        ProductTelemetry.Name,
    ];

    /// <summary>The meters that are exported besides the instrumented ones (ASP.NET Core, HttpClient, runtime, Npgsql).</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        ProductTelemetry.Name,
        "Microsoft.AspNetCore.Server.Kestrel",
//#if (hostKind == "Api")
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Polly",
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
    /// Registers OpenTelemetry with OpenTelemetry.Extensions.Hosting (started with the host, flushed when it stops):
    /// ASP.NET Core, HttpClient and runtime instrumentation, Npgsql's own tracing and metrics, the service's sources
    /// and meters, and the OTLP exporter for all three signals when an endpoint is configured.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.SectionName);
        string? version = typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // OTEL_SERVICE_NAME wins over Service:Name; OTEL_RESOURCE_ATTRIBUTES is read by the default resource.
        string serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configuration[ServiceOptions.SectionName + ":" + nameof(ServiceOptions.Name)] ?? builder.Environment.ApplicationName;
        IOpenTelemetryBuilder otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName, serviceVersion: version)
                .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]))
            .WithTracing(tracing => AddTracing(tracing, samplerFromEnvironment: !string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"])))
            .WithMetrics(AddMetrics);
        if (IsExportConfigured(configuration, "TRACES") || IsExportConfigured(configuration, "METRICS") || IsExportConfigured(configuration, "LOGS"))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    private static void AddTracing(TracerProviderBuilder tracing, bool samplerFromEnvironment)
    {
        tracing.AddSource([.. ActivitySources])
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
//#if (hasDatabase)
        tracing.AddNpgsql();
//#endif
        if (!samplerFromEnvironment)
        {
            tracing.SetSampler(static sp => new ParentBasedSampler(new TraceIdRatioBasedSampler(sp.GetRequiredService<IOptions<TelemetryOptions>>().Value.SamplingRatio)));
        }
    }

    private static void AddMetrics(MeterProviderBuilder metrics)
    {
        metrics.AddMeter([.. Meters])
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation();
//#if (hasDatabase)
        metrics.AddNpgsqlInstrumentation();
//#endif
    }
}
