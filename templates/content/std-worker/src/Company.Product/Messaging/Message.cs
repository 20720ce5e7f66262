namespace CompanyProduct.Messaging;

/// <summary>A message received from an <see cref="IMessageTransport"/>.</summary>
/// <param name="Id">The producer-assigned identifier; redeliveries and duplicates carry the same one.</param>
/// <param name="Type">The message type, for example <c>work.requested</c>.</param>
/// <param name="Body">The payload (JSON).</param>
/// <param name="Headers">Transport headers, for example the W3C <c>traceparent</c> of the producer.</param>
public sealed record Message(string Id, string Type, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Gets the transport's handle of this delivery (e.g. the queue row), used to acknowledge or abandon it.</summary>
    public string? DeliveryTag { get; init; }

    /// <summary>Gets how many times the transport has delivered the message, this delivery included.</summary>
    public int DeliveryCount { get; init; } = 1;

    /// <summary>The header carrying the W3C trace context of the producer.</summary>
    public const string TraceParentHeader = "traceparent";

    /// <summary>The header carrying the W3C trace state of the producer.</summary>
    public const string TraceStateHeader = "tracestate";

    /// <summary>Creates a message without headers.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="type">The message type.</param>
    /// <param name="body">The payload.</param>
    /// <returns>The message.</returns>
    public static Message Create(string id, string type, string body) =>
        new(id, type, body, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
}

/// <summary>What happened to a message.</summary>
public enum ProcessingOutcome
{
    /// <summary>The handler succeeded.</summary>
    Processed,

    /// <summary>A message with the same id was already processed (or is being processed); it was skipped.</summary>
    Duplicate,

    /// <summary>The message failed permanently or ran out of attempts and went to the dead-letter sink.</summary>
    DeadLettered,

    /// <summary>Processing was interrupted (shutdown); the message must be delivered again.</summary>
    Abandoned,
}

/// <summary>
/// Thrown by a handler for a message that can never succeed (malformed, unknown type): it is dead-lettered at once,
/// without retries.
/// </summary>
public sealed class PermanentMessageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PermanentMessageException"/> class.</summary>
    public PermanentMessageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PermanentMessageException"/> class.</summary>
    /// <param name="message">Why the message cannot be processed.</param>
    public PermanentMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PermanentMessageException"/> class.</summary>
    /// <param name="message">Why the message cannot be processed.</param>
    /// <param name="innerException">The underlying error.</param>
    public PermanentMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
