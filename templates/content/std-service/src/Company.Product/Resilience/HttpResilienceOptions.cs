using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.Resilience;

/// <summary>
/// Timeouts, retry and circuit-breaker settings for an outgoing HTTP client. The defaults are the organisation's
/// standard: connect 5 s, 30 s per attempt, 5 attempts with exponential back-off and jitter starting at 100 ms and
/// capped at 30 s, circuit opening for 30 s when half of at least 10 calls in the sampling window fail. The window is
/// 60 s: the standard resilience handler requires it to be at least twice the attempt timeout.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Gets or sets the time allowed to establish a TCP/TLS connection.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the time allowed for one attempt, from sending the request to reading the response headers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the time allowed for the whole call, all attempts and back-off delays included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets or sets the number of attempts, the first one included; 1 disables retries.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; later delays grow exponentially (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the upper bound of a single back-off delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the share of failed calls in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets the number of calls in the sampling window below which the circuit never opens.</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>Gets or sets the length of the window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long the circuit stays open before a trial call is let through.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
