using System.Collections.Concurrent;

namespace CompanyProduct.Work;

/// <summary>Work results in process memory (<c>Database:Provider=InMemory</c>, tests and demos).</summary>
public sealed class InMemoryWorkResultStore : IWorkResultStore
{
    private readonly ConcurrentDictionary<string, string> _results = new(StringComparer.Ordinal);

    /// <summary>Gets the stored results, by idempotency key.</summary>
    public IReadOnlyDictionary<string, string> Results => _results;

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(string idempotencyKey, string description, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_results.TryAdd(idempotencyKey, description));
}
