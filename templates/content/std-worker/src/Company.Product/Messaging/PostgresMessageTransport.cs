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
/// <see cref="MessageProcessor"/> can stop a message that kills its worker every time.
/// </summary>
public sealed class PostgresMessageTransport : IMessageTransport, IMessagePublisher
{
    private const string TakeSql = """
        UPDATE messages SET visible_at = now() + $1, deliveries = deliveries + 1
        WHERE seq = (
            SELECT seq FROM messages WHERE visible_at <= now()
            ORDER BY visible_at, seq
            FOR UPDATE SKIP LOCKED
            LIMIT 1)
        RETURNING seq, message_id, type, body, headers::text, deliveries
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
        await using NpgsqlCommand command = _dataSource.CreateCommand("DELETE FROM messages WHERE seq = $1");
        command.Parameters.Add(new() { Value = SequenceOf(message) });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("UPDATE messages SET visible_at = now() + $2, deliveries = greatest(deliveries - 1, 0) WHERE seq = $1");
        command.Parameters.Add(new() { Value = SequenceOf(message) });
        command.Parameters.Add(new() { Value = redeliveryDelay });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [];
        return new Message(reader.GetString(1), reader.GetString(2), reader.GetString(3), new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase))
        {
            DeliveryTag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
            DeliveryCount = reader.GetInt32(5),
        };
    }

    private static long SequenceOf(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return long.TryParse(message.DeliveryTag, NumberStyles.None, CultureInfo.InvariantCulture, out long seq)
            ? seq
            : throw new ArgumentException("The message was not received from this queue.", nameof(message));
    }
}
