using Npgsql;

namespace CompanyProduct.Items;

/// <summary>
/// Items in PostgreSQL (table <c>items</c>, created by migration 1 in <c>Data/SchemaMigrations.cs</c>). Lists use
/// keyset pagination on <c>(created_at, id)</c>, served by the <c>items_list_order</c> index.
/// </summary>
/// <param name="dataSource">The data source (connection pool).</param>
public sealed class PostgresItemStore(NpgsqlDataSource dataSource) : IItemStore
{
    private const string Columns = "id, name, description, created_at";

    /// <inheritdoc />
    public async Task<Item?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand($"SELECT {Columns} FROM items WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Item>> ListAsync(ItemCursor? after, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        NpgsqlCommand command;
        if (after is { } cursor)
        {
            command = dataSource.CreateCommand($"SELECT {Columns} FROM items WHERE (created_at, id) > ($1, $2) ORDER BY created_at, id LIMIT $3");
            command.Parameters.Add(new() { Value = cursor.CreatedAt });
            command.Parameters.Add(new() { Value = cursor.Id });
        }
        else
        {
            command = dataSource.CreateCommand($"SELECT {Columns} FROM items ORDER BY created_at, id LIMIT $1");
        }

        await using (command)
        {
            command.Parameters.Add(new() { Value = count });
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var items = new List<Item>(count);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(Read(reader));
            }

            return items;
        }
    }

    /// <inheritdoc />
    public async Task AddAsync(Item item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using NpgsqlCommand command = dataSource.CreateCommand($"INSERT INTO items ({Columns}) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new() { Value = item.Id });
        command.Parameters.Add(new() { Value = item.Name });
        command.Parameters.Add(new() { Value = (object?)item.Description ?? DBNull.Value });
        command.Parameters.Add(new() { Value = item.CreatedAt });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"An item with id '{item.Id}' already exists.", error);
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlCommand command = dataSource.CreateCommand("SELECT 1 FROM items LIMIT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static Item Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3));
}
