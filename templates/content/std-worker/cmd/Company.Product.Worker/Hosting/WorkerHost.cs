using CompanyProduct.Worker.Consumer;
using CompanyProduct.Worker.Data;
using CompanyProduct.Worker.Health;
using CompanyProduct.Worker.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompanyProduct.Worker.Hosting;

/// <summary>
/// Composes the worker: the message consumer as a hosted service, plus a minimal Kestrel host that serves only the
/// health endpoints.
/// </summary>
public static class WorkerHost
{
    /// <summary>Builds the application.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="configure">Optional changes to the builder before the services are added (tests use it).</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<ServiceOptions>(builder.Configuration, ServiceOptions.SectionName);
        builder.Services.AddGracefulShutdown(builder.Configuration);
        builder.Logging.AddStructuredConsole();
//#if (tracing)
        builder.AddTelemetry();
//#endif
        IHealthChecksBuilder readiness = builder.Services.AddReadinessChecks()
            .AddCheck<ConsumerHealthCheck>("consumer", tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);
        builder.Services.AddDatabase(builder.Configuration, readiness);
        builder.Services.AddMessageConsumer(builder.Configuration);

        WebApplication app = builder.Build();
        app.MapHealthEndpoints();
        return app;
    }
}
