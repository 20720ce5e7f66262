using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CompanyProduct.Data;

/// <summary>A schema change: <c>Data/Migrations/NNNN_name.sql</c>, embedded in this assembly.</summary>
/// <param name="Version">The number of the file; migrations are applied in this order.</param>
/// <param name="Name">The rest of the file name.</param>
/// <param name="Sql">The statements.</param>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the embedded migrations that the database has not seen yet, in order, in one transaction, and records
/// them in <c>schema_migrations</c>. A PostgreSQL advisory lock makes instances that start together take turns.
/// Migrations are append-only: never edit one that was released, add the next number instead.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any constant works: it only has to be the same for every instance of this service.
    private const long AdvisoryLockKey = 0x5354_445F_4D49_47;

    /// <summary>Gets the migrations embedded in this assembly, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = Load(typeof(SchemaMigrator).Assembly);

    /// <summary>Applies the pending migrations.</summary>
    /// <param name="cancellationToken">Cancels the operation (the transaction is rolled back).</param>
    /// <returns>The number of migrations applied.</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(" + AdvisoryLockKey.ToString(CultureInfo.InvariantCulture) + ")", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken).ConfigureAwait(false);

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
            await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads the migrations embedded in an assembly (resources named <c>Migrations/NNNN_name.sql</c>).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The migrations, by version.</returns>
    /// <exception cref="InvalidOperationException">Two migrations have the same version.</exception>
    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            Match match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (int i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations have the version {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}.");
            }
        }

        return migrations;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The statements are this assembly's own migrations and constants, never input.")]
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^Migrations/(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationName();

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Applied migration {MigrationVersion} ({MigrationName})")]
    private static partial void LogApplied(ILogger logger, int migrationVersion, string migrationName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Database schema at version {SchemaVersion} ({AppliedCount} migrations applied now)")]
    private static partial void LogUpToDate(ILogger logger, int schemaVersion, int appliedCount);
}
