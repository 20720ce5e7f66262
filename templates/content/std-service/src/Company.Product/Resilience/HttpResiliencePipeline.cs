using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CompanyProduct.Resilience;

/// <summary>Builds the resilience pipeline for outgoing HTTP calls.</summary>
public static class HttpResiliencePipeline
{
    /// <summary>The header that makes a non-idempotent request safe to retry (draft-ietf-httpapi-idempotency-key-header).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A request option that turns retries off for one request (readiness probes must answer quickly).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetries = new("resilience.no-retries");

    /// <summary>The key under which <see cref="ResilienceHandler"/> passes the request to the pipeline's strategies.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("http.request");

    /// <summary>
    /// Creates a pipeline of, from the outside in: total timeout, retry, circuit breaker, per-attempt timeout.
    /// One instance must be shared by all handlers of a client so that the circuit state is shared.
    /// </summary>
    /// <param name="name">The pipeline name in telemetry (the client name).</param>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock used for delays, timeouts and the circuit breaker.</param>
    /// <param name="telemetry">Where resilience events are reported.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(string name, HttpResilienceOptions options, TimeProvider timeProvider, ResilienceTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = name, TimeProvider = timeProvider };
        builder.AddTimeout(Timeout(name, options.TotalTimeout, telemetry));
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(Retry(name, options, telemetry));
        }

        builder.AddCircuitBreaker(CircuitBreaker(name, options, telemetry));
        builder.AddTimeout(Timeout(name, options.AttemptTimeout, telemetry));
        return builder.Build();
    }

    /// <summary>
    /// Tells whether an outcome is worth retrying: network errors, attempt timeouts and 5xx responses.
    /// Client errors (4xx) are never retried: repeating the same request cannot fix them.
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

    private static TimeoutStrategyOptions Timeout(string name, TimeSpan timeout, ResilienceTelemetry telemetry) => new()
    {
        Timeout = timeout,
        OnTimeout = args =>
        {
            telemetry.Timeout(name, args.Timeout);
            return default;
        },
    };

    // Retries transient failures of requests that are safe to repeat, with exponential back-off and jitter.
    private static RetryStrategyOptions<HttpResponseMessage> Retry(string name, HttpResilienceOptions options, ResilienceTelemetry telemetry) => new()
    {
        MaxRetryAttempts = options.MaxAttempts - 1,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        ShouldHandle = static args => ValueTask.FromResult(
            IsTransientFailure(args.Outcome)
            && args.Context.Properties.TryGetValue(RequestKey, out HttpRequestMessage? request)
            && CanRetry(request)),
        OnRetry = args =>
        {
            telemetry.Retry(name, args.AttemptNumber, args.RetryDelay, args.Outcome);
            return default;
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker(string name, HttpResilienceOptions options, ResilienceTelemetry telemetry) => new()
    {
        FailureRatio = options.FailureRatio,
        MinimumThroughput = options.MinimumThroughput,
        SamplingDuration = options.SamplingDuration,
        BreakDuration = options.BreakDuration,
        ShouldHandle = static args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
        OnOpened = args =>
        {
            telemetry.Circuit(name, "OnCircuitOpened", args.Outcome);
            return default;
        },
        OnHalfOpened = _ =>
        {
            telemetry.Circuit(name, "OnCircuitHalfOpened", default);
            return default;
        },
        OnClosed = args =>
        {
            telemetry.Circuit(name, "OnCircuitClosed", args.Outcome);
            return default;
        },
    };
}
