using Npgsql;

namespace CompanyProduct.Work;

/// <summary>
/// Work results in the PostgreSQL table <c>work_results</c>, whose primary key is the idempotency key: the insert of
/// a repeat does nothing (<c>ON CONFLICT DO NOTHING</c>, one atomic statement, also between instances).
/// </summary>
/// <param name="dataSource">The data source.</param>
public sealed class PostgresWorkResultStore(NpgsqlDataSource dataSource) : IWorkResultStore
{
    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(string idempotencyKey, string description, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(
            "INSERT INTO work_results (idempotency_key, description) VALUES ($1, $2) ON CONFLICT (idempotency_key) DO NOTHING");
        command.Parameters.Add(new() { Value = idempotencyKey });
        command.Parameters.Add(new() { Value = description });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
