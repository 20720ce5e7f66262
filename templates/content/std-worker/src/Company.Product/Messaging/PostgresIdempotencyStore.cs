using Microsoft.Extensions.Options;
using Npgsql;

namespace CompanyProduct.Messaging;

/// <summary>
/// Processed message ids in the PostgreSQL table <c>processed_messages</c> (its primary key makes a second claim of
/// an id fail atomically, across every instance of the worker). Completed ids are kept for
/// <see cref="MessagingOptions.IdempotencyRetention"/>; a claim not completed within
/// <see cref="MessagingOptions.ClaimTimeout"/> (its instance died) can be taken again. A claim ends no later than the
/// lease of the message taken from <c>messages</c> (the two are renewed together, <see cref="PostgresMessageTransport"/>),
/// so when that lease runs out the consumer that takes the message over can claim its id.
/// </summary>
public sealed class PostgresIdempotencyStore : IIdempotencyStore
{
    private const int PruneInterval = 1024;

    private const string ClaimSql = """
        INSERT INTO processed_messages (message_id, claimed_until)
        VALUES ($1, least(now() + $2, (SELECT min(visible_at) FROM messages WHERE message_id = $1 AND visible_at > now())))
        ON CONFLICT (message_id) DO UPDATE SET claimed_until = EXCLUDED.claimed_until, completed_at = NULL
        WHERE (processed_messages.completed_at IS NULL AND processed_messages.claimed_until < now())
           OR processed_messages.completed_at < now() - $3
        RETURNING message_id
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly MessagingOptions _options;
    private int _claimsSincePrune;

    /// <summary>Initializes a new instance of the <see cref="PostgresIdempotencyStore"/> class.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="options">The messaging options (claim timeout, retention).</param>
    public PostgresIdempotencyStore(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options.Value;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryBeginAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (Interlocked.Increment(ref _claimsSincePrune) % PruneInterval == 0)
        {
            await PruneAsync(cancellationToken).ConfigureAwait(false);
        }

        await using NpgsqlCommand command = _dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new() { Value = messageId });
        command.Parameters.Add(new() { Value = _options.ClaimTimeout });
        command.Parameters.Add(new() { Value = _options.IdempotencyRetention });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string messageId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("UPDATE processed_messages SET completed_at = now(), claimed_until = NULL WHERE message_id = $1");
        command.Parameters.Add(new() { Value = messageId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string messageId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("DELETE FROM processed_messages WHERE message_id = $1 AND completed_at IS NULL");
        command.Parameters.Add(new() { Value = messageId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the ids completed longer ago than the retention.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of ids deleted.</returns>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("DELETE FROM processed_messages WHERE completed_at < now() - $1");
        command.Parameters.Add(new() { Value = _options.IdempotencyRetention });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
