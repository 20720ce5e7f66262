using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CompanyProduct.Api.Hosting;

/// <summary>Makes every error response an RFC 9457 problem details document with <c>code</c> and <c>traceId</c>.</summary>
public static class ProblemDetailsSetup
{
    /// <summary>Registers the problem details service with the organisation's extensions.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        // Malformed requests get a 400 problem in every environment (the default throws in Development).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
    }

    /// <summary>
    /// Adds the members every problem carries: <c>code</c> (when the producer did not set one), <c>traceId</c>
    /// (the W3C trace id, as in the logs), <c>requestId</c> and <c>instance</c>.
    /// </summary>
    /// <param name="context">The problem being written.</param>
    public static void Customize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpContext http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Instance ??= http.Request.Path;
        problem.Extensions.TryAdd("code", ApiErrorCodes.ForStatus(problem.Status ?? http.Response.StatusCode));
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        problem.Extensions["requestId"] = http.TraceIdentifier;
    }
}
