using CompanyProduct.Api.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>The cross-cutting defaults every service of the organisation runs with.</summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Adds structured logging, telemetry, validated configuration, graceful shutdown, problem details and
    /// rate limiting.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<ServiceOptions>(builder.Configuration, ServiceOptions.SectionName);
        builder.Services.AddValidatedOptions<ShutdownOptions>(builder.Configuration, ShutdownOptions.SectionName);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        builder.Logging.AddStructuredConsole();
//#if (tracing)
        builder.Services.AddTelemetry(builder.Configuration);
//#endif
        builder.Services.AddApiProblemDetails();
//#if (rateLimiting)
        builder.Services.AddClientRateLimiting(builder.Configuration);
//#endif
        return builder;
    }

    /// <summary>Adds the middleware for the defaults, in order.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
//#if (rateLimiting)
        app.UseRateLimiter();
//#endif
        return app;
    }
}
