namespace CompanyProduct.Messaging;

/// <summary>Puts messages on the queue this worker consumes.</summary>
public interface IMessagePublisher
{
    /// <summary>Enqueues a message.</summary>
    /// <param name="message">The message; its id makes redelivered and duplicate copies recognisable.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    ValueTask PublishAsync(Message message, CancellationToken cancellationToken);
}
