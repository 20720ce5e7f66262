namespace CompanyProduct.Messaging;

/// <summary>
/// Exponential back-off with jitter: the delay before try <c>n</c> (from 1) is a random value between half and all of
/// <c>min(max, base * 2^(n-1))</c>, so instances that failed together do not retry together.
/// </summary>
public static class Backoff
{
    /// <summary>Gets the delay before a try.</summary>
    /// <param name="attempt">The number of consecutive failures so far, from 1.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The upper bound.</param>
    /// <param name="random">The source of jitter.</param>
    /// <returns>The delay.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter spreads retries; it protects nothing.")]
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentNullException.ThrowIfNull(random);
        double exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        double capped = Math.Min(maxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() / 2)));
    }
}
