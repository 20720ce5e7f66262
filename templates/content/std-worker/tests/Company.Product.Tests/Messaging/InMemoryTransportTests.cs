using CompanyProduct.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Tests.Messaging;

public sealed class InMemoryTransportTests
{
    private static InMemoryMessageTransport CreateTransport(int capacity = 10) =>
        new(Options.Create(new MessagingOptions { QueueCapacity = capacity }));

    [Fact]
    public async Task Delivers_published_messages_in_order_then_null_when_completed()
    {
        InMemoryMessageTransport transport = CreateTransport();
        await transport.PublishAsync(Message.Create("1", "t", "{}"), CancellationToken.None);
        await transport.PublishAsync(Message.Create("2", "t", "{}"), CancellationToken.None);
        transport.Complete();

        Assert.Equal("1", (await transport.ReceiveAsync(CancellationToken.None))?.Id);
        Assert.Equal("2", (await transport.ReceiveAsync(CancellationToken.None))?.Id);
        Assert.Null(await transport.ReceiveAsync(CancellationToken.None));
        Assert.False(await transport.IsAvailableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Abandoned_messages_are_delivered_again()
    {
        InMemoryMessageTransport transport = CreateTransport();
        Message message = Message.Create("1", "t", "{}");
        await transport.PublishAsync(message, CancellationToken.None);

        Message received = (await transport.ReceiveAsync(CancellationToken.None))!;
        await transport.AbandonAsync(received, TimeSpan.Zero, CancellationToken.None);
        await transport.AcknowledgeAsync(received, CancellationToken.None);

        Assert.Same(message, await transport.ReceiveAsync(CancellationToken.None));
        Assert.True(await transport.IsAvailableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Abandon_after_complete_drops_the_message()
    {
        InMemoryMessageTransport transport = CreateTransport();
        transport.Complete();

        await transport.AbandonAsync(Message.Create("1", "t", "{}"), TimeSpan.Zero, CancellationToken.None);

        Assert.Null(await transport.ReceiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Receive_stops_waiting_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await CreateTransport().ReceiveAsync(cancellation.Token));
    }

    [Fact]
    public async Task The_dead_letter_sink_keeps_the_most_recent_letters()
    {
        var sink = new InMemoryDeadLetterSink(
            Options.Create(new MessagingOptions { DeadLetterCapacity = 2 }),
            NullLogger<InMemoryDeadLetterSink>.Instance);

        for (int i = 0; i < 3; i++)
        {
            await sink.DeadLetterAsync(new DeadLetter(Message.Create($"{i}", "t", "{}"), 1, DateTimeOffset.UnixEpoch, "E", "m"), CancellationToken.None);
        }

        Assert.Equal(["1", "2"], sink.Items.Select(d => d.Message.Id));
    }

    [Fact]
    public async Task An_abandoned_message_with_a_delay_comes_back_later()
    {
        InMemoryMessageTransport transport = CreateTransport();
        await transport.AbandonAsync(Message.Create("1", "t", "{}"), TimeSpan.FromMilliseconds(20), CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal("1", (await transport.ReceiveAsync(timeout.Token))?.Id);
    }
}
