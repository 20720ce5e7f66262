using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Messaging;

/// <summary>A process-local <see cref="IIdempotencyStore"/> whose records expire.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private const int PruneInterval = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly MessagingOptions _options;
    private int _claimsSincePrune;

    /// <summary>Initializes a new instance of the <see cref="InMemoryIdempotencyStore"/> class.</summary>
    /// <param name="timeProvider">The clock for expiry.</param>
    /// <param name="options">The messaging options (claim timeout, retention).</param>
    public InMemoryIdempotencyStore(TimeProvider timeProvider, IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>Gets the number of records held, expired ones included until the next prune.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryBeginAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        PruneOccasionally(now);
        var claim = new Entry(now + _options.ClaimTimeout);
        while (true)
        {
            if (_entries.TryAdd(messageId, claim))
            {
                return ValueTask.FromResult(true);
            }

            if (!_entries.TryGetValue(messageId, out Entry? existing))
            {
                continue;
            }

            if (existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(false);
            }

            if (_entries.TryUpdate(messageId, claim, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        _entries[messageId] = new Entry(_timeProvider.GetUtcNow() + _options.IdempotencyRetention);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        _entries.TryRemove(messageId, out _);
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes expired records.</summary>
    /// <param name="now">The current time.</param>
    internal void Prune(DateTimeOffset now)
    {
        foreach (KeyValuePair<string, Entry> entry in _entries)
        {
            if (entry.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(entry);
            }
        }
    }

    private void PruneOccasionally(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _claimsSincePrune) % PruneInterval == 0)
        {
            Prune(now);
        }
    }

    private sealed record Entry(DateTimeOffset ExpiresAt);
}
