using Microsoft.Extensions.Logging;
using Npgsql;

namespace CompanyProduct.Data;

/// <summary>A schema change, listed in <see cref="SchemaMigrations"/>.</summary>
/// <param name="Version">Its number; migrations are applied in this order.</param>
/// <param name="Name">What it does, in snake_case (recorded in <c>schema_migrations</c>).</param>
/// <param name="CreateCommand">Creates the command that runs its SQL on a connection.</param>
public sealed record Migration(int Version, string Name, Func<NpgsqlConnection?, NpgsqlCommand> CreateCommand);

/// <summary>
/// Applies the migrations (<see cref="SchemaMigrations"/>) that the database has not seen yet, in order, in one transaction, and records
/// them in <c>schema_migrations</c>. A PostgreSQL advisory lock makes instances that start together take turns.
/// Migrations are append-only: never edit one that was released, add the next number instead.
/// </summary>
// Hand-written: DbUp and FluentMigrator were weighed; neither takes a lock between two replicas migrating at once.
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any constant works: it only has to be the same for every instance of this service.
    private const long AdvisoryLockKey = 0x5354_445F_4D49_47;

    /// <summary>Gets this service's migrations, by version.</summary>
    public static IReadOnlyList<Migration> Migrations => SchemaMigrations.All;

    /// <summary>Applies the pending migrations.</summary>
    /// <param name="cancellationToken">Cancels the operation (the transaction is rolled back).</param>
    /// <returns>The number of migrations applied.</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey } } })
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var createTable = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            connection))
        {
            await createTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var query = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (NpgsqlDataReader reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        int count = 0;
        foreach (Migration migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await using (NpgsqlCommand apply = migration.CreateCommand(connection))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection)
            {
                Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, migration.Version, migration.Name);
            count++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogUpToDate(logger, Migrations.Count == 0 ? 0 : Migrations[^1].Version, count);
        return count;
    }

    /// <summary>Checks a list of migrations: versions from 1, each once, ascending.</summary>
    /// <param name="migrations">The migrations, in the order they are applied.</param>
    /// <returns>The same list.</returns>
    /// <exception cref="InvalidOperationException">The versions are not 1, 2, 3... in order.</exception>
    public static IReadOnlyList<Migration> Validate(IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        for (int i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration {migrations[i].Name} has the version {migrations[i].Version}, but is number {i + 1} in the list: versions run 1, 2, 3... without gaps or repeats, in the order they are applied.");
            }
        }

        return migrations;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied migration {MigrationVersion} ({MigrationName})")]
    private static partial void LogApplied(ILogger logger, int migrationVersion, string migrationName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Database schema at version {SchemaVersion} ({AppliedCount} migrations applied now)")]
    private static partial void LogUpToDate(ILogger logger, int schemaVersion, int appliedCount);
}
