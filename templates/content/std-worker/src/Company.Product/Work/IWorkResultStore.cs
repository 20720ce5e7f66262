namespace CompanyProduct.Work;

/// <summary>
/// The sample handler's side effect: the result of each work request, stored once per idempotency key (the message
/// id, the same on every redelivery). A redelivered message that was already handled finds its result and does not
/// write it again: the pattern for every side effect, because delivery is at-least-once.
/// </summary>
public interface IWorkResultStore
{
    /// <summary>Stores the result of a work request unless one with the same key is stored.</summary>
    /// <param name="idempotencyKey">The key: the message id.</param>
    /// <param name="description">The work done.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when a result with that key was already stored (nothing was written).</returns>
    ValueTask<bool> TryRecordAsync(string idempotencyKey, string description, CancellationToken cancellationToken);
}
