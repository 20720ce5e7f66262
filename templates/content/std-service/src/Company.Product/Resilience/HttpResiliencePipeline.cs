using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CompanyProduct.Resilience;

/// <summary>Builds the resilience pipeline for outgoing HTTP calls.</summary>
public static class HttpResiliencePipeline
{
    /// <summary>
    /// Creates a pipeline of, from the outside in: total timeout, retry, circuit breaker, per-attempt timeout.
    /// One instance must be shared by all handlers of a client so that the circuit state is shared.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock used for delays, timeouts and the circuit breaker.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = static args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
        });
        builder.AddTimeout(options.AttemptTimeout);
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
}
