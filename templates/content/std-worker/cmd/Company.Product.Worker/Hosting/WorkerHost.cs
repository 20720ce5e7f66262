using CompanyProduct.Worker.Consumer;
using CompanyProduct.Worker.Health;
using CompanyProduct.Worker.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        builder.Services.AddValidatedOptions<ShutdownOptions>(builder.Configuration, ShutdownOptions.SectionName);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        builder.Logging.AddStructuredConsole();
//#if (tracing)
        builder.Services.AddTelemetry(builder.Configuration);
//#endif
        builder.Services.AddMessageConsumer(builder.Configuration);
        builder.Services.AddReadinessChecks();

        WebApplication app = builder.Build();
        app.MapHealthEndpoints();
        return app;
    }
}
