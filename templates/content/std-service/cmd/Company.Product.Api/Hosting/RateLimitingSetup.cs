using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>Rate limits (configuration section <c>RateLimiting</c>).</summary>
public sealed class ClientRateLimitOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary>Gets or sets the sustained rate: tokens added to each client's bucket per second.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerSecond { get; set; } = 100;

    /// <summary>Gets or sets the bucket size: the burst a client may send at once.</summary>
    [Range(1, 1_000_000)]
    public int BurstSize { get; set; } = 200;
}

/// <summary>
/// One token bucket per client for every endpoint (the health probes are exempt), with problem details for
/// rejected requests. The client is the authenticated caller (<c>sub</c>, else <c>client_id</c> or <c>azp</c> of its
/// token), else the remote address, which forwarded headers can only change for trusted proxies: never a value the
/// client chooses.
/// </summary>
public static class RateLimitingSetup
{
    /// <summary>Registers the global limiter.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ClientRateLimitOptions>(configuration, ClientRateLimitOptions.SectionName)
            .Validate(o => o.BurstSize >= o.TokensPerSecond, "RateLimiting:BurstSize must be at least TokensPerSecond.");
        services.AddRateLimiter(static _ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimitOptions>>((options, limits) =>
        {
            ClientRateLimitOptions settings = limits.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(context),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.BurstSize,
                    TokensPerPeriod = settings.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    /// <summary>Gets the partition of a request: its authenticated caller, else its remote IP address.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <returns>The partition key.</returns>
    public static string PartitionKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClaimsPrincipal user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirst("sub") ?? user.FindFirst("client_id") ?? user.FindFirst("azp")) is { Value.Length: > 0 } caller)
        {
            return "caller:" + caller.Issuer + "|" + caller.Value;
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        HttpResponse response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        TimeSpan retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan hint) ? hint : TimeSpan.FromSeconds(1);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        IProblemDetailsService problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Type = ApiErrorCodes.RateLimitedType,
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "The rate limit for this client was exceeded; retry after the time in the Retry-After header.",
                Extensions = { ["code"] = ApiErrorCodes.RateLimited },
            },
        });
    }
}
