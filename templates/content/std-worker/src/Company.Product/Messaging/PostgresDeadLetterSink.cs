using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CompanyProduct.Messaging;

/// <summary>Stores dead letters in the PostgreSQL table <c>dead_letters</c> and logs each one as a warning.</summary>
/// <param name="dataSource">The data source.</param>
/// <param name="logger">The logger.</param>
public sealed partial class PostgresDeadLetterSink(NpgsqlDataSource dataSource, ILogger<PostgresDeadLetterSink> logger) : IDeadLetterSink
{
    /// <inheritdoc />
    public async ValueTask DeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        Message message = deadLetter.Message;
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "INSERT INTO dead_letters (message_id, type, body, headers, attempts, failed_at, error_type, error_message) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        command.Parameters.Add(new() { Value = message.Id });
        command.Parameters.Add(new() { Value = message.Type });
        command.Parameters.Add(new() { Value = message.Body });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(message.Headers), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = deadLetter.Attempts });
        command.Parameters.Add(new() { Value = deadLetter.FailedAt });
        command.Parameters.Add(new() { Value = deadLetter.ErrorType });
        command.Parameters.Add(new() { Value = deadLetter.ErrorMessage });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        LogDeadLettered(logger, message.Id, message.Type, deadLetter.Attempts, deadLetter.ErrorType);
    }

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Warning,
        Message = "Message {MessageId} of type {MessageType} dead-lettered after {Attempts} attempts ({ErrorType})")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string messageType, int attempts, string errorType);
}
