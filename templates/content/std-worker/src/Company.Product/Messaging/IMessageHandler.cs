namespace CompanyProduct.Messaging;

/// <summary>The business logic run for each message.</summary>
public interface IMessageHandler
{
    /// <summary>Handles a message. It may run more than once for the same message (retries), so it must be safe to repeat.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Signals that the worker is shutting down and the time for in-flight work is up.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    /// <exception cref="PermanentMessageException">The message can never succeed; it is dead-lettered without retries.</exception>
    Task HandleAsync(Message message, CancellationToken cancellationToken);
}
