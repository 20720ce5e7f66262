using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CompanyProduct.Api.Hosting;

/// <summary>
/// Reads the <c>X-Request-ID</c> header (or generates an identifier when it is missing or malformed), echoes it on
/// the response, exposes it as <see cref="HttpContext.TraceIdentifier"/> and adds it to the logging scope.
/// </summary>
/// <param name="next">The next middleware.</param>
/// <param name="logger">The logger whose scope carries the request id.</param>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    /// <summary>The header carrying the request identifier.</summary>
    public const string HeaderName = "X-Request-ID";

    private const int MaxLength = 128;

    /// <summary>Processes a request.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>A task that completes when the rest of the pipeline has run.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string requestId = IsValid(context.Request.Headers[HeaderName])
            ? context.Request.Headers[HeaderName].ToString()
            : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(
            static state =>
            {
                var (response, id) = ((HttpResponse, string))state;
                response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            },
            (context.Response, requestId));

        using (logger.BeginScope(new KeyValuePair<string, object?>[] { new("request_id", requestId) }))
        {
            await next(context);
        }
    }

    /// <summary>Tells whether a client-supplied request id can be used as is.</summary>
    /// <param name="value">The header value.</param>
    /// <returns><see langword="true"/> for a single value of 1 to 128 letters, digits, '-', '_', '.' or ':'.</returns>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
