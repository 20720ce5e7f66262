using CompanyProduct.Data;
using CompanyProduct.Messaging;
using CompanyProduct.Worker.Data;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.Hosting;

/// <summary>
/// <c>enqueue --type &lt;type&gt; --body &lt;json&gt; [--id &lt;id&gt;]</c>: puts one message on the worker's queue
/// with the worker's own configuration, and exits. For operators and demos; producers use
/// <see cref="IMessagePublisher"/> (or insert into the <c>messages</c> table) the same way.
/// </summary>
public static partial class EnqueueCommand
{
    /// <summary>The command name.</summary>
    public const string Name = "enqueue";

    /// <summary>Enqueues the message the arguments describe.</summary>
    /// <param name="app">The built (not started) application.</param>
    /// <param name="args">The arguments after the command name.</param>
    /// <returns>0 when the message is stored, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EnqueueCommand));
        Dictionary<string, string>? options = Parse(args);
        if (options is null || !options.TryGetValue("type", out string? type) || !options.TryGetValue("body", out string? body))
        {
            LogUsage(logger);
            return 2;
        }

        string id = options.GetValueOrDefault("id") ?? Guid.CreateVersion7().ToString();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        if (DatabaseSetup.UsesPostgres(app.Configuration) && app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellation.Token);
        }

        await app.Services.GetRequiredService<IMessagePublisher>().PublishAsync(Message.Create(id, type, body), cancellation.Token);
        LogEnqueued(logger, id, type);
        return 0;
    }

    /// <summary>Reads <c>--name value</c> pairs.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The values by name, or <see langword="null"/> when the arguments are not pairs of that form.</returns>
    public static Dictionary<string, string>? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Enqueued message {MessageId} of type {MessageType}")]
    private static partial void LogEnqueued(ILogger logger, string messageId, string messageType);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Usage: enqueue --type <type> --body <json> [--id <id>]")]
    private static partial void LogUsage(ILogger logger);
}
