namespace CompanyProduct.Messaging;

/// <summary>
/// The source of messages: a queue or a topic subscription. <see cref="PostgresMessageTransport"/> is the default
/// (<see cref="InMemoryMessageTransport"/> in tests); an adapter for a broker implements the same five operations.
/// </summary>
public interface IMessageTransport
{
    /// <summary>Waits for the next message.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The next message, or <see langword="null"/> when the transport is closed for good.</returns>
    ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Confirms that a message is finished (processed, duplicate or dead-lettered): it is not delivered again.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the broker has the acknowledgement.</returns>
    ValueTask AcknowledgeAsync(Message message, CancellationToken cancellationToken);

    /// <summary>Returns an unfinished message to the transport so that it is delivered again.</summary>
    /// <param name="message">The message.</param>
    /// <param name="redeliveryDelay">How long the message stays invisible before it is delivered again (back-off).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the message is back.</returns>
    ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease (visibility timeout) of a message being handled by another
    /// <see cref="MessagingOptions.ClaimTimeout"/>, so that no other consumer takes it while a long handler runs.
    /// </summary>
    /// <param name="message">The message, as received.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="false"/> when the lease is lost (it ran out and another consumer took the message, or the message
    /// was settled): the handling must stop and its work must not be committed.
    /// </returns>
    ValueTask<bool> RenewLeaseAsync(Message message, CancellationToken cancellationToken);

    /// <summary>Checks that the transport can deliver messages; used by the readiness probe.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the broker is reachable.</returns>
    ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken);
}
