namespace CompanyProduct.Messaging;

/// <summary>
/// Remembers which message ids were processed, so that a message delivered twice is handled once.
/// <see cref="InMemoryIdempotencyStore"/> is the default; use a shared store (database, cache) when several
/// instances consume the same queue.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims a message id for processing.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the id was already processed or is being processed.</returns>
    ValueTask<bool> TryBeginAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Records a claimed message as finished: later deliveries with the same id are skipped.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask CompleteAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim without finishing, so that a redelivery is processed again.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string messageId, CancellationToken cancellationToken);
}
