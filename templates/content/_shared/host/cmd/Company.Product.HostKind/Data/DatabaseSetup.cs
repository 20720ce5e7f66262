using System.ComponentModel.DataAnnotations;
using CompanyProduct.Data;
using CompanyProduct.HostKind.Health;
using CompanyProduct.HostKind.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CompanyProduct.HostKind.Data;

/// <summary>Where the data lives.</summary>
public enum DatabaseProvider
{
    /// <summary>PostgreSQL, at <c>ConnectionStrings:Database</c>.</summary>
    Postgres,

    /// <summary>Process memory: for tests and demos only; everything is lost when the process stops.</summary>
    InMemory,
}

/// <summary>The database (configuration section <c>Database</c>, connection string <c>ConnectionStrings:Database</c>).</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Database";

    /// <summary>The name of the connection string (<c>ConnectionStrings:Database</c>, env <c>ConnectionStrings__Database</c>).</summary>
    public const string ConnectionStringName = "Database";

    /// <summary>Gets or sets where the data lives.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Postgres;

    /// <summary>
    /// Gets or sets a value indicating whether the service applies pending migrations when it starts. Turn it off
    /// where the service's database user may not change the schema, and run the <c>migrate</c> command instead.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Gets or sets the connection string (from <c>ConnectionStrings:Database</c>; a secret, never logged).</summary>
    public string? ConnectionString { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "ConnectionStrings:Database is not set (environment variable ConnectionStrings__Database), e.g. Host=db;Database=app;Username=app;Password=...",
                [nameof(ConnectionString)]);
            yield break;
        }

        string? error = null;
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException exception)
        {
            // Npgsql's message names the bad keyword, never the secret value.
            error = exception.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult($"ConnectionStrings:Database is not a valid PostgreSQL connection string: {error}", [nameof(ConnectionString)]);
        }
    }

    /// <summary>Gets the connection string without its password, for logs and error messages.</summary>
    /// <returns>Host, port, database and user.</returns>
    public string DescribeTarget()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
    }
}

/// <summary>Registers PostgreSQL: the data source, the migrator and the readiness check.</summary>
public static partial class DatabaseSetup
{
    /// <summary>The name of the readiness check of the database.</summary>
    public const string HealthCheckName = "database";

    /// <summary>Tells whether the configuration selects PostgreSQL (the default).</summary>
    /// <param name="configuration">The configuration root.</param>
    /// <returns><see langword="true"/> unless <c>Database:Provider</c> is <c>InMemory</c>.</returns>
    public static bool UsesPostgres(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider is null or DatabaseProvider.Postgres;
    }

    /// <summary>
    /// Binds and validates <see cref="DatabaseOptions"/>; for PostgreSQL also registers the
    /// <see cref="NpgsqlDataSource"/>, the <see cref="SchemaMigrator"/>, migration at start-up and the readiness check.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <param name="healthChecks">The readiness checks to add the database check to.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder healthChecks)
    {
        ArgumentNullException.ThrowIfNull(healthChecks);
        services.AddValidatedOptions<DatabaseOptions>(configuration, DatabaseOptions.SectionName)
            .Configure(options => options.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        if (!UsesPostgres(configuration))
        {
            return services;
        }

        services.AddSingleton(static sp =>
        {
            DatabaseOptions options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new NpgsqlDataSourceBuilder(options.ConnectionString)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                .Build();
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<MigrateOnStart>();
        healthChecks.AddCheck<DatabaseHealthCheck>(HealthCheckName, tags: [HealthTags.Ready], timeout: HealthTags.CheckTimeout);
        return services;
    }
}

/// <summary>Applies pending migrations before the host serves (when <c>Database:MigrateOnStart</c> is on).</summary>
internal sealed partial class MigrateOnStart(
    IServiceProvider services,
    IOptions<DatabaseOptions> options,
    ILogger<MigrateOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DatabaseOptions settings = options.Value;
        string target = settings.DescribeTarget();
        LogTarget(logger, target);
        if (settings.MigrateOnStart)
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Database: {DatabaseTarget}")]
    private static partial void LogTarget(ILogger logger, string databaseTarget);
}

/// <summary>Readiness: the database answers a query.</summary>
/// <param name="dataSource">The data source.</param>
// Built-in health checks: AspNetCore.HealthChecks.NpgSql was weighed; it adds a package for this one query on the data source registered above.
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using NpgsqlCommand command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The database is not reachable ({error.GetType().Name}).");
        }
    }
}
