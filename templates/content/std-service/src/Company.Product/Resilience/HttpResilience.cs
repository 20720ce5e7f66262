using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace CompanyProduct.Resilience;

/// <summary>
/// Puts the organisation's resilience profile on an outgoing HTTP client with Microsoft.Extensions.Http.Resilience's
/// standard handler (rate limiter, total timeout, retry, circuit breaker, attempt timeout; its telemetry is Polly's
/// <c>resilience.polly.strategy.events</c> metric and logs) and the connect timeout on the primary handler. Retries
/// only transient failures (network errors, attempt timeouts, 5xx; never a 4xx) of requests that are safe to repeat.
/// </summary>
public static class HttpResilience
{
    /// <summary>The header that makes a non-idempotent request safe to retry (draft-ietf-httpapi-idempotency-key-header).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A request option that turns retries off for one request (readiness probes must answer quickly).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetries = new("resilience.no-retries");

    /// <summary>Adds the profile's connect timeout and the standard resilience handler with the profile's numbers.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="settings">Gets the client's validated settings.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddProfileResilience(this IHttpClientBuilder builder, Func<IServiceProvider, HttpResilienceOptions> settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            ConnectTimeout = settings(sp).ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        });
        builder.AddStandardResilienceHandler().Configure((standard, sp) => Apply(standard, settings(sp)));
        return builder;
    }

    /// <summary>Copies the profile's numbers and retry rules onto the standard handler's options.</summary>
    /// <param name="standard">The standard handler's options.</param>
    /// <param name="settings">The profile's settings.</param>
    public static void Apply(HttpStandardResilienceOptions standard, HttpResilienceOptions settings)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(settings);
        standard.TotalRequestTimeout.Timeout = settings.TotalTimeout;
        standard.AttemptTimeout.Timeout = settings.AttemptTimeout;

        // Polly needs at least one retry attempt; with MaxAttempts = 1 no outcome is handled, so none happens.
        bool retries = settings.MaxAttempts > 1;
        standard.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxAttempts - 1);
        standard.Retry.BackoffType = DelayBackoffType.Exponential;
        standard.Retry.UseJitter = true;
        standard.Retry.Delay = settings.BaseDelay;
        standard.Retry.MaxDelay = settings.MaxDelay;
        standard.Retry.ShouldHandle = args => ValueTask.FromResult(
            retries && IsTransientFailure(args.Outcome) && args.Context.GetRequestMessage() is { } request && CanRetry(request));
        standard.CircuitBreaker.FailureRatio = settings.FailureRatio;
        standard.CircuitBreaker.MinimumThroughput = settings.MinimumThroughput;
        standard.CircuitBreaker.SamplingDuration = settings.SamplingDuration;
        standard.CircuitBreaker.BreakDuration = settings.BreakDuration;
        standard.CircuitBreaker.ShouldHandle = static args => ValueTask.FromResult(IsTransientFailure(args.Outcome));
    }

    /// <summary>
    /// Tells whether an outcome is worth retrying: network errors, attempt timeouts and 5xx responses.
    /// Client errors (4xx, 408 and 429 included) are never retried.
    /// </summary>
    /// <param name="outcome">The outcome of one attempt.</param>
    /// <returns><see langword="true"/> for a transient failure.</returns>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode >= HttpStatusCode.InternalServerError,
        _ => false,
    };

    /// <summary>
    /// Tells whether a request may be sent again after a failure: its method is idempotent (RFC 9110 §9.2.2: GET,
    /// HEAD, OPTIONS, TRACE, PUT, DELETE) or it carries an <c>Idempotency-Key</c> header, and the
    /// <see cref="NoRetries"/> option is not set.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when repeating the request cannot apply its effect twice.</returns>
    public static bool CanRetry(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(NoRetries, out bool noRetries) && noRetries)
        {
            return false;
        }

        HttpMethod method = request.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace
            || method == HttpMethod.Put || method == HttpMethod.Delete
            || request.Headers.Contains(IdempotencyKeyHeader);
    }
}
