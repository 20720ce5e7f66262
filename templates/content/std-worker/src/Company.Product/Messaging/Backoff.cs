using System.Security.Cryptography;

namespace CompanyProduct.Messaging;

/// <summary>
/// Exponential back-off with jitter: the delay before try <c>n</c> (from 1) is a random value between half and all of
/// <c>min(max, base * 2^(n-1))</c>, so instances that failed together do not retry together.
/// </summary>
public static class Backoff
{
    /// <summary>Gets the delay before a try, with random jitter.</summary>
    /// <param name="attempt">The number of consecutive failures so far, from 1.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The upper bound.</param>
    /// <returns>The delay.</returns>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        Delay(attempt, baseDelay, maxDelay, NextJitter());

    /// <summary>Gets the delay before a try for a given jitter.</summary>
    /// <param name="attempt">The number of consecutive failures so far, from 1.</param>
    /// <param name="baseDelay">The delay before the first retry.</param>
    /// <param name="maxDelay">The upper bound.</param>
    /// <param name="jitter">Where in the upper half of the window the delay falls, from 0 (inclusive) to 1 (exclusive).</param>
    /// <returns>The delay.</returns>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1.0);
        double exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        double capped = Math.Min(maxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (jitter / 2)));
    }

    // A cryptographic generator, so the insecure-randomness rule (CA5394, locked) holds without a suppression; at the
    // rate of retries its cost is nothing.
    private static double NextJitter() => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;
}
