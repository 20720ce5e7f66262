using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>Per-client rate limits (configuration section <c>RateLimiting</c>).</summary>
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

    /// <summary>
    /// Gets or sets the header identifying the client. Requests without it are limited per remote IP address.
    /// Only trust it when a gateway in front of the service sets it after authentication.
    /// </summary>
    [Required]
    public string ClientIdHeader { get; set; } = "X-Client-Id";
}

/// <summary>Token-bucket rate limiting per client, with problem details for rejected requests.</summary>
public static class RateLimitingSetup
{
    /// <summary>The name of the policy to put on endpoints with <c>RequireRateLimiting</c>.</summary>
    public const string PolicyName = "per-client";

    private const int MaxClientIdLength = 64;

    /// <summary>Registers the rate limiter and its per-client policy.</summary>
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
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(context, settings.ClientIdHeader),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.BurstSize,
                    TokensPerPeriod = settings.TokensPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    /// <summary>Gets the partition of a request: its client id header when valid, else its remote IP address.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="clientIdHeader">The header carrying the client id.</param>
    /// <returns>The partition key.</returns>
    public static string PartitionKey(HttpContext context, string clientIdHeader)
    {
        ArgumentNullException.ThrowIfNull(context);
        string clientId = context.Request.Headers[clientIdHeader].ToString();
        if (RequestIdMiddleware.IsValid(clientId) && clientId.Length <= MaxClientIdLength)
        {
            return "client:" + clientId;
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
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "The rate limit for this client was exceeded; retry after the time in the Retry-After header.",
                Extensions = { ["code"] = ApiErrorCodes.RateLimited },
            },
        });
    }
}
