using System.ComponentModel.DataAnnotations;

namespace CompanyProduct.Messaging;

/// <summary>Message consumption (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Messaging";

    /// <summary>Gets or sets how many messages are processed in parallel.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Gets or sets how long a consumer waits before it looks at an empty PostgreSQL queue again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the capacity of the in-memory queue.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Gets or sets the number of attempts per message, the first one included, before it is dead-lettered.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the delay before the first retry; later delays grow exponentially (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the upper bound of a single retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long a message taken from the queue, and its id in the idempotency store, stay claimed when
    /// the worker dies before finishing it; then another instance takes it. Longer than any message takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets how many times a message may be taken and left unsettled (its worker crashed, was killed or lost
    /// the database while handling it, so the lease ran out) before it is dead-lettered without being handled again.
    /// A message handed back on shutdown does not count.
    /// </summary>
    [Range(1, 100)]
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>Gets or sets how long processed message ids are remembered to detect duplicates.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how many dead letters the in-memory sink keeps (the oldest are dropped first).</summary>
    [Range(1, 1_000_000)]
    public int DeadLetterCapacity { get; set; } = 1000;
}
