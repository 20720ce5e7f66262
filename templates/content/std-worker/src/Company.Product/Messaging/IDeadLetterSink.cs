namespace CompanyProduct.Messaging;

/// <summary>A message that could not be processed, with the reason.</summary>
/// <param name="Message">The message.</param>
/// <param name="Attempts">How many times the handler ran.</param>
/// <param name="FailedAt">When the message was given up (UTC).</param>
/// <param name="ErrorType">The type of the last error.</param>
/// <param name="ErrorMessage">The message of the last error.</param>
public sealed record DeadLetter(Message Message, int Attempts, DateTimeOffset FailedAt, string ErrorType, string ErrorMessage);

/// <summary>
/// Where messages go that cannot be processed, for inspection and replay. <see cref="InMemoryDeadLetterSink"/> is
/// the default; use your broker's dead-letter queue or a table in production.
/// </summary>
public interface IDeadLetterSink
{
    /// <summary>Stores a dead letter.</summary>
    /// <param name="deadLetter">The dead letter.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the dead letter is stored.</returns>
    ValueTask DeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}
