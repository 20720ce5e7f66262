using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CompanyProduct.Api.Hosting;

/// <summary>
/// The response headers of an API that serves JSON and nothing a browser should render, frame or run: on every
/// response (errors and probes included), and no <c>Server</c> banner.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy: nothing may load, run, frame the response or be submitted from it.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("Referrer-Policy", "no-referrer"),
        new("Cross-Origin-Resource-Policy", "same-origin"),
    ];

    /// <summary>Removes Kestrel's <c>Server</c> header.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(static kestrel => kestrel.AddServerHeader = false);

    /// <summary>
    /// Adds the headers when the response starts, so that responses written after an error cleared the headers
    /// (the exception handler does) carry them too. First in the pipeline.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(
                static state =>
                {
                    IHeaderDictionary headers = ((HttpResponse)state).Headers;
                    foreach ((string name, string value) in Headers)
                    {
                        headers[name] = value;
                    }

                    return Task.CompletedTask;
                },
                context.Response);
            return next(context);
        });
}
