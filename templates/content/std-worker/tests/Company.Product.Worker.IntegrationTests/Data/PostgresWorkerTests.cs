using CompanyProduct.Messaging;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CompanyProduct.Worker.IntegrationTests.Data;

/// <summary>The worker on a real PostgreSQL database (skipped unless TEST_POSTGRES_CONNECTION_STRING is set).</summary>
public sealed class PostgresWorkerTests
{
    private static Dictionary<string, string?> Settings(TestDatabase database) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Database"] = database.ConnectionString,
        ["Messaging:PollInterval"] = "00:00:00.020",
        ["Messaging:MaxAttempts"] = "3",
        ["Messaging:BaseDelay"] = "00:00:00.001",
        ["Messaging:MaxDelay"] = "00:00:00.010",
    };

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using NpgsqlCommand command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [PostgresFact]
    public async Task Consumes_a_message_exactly_once_across_a_restart_and_dead_letters_a_poison_one()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();
        var handler = new RecordingHandler();
        await using (var first = new WorkerFactory(Settings(database), handler))
        {
            using HttpClient client = first.CreateClient();
            await first.Services.GetRequiredService<IMessagePublisher>().PublishAsync(Message.Create("a", "test", "{}"), CancellationToken.None);
            await Eventually.TrueAsync(() => handler.Handled.Count == 1);
        }

        await using (var second = new WorkerFactory(Settings(database), handler))
        {
            using HttpClient client = second.CreateClient();
            IMessagePublisher publisher = second.Services.GetRequiredService<IMessagePublisher>();
            await publisher.PublishAsync(Message.Create("a", "test", "{}"), CancellationToken.None);
            await publisher.PublishAsync(Message.Create("poison", "fail", "{}"), CancellationToken.None);
            await publisher.PublishAsync(Message.Create("b", "test", "{}"), CancellationToken.None);
            await Eventually.TrueAsync(async () => await CountAsync(database, "SELECT count(*) FROM messages") == 0);
        }

        Assert.Equal(["a", "b"], handler.Handled.Order());
        Assert.Equal(1, await CountAsync(database, "SELECT count(*) FROM dead_letters WHERE message_id = 'poison' AND attempts = 3"));
        Assert.Equal(3, await CountAsync(database, "SELECT count(*) FROM processed_messages WHERE completed_at IS NOT NULL"));
    }
}
