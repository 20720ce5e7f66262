using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CompanyProduct.Api.Hosting;

/// <summary>Makes every error response an RFC 9457 problem details document with <c>code</c> and <c>traceId</c>.</summary>
public static class ProblemDetailsSetup
{
    /// <summary>Registers the problem details service with the organisation's extensions.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        // A malformed request (unreadable body, wrong parameter type) throws BadHttpRequestException, which
        // MalformedRequestHandler turns into a 400 (or 415) problem whose detail says what could not be read.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<MalformedRequestHandler>();
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
    }

    /// <summary>
    /// Adds the members every problem carries: <c>type</c> (about:blank when nothing more specific applies),
    /// <c>code</c> (when the producer did not set one), <c>traceId</c> (the W3C trace id, as in the logs),
    /// <c>requestId</c> and <c>instance</c>.
    /// </summary>
    /// <param name="context">The problem being written.</param>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpContext http = context.HttpContext;
        var problem = context.ProblemDetails;
        int status = problem.Status ?? http.Response.StatusCode;
        problem.Type ??= status == StatusCodes.Status429TooManyRequests ? ApiErrorCodes.RateLimitedType : "about:blank";
        problem.Detail ??= DefaultDetail(status);
        problem.Instance ??= http.Request.Path;
        problem.Extensions.TryAdd("code", ApiErrorCodes.ForStatus(status));
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        problem.Extensions["requestId"] = http.TraceIdentifier;
    }

    /// <summary>Gets the <c>detail</c> of a problem raised by the pipeline without one (401, 403, 404, 415, 500, ...).</summary>
    /// <param name="status">The status code.</param>
    /// <returns>A sentence for the caller, or <see langword="null"/>.</returns>
    public static string? DefaultDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "A valid bearer token is required: send Authorization: Bearer <token>.",
        StatusCodes.Status403Forbidden => "The token does not grant the scope this endpoint requires.",
        StatusCodes.Status404NotFound => "No endpoint matches this path.",
        StatusCodes.Status405MethodNotAllowed => "The endpoint does not accept this HTTP method.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
        StatusCodes.Status415UnsupportedMediaType => "The body must be JSON: send Content-Type: application/json.",
        >= 500 => "An unexpected error occurred; the traceId identifies it in the service's logs.",
        _ => null,
    };
}

/// <summary>Writes the problem for a request the framework could not read (RFC 9457 <c>detail</c> says why).</summary>
/// <param name="problems">The problem details writer.</param>
internal sealed class MalformedRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException malformed)
        {
            return false;
        }

        httpContext.Response.StatusCode = malformed.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = malformed.StatusCode,
                Title = "The request is malformed.",
                Detail = malformed.Message,
            },
        });
    }
}
