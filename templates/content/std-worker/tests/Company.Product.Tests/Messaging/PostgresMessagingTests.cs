using CompanyProduct.Data;
using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Tests.Support;
using CompanyProduct.Work;
using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

namespace CompanyProduct.Tests.Messaging;

/// <summary>The PostgreSQL queue and stores on a real server (skipped unless TEST_POSTGRES_CONNECTION_STRING is set).</summary>
public sealed class PostgresMessagingTests
{
    private static readonly MessagingOptions Options = new()
    {
        ClaimTimeout = TimeSpan.FromSeconds(30),
        PollInterval = TimeSpan.FromMilliseconds(20),
        IdempotencyRetention = TimeSpan.FromHours(1),
    };

    private static async Task<TestDatabase> MigratedAsync()
    {
        TestDatabase database = await TestDatabase.CreateAsync();
        await new SchemaMigrator(database.DataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    private static PostgresMessageTransport Queue(TestDatabase database, MessagingOptions? options = null) =>
        new(database.DataSource, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(options ?? Options));

    private static async Task<long> CountAsync(TestDatabase database, string table)
    {
        await using NpgsqlCommand command = database.DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using NpgsqlCommand command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Delivers_in_order_with_headers_and_deletes_on_acknowledge()
    {
        await using TestDatabase database = await MigratedAsync();
        PostgresMessageTransport queue = Queue(database);
        var headers = new Dictionary<string, string> { [Message.TraceParentHeader] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
        await queue.PublishAsync(new Message("a", "t", "{\"n\":1}", headers), CancellationToken.None);
        await queue.PublishAsync(Message.Create("b", "t", "{}"), CancellationToken.None);

        Message first = (await queue.ReceiveAsync(CancellationToken.None))!;
        Message second = (await queue.ReceiveAsync(CancellationToken.None))!;
        await queue.AcknowledgeAsync(first, CancellationToken.None);

        Assert.Equal(("a", "{\"n\":1}", 1), (first.Id, first.Body, first.DeliveryCount));
        Assert.Equal(headers[Message.TraceParentHeader], first.Headers[Message.TraceParentHeader]);
        Assert.Equal("b", second.Id);
        Assert.Equal(1, await CountAsync(database, "messages"));
        Assert.True(await queue.IsAvailableAsync(CancellationToken.None));
    }

    [PostgresFact]
    public async Task Concurrent_consumers_never_take_the_same_message()
    {
        await using TestDatabase database = await MigratedAsync();
        PostgresMessageTransport queue = Queue(database);
        for (int i = 0; i < 40; i++)
        {
            await queue.PublishAsync(Message.Create($"m-{i}", "t", "{}"), CancellationToken.None);
        }

        Message[][] taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var mine = new List<Message>();
            for (int i = 0; i < 10; i++)
            {
                mine.Add((await queue.ReceiveAsync(CancellationToken.None))!);
            }

            return mine.ToArray();
        }));

        Assert.Equal(40, taken.SelectMany(m => m).Select(m => m.Id).Distinct().Count());
    }

    [PostgresFact]
    public async Task An_abandoned_message_comes_back_after_its_delay_and_an_unacknowledged_one_after_its_lease()
    {
        await using TestDatabase database = await MigratedAsync();
        PostgresMessageTransport queue = Queue(database, new MessagingOptions { ClaimTimeout = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(20) });
        await queue.PublishAsync(Message.Create("a", "t", "{}"), CancellationToken.None);

        Message taken = (await queue.ReceiveAsync(CancellationToken.None))!;
        await queue.AbandonAsync(taken, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Message again = (await queue.ReceiveAsync(CancellationToken.None))!;
        Message afterLease = (await queue.ReceiveAsync(CancellationToken.None))!;

        // The abandoned take was handed back, so it does not count; the unsettled one does.
        Assert.Equal((1, 2), (again.DeliveryCount, afterLease.DeliveryCount));
        await Assert.ThrowsAsync<ArgumentException>(async () => await queue.AcknowledgeAsync(Message.Create("x", "t", "{}"), CancellationToken.None));
    }

    [PostgresFact]
    public async Task Only_the_current_lease_renews_acknowledges_or_abandons_and_a_renewal_extends_the_claim()
    {
        await using TestDatabase database = await MigratedAsync();
        PostgresMessageTransport queue = Queue(database);
        var claims = new PostgresIdempotencyStore(database.DataSource, Microsoft.Extensions.Options.Options.Create(Options));
        await queue.PublishAsync(Message.Create("a", "t", "{}"), CancellationToken.None);
        Message first = (await queue.ReceiveAsync(CancellationToken.None))!;
        Assert.True(await claims.TryBeginAsync("a", CancellationToken.None));
        await ExecuteAsync(database, "UPDATE processed_messages SET claimed_until = now() - interval '1 second'");

        Assert.True(await queue.RenewLeaseAsync(first, CancellationToken.None));
        Assert.False(await claims.TryBeginAsync("a", CancellationToken.None));

        // The first lease runs out and another consumer takes the message.
        await ExecuteAsync(database, "UPDATE messages SET visible_at = now()");
        Message second = (await queue.ReceiveAsync(CancellationToken.None))!;
        Assert.False(await queue.RenewLeaseAsync(first, CancellationToken.None));
        await queue.AcknowledgeAsync(first, CancellationToken.None);
        await queue.AbandonAsync(first, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(1, await CountAsync(database, "messages WHERE visible_at > now() AND deliveries = 2"));

        Assert.True(await queue.RenewLeaseAsync(second, CancellationToken.None));
        await queue.AcknowledgeAsync(second, CancellationToken.None);
        Assert.Equal(0, await CountAsync(database, "messages"));
        Assert.False(await queue.RenewLeaseAsync(second, CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_message_whose_workers_stopped_while_handling_it_more_than_MaxDeliveries_times_is_dead_lettered_with_the_reason()
    {
        await using TestDatabase database = await MigratedAsync();
        var options = new MessagingOptions { ClaimTimeout = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(20), MaxDeliveries = 2 };
        PostgresMessageTransport queue = Queue(database, options);
        await queue.PublishAsync(Message.Create("poison", "t", "{}"), CancellationToken.None);
        ScriptedHandler handler = ScriptedHandler.Succeeds();
        using var meters = new TestMeterFactory();
        var processor = new MessageProcessor(
            handler,
            new PostgresIdempotencyStore(database.DataSource, Microsoft.Extensions.Options.Options.Create(options)),
            new PostgresDeadLetterSink(database.DataSource, NullLogger<PostgresDeadLetterSink>.Instance),
            TimeProvider.System,
            new MessagingMetrics(meters),
            Microsoft.Extensions.Options.Options.Create(options),
            NullLogger<MessageProcessor>.Instance);

        // Two workers die while handling it (taken, never settled: the lease runs out), and one shuts down
        // (handed back, which does not count).
        _ = await queue.ReceiveAsync(CancellationToken.None);
        _ = await queue.ReceiveAsync(CancellationToken.None);
        await queue.AbandonAsync((await queue.ReceiveAsync(CancellationToken.None))!, TimeSpan.Zero, CancellationToken.None);
        Message third = (await queue.ReceiveAsync(CancellationToken.None))!;

        ProcessingOutcome outcome = await processor.ProcessAsync(third, CancellationToken.None);

        Assert.Equal((3, ProcessingOutcome.DeadLettered, 0), (third.DeliveryCount, outcome, handler.Calls));
        await using NpgsqlCommand command = database.DataSource.CreateCommand("SELECT message_id, attempts, error_type, error_message FROM dead_letters");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("poison", 0, MessageProcessor.PoisonErrorType), (reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        Assert.StartsWith("Delivered 3 times without being settled", reader.GetString(3), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_processed_message_table_admits_each_id_once()
    {
        await using TestDatabase database = await MigratedAsync();
        var store = new PostgresIdempotencyStore(database.DataSource, Microsoft.Extensions.Options.Options.Create(Options));

        bool[] claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.TryBeginAsync("a", CancellationToken.None).AsTask()));
        Assert.Equal(1, claims.Count(c => c));
        await store.ReleaseAsync("a", CancellationToken.None);
        Assert.True(await store.TryBeginAsync("a", CancellationToken.None));
        await store.CompleteAsync("a", CancellationToken.None);
        Assert.False(await store.TryBeginAsync("a", CancellationToken.None));
        Assert.Equal(0, await store.PruneAsync(CancellationToken.None));
    }

    [PostgresFact]
    public async Task An_expired_claim_can_be_taken_again()
    {
        await using TestDatabase database = await MigratedAsync();
        var store = new PostgresIdempotencyStore(database.DataSource, Microsoft.Extensions.Options.Options.Create(new MessagingOptions { ClaimTimeout = TimeSpan.FromMilliseconds(50) }));

        Assert.True(await store.TryBeginAsync("a", CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.True(await store.TryBeginAsync("a", CancellationToken.None));
    }

    [PostgresFact]
    public async Task Dead_letters_are_stored_with_the_reason()
    {
        await using TestDatabase database = await MigratedAsync();
        var sink = new PostgresDeadLetterSink(database.DataSource, NullLogger<PostgresDeadLetterSink>.Instance);

        await sink.DeadLetterAsync(new DeadLetter(Message.Create("p", "t", "bad"), 3, DateTimeOffset.UtcNow, "FormatException", "bad body"), CancellationToken.None);

        await using NpgsqlCommand command = database.DataSource.CreateCommand("SELECT message_id, attempts, error_type FROM dead_letters");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("p", 3, "FormatException"), (reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
    }

    [PostgresFact]
    public async Task The_work_results_table_stores_a_result_once_per_idempotency_key()
    {
        await using TestDatabase database = await MigratedAsync();
        var results = new PostgresWorkResultStore(database.DataSource);

        bool[] writes = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => results.TryRecordAsync("a", $"try {i}", CancellationToken.None).AsTask()));

        Assert.Equal(1, writes.Count(w => w));
        Assert.Equal(1, await CountAsync(database, "work_results WHERE idempotency_key = 'a'"));
    }
}
