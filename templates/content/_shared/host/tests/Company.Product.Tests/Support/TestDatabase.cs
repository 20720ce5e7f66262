using System.Runtime.CompilerServices;
using Npgsql;

namespace CompanyProduct.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL database for one test, created on the server named by the environment variable
/// <c>TEST_POSTGRES_CONNECTION_STRING</c> (a user that may create databases) and dropped afterwards. Tests that
/// need it are <see cref="PostgresFactAttribute"/>s: skipped, and saying why, when the variable is not set.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "TEST_POSTGRES_CONNECTION_STRING";

    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Gets the connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets a data source for the new database.</summary>
    public NpgsqlDataSource DataSource { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        string server = ServerConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        string name = "test_" + Guid.NewGuid().ToString("N");
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (NpgsqlCommand create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = NpgsqlDataSource.Create(ServerConnectionString!);
        await using NpgsqlCommand drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs PostgreSQL: skipped unless <c>TEST_POSTGRES_CONNECTION_STRING</c> is set.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    // xunit.v3 reports a test's source location from the caller information its attribute passes on.
    public PostgresFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (string.IsNullOrEmpty(TestDatabase.ServerConnectionString))
        {
            Skip = $"Set {TestDatabase.Variable} (e.g. Host=localhost;Username=postgres;Password=...) to run the PostgreSQL tests.";
        }
    }
}
