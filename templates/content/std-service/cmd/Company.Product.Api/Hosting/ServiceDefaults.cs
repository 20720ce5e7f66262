//#if (hasAuth)
using CompanyProduct.Api.Security;
//#endif
using CompanyProduct.Api.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompanyProduct.Api.Hosting;

/// <summary>The cross-cutting defaults every service of the organisation runs with.</summary>
public static class ServiceDefaults
{
    /// <summary>
    /// Adds structured logging, telemetry, validated configuration, graceful shutdown with a drain window, problem
    /// details, request body limits, security headers, trusted-proxy forwarded headers, authentication and authorisation, rate limiting and the OpenAPI
    /// document.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The same builder.</returns>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<ServiceOptions>(builder.Configuration, ServiceOptions.SectionName);
        builder.Services.AddGracefulShutdown(builder.Configuration);
        builder.Logging.AddStructuredConsole();
//#if (tracing)
        builder.AddTelemetry();
//#endif
        builder.Services.AddApiProblemDetails();
        builder.Services.AddRequestLimits(builder.Configuration);
        builder.Services.AddSecurityHeaders();
        builder.Services.AddTrustedProxies(builder.Configuration);
//#if (hasAuth)
        builder.Services.AddApiAuthentication(builder.Configuration);
//#endif
//#if (rateLimiting)
        builder.Services.AddClientRateLimiting(builder.Configuration);
//#endif
        builder.Services.AddApiDocument();
        return builder;
    }

    /// <summary>
    /// Adds the middleware for the defaults, in order: security headers, forwarded headers (so the remote address is
    /// the client's), request id, errors as problem details, routing, request body limits (per endpoint), authentication, rate limiting (after authentication, so it
    /// can partition by caller), authorisation.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestLimits();
//#if (hasAuth)
        app.UseAuthentication();
//#endif
//#if (rateLimiting)
        app.UseRateLimiter();
//#endif
//#if (hasAuth)
        app.UseAuthorization();
//#endif
        return app;
    }
}
