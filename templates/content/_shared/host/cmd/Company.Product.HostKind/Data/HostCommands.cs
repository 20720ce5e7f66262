using CompanyProduct.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompanyProduct.HostKind.Data;

/// <summary>
/// One-off commands run instead of the host: <c>migrate</c> applies the pending database migrations and exits (the
/// documented migration step where the service's own user may not change the schema).
/// </summary>
public static partial class HostCommands
{
    /// <summary>The command that applies the database migrations.</summary>
    public const string Migrate = "migrate";

    /// <summary>Gets the command named by the first argument, if any.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The command, or <see langword="null"/> to run the host.</returns>
    public static string? CommandOf(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) ? args[0] : null;
    }

    /// <summary>Gets the arguments the host reads as configuration: everything after the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The arguments without the command.</returns>
    public static string[] HostArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return CommandOf(args) is null ? args : args[1..];
    }

    /// <summary>Applies the pending migrations with the application's configuration.</summary>
    /// <param name="app">The built (not started) application.</param>
    /// <returns>0 when the schema is up to date.</returns>
    public static async Task<int> MigrateAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostCommands));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellation.Token);
        LogDone(logger);
        return 0;
    }

    /// <summary>Reports a command this host does not know.</summary>
    /// <param name="app">The built (not started) application.</param>
    /// <param name="command">The command.</param>
    /// <returns>2, the exit code of a usage error.</returns>
    public static int Unknown(WebApplication app, string command)
    {
        ArgumentNullException.ThrowIfNull(app);
        LogUnknown(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostCommands)), command);
        return 2;
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Unknown command '{Command}'")]
    private static partial void LogUnknown(ILogger logger, string command);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Migrations applied; exiting")]
    private static partial void LogDone(ILogger logger);
}
