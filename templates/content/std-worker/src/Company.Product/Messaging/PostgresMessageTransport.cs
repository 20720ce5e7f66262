using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CompanyProduct.Messaging;

/// <summary>
/// A durable queue in the PostgreSQL table <c>messages</c>. A consumer takes the oldest visible message with
/// <c>FOR UPDATE SKIP LOCKED</c> (concurrent consumers never take the same row and never wait for each other) and
/// makes it invisible for <see cref="MessagingOptions.ClaimTimeout"/>: acknowledging deletes it, abandoning makes it
/// visible again after a delay, and a consumer that dies lets the lease run out so another one takes it.
/// <c>deliveries</c> counts the takes that were never settled (an abandoned message is handed back, not lost), so
/// <see cref="MessageProcessor"/> can stop a message that kills its worker every time. Each take writes a new
/// <c>lease</c> id: renewing, acknowledging and abandoning act only while that id is still the row's, so a consumer
/// whose lease ran out (and another took the message) changes nothing. A renewal also extends the message id's claim in
/// <c>processed_messages</c>, in the same statement, so the claim lasts as long as the lease.
/// </summary>
public sealed class PostgresMessageTransport : IMessageTransport, IMessagePublisher
{
    private const string TakeSql = """
        UPDATE messages SET visible_at = now() + $1, deliveries = deliveries + 1, lease = $2
        WHERE seq = (
            SELECT seq FROM messages WHERE visible_at <= now()
            ORDER BY visible_at, seq
            FOR UPDATE SKIP LOCKED
            LIMIT 1)
        RETURNING seq, message_id, type, body, headers::text, deliveries
        """;

    private const string RenewSql = """
        WITH lease AS (
            UPDATE messages SET visible_at = now() + $3 WHERE seq = $1 AND lease = $2
            RETURNING message_id),
        claim AS (
            UPDATE processed_messages SET claimed_until = now() + $3
            FROM lease WHERE processed_messages.message_id = lease.message_id AND processed_messages.completed_at IS NULL
            RETURNING 1)
        SELECT count(*) FROM lease
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly MessagingOptions _options;

    /// <summary>Initializes a new instance of the <see cref="PostgresMessageTransport"/> class.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="timeProvider">The clock for polling.</param>
    /// <param name="options">The messaging options (lease, poll interval).</param>
    public PostgresMessageTransport(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <inheritdoc />
    public async ValueTask PublishAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using NpgsqlCommand command = _dataSource.CreateCommand("INSERT INTO messages (message_id, type, body, headers) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new() { Value = message.Id });
        command.Parameters.Add(new() { Value = message.Type });
        command.Parameters.Add(new() { Value = message.Body });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(message.Headers), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Polls every <see cref="MessagingOptions.PollInterval"/> while the queue is empty; never returns null.</remarks>
    public async ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Message? message = await TryTakeAsync(cancellationToken).ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask AcknowledgeAsync(Message message, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("DELETE FROM messages WHERE seq = $1 AND lease = $2");
        (long seq, Guid lease) = LeaseOf(message);
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = lease });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("UPDATE messages SET visible_at = now() + $3, deliveries = greatest(deliveries - 1, 0) WHERE seq = $1 AND lease = $2");
        (long seq, Guid lease) = LeaseOf(message);
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = redeliveryDelay });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RenewLeaseAsync(Message message, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(RenewSql);
        (long seq, Guid lease) = LeaseOf(message);
        command.Parameters.Add(new() { Value = seq });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = _options.ClaimTimeout });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    /// <inheritdoc />
    public async ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlCommand command = _dataSource.CreateCommand("SELECT 1 FROM messages LIMIT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private async Task<Message?> TryTakeAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(TakeSql);
        command.Parameters.Add(new() { Value = _options.ClaimTimeout });
        Guid lease = Guid.NewGuid();
        command.Parameters.Add(new() { Value = lease });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
        return new Message(reader.GetString(1), reader.GetString(2), reader.GetString(3), new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase))
        {
            DeliveryTag = string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}:{lease:N}"),
            DeliveryCount = reader.GetInt32(5),
        };
    }

    /// <summary>The queue row and the lease id of this delivery, from its <see cref="Message.DeliveryTag"/> (<c>seq:lease</c>).</summary>
    private static (long Seq, Guid Lease) LeaseOf(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string[] parts = (message.DeliveryTag ?? string.Empty).Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long seq)
            && Guid.TryParseExact(parts[1], "N", out Guid lease)
            ? (seq, lease)
            : throw new ArgumentException("The message was not received from this queue.", nameof(message));
    }
}
