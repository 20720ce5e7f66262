using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Worker.Consumer;
using CompanyProduct.Worker.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.IntegrationTests;

public sealed class ConsumerBackoffTests : IDisposable
{
    private readonly MessagingOptions _options = new() { Concurrency = 1, MaxAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
    private readonly TestMeters _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Keeps_consuming_after_the_transport_fails_and_redelivers_after_store_failures()
    {
        var transport = new FlakyTransport(new InMemoryMessageTransport(Options.Create(_options)), receiveFailures: 3);
        var handler = new RecordingHandler();
        var idempotency = new FlakyIdempotencyStore(new InMemoryIdempotencyStore(TimeProvider.System, Options.Create(_options)), failures: 2);
        var processor = new MessageProcessor(handler, idempotency, new InMemoryDeadLetterSink(Options.Create(_options), NullLogger<InMemoryDeadLetterSink>.Instance), TimeProvider.System, new MessagingMetrics(_meters), Options.Create(_options), NullLogger<MessageProcessor>.Instance);
        using var consumer = new MessageConsumerService(transport, processor, new ConsumerState(), Options.Create(_options), TimeProvider.System, NullLogger<MessageConsumerService>.Instance);

        await consumer.StartAsync(CancellationToken.None);
        await transport.Inner.PublishAsync(Message.Create("m", "test", "{}"), CancellationToken.None);
        await Eventually.TrueAsync(() => handler.Handled.Count == 1);
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(3, transport.FailedReceives);
        Assert.Equal(2, transport.Abandoned);
        Assert.Equal(["m"], handler.Handled);
    }

    [Fact]
    public void The_enqueue_command_reads_name_value_pairs()
    {
        Assert.Equal("x", EnqueueCommand.Parse(["--type", "x", "--body", "{}"])!["type"]);
        Assert.Null(EnqueueCommand.Parse(["--type"]));
        Assert.Null(EnqueueCommand.Parse(["type", "x"]));
    }

    private sealed class FlakyTransport(InMemoryMessageTransport inner, int receiveFailures) : IMessageTransport
    {
        private int _failuresLeft = receiveFailures;

        public InMemoryMessageTransport Inner => inner;

        public int FailedReceives { get; private set; }

        public int Abandoned { get; private set; }

        public ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                FailedReceives++;
                throw new InvalidOperationException("database down");
            }

            return inner.ReceiveAsync(cancellationToken);
        }

        public ValueTask AcknowledgeAsync(Message message, CancellationToken cancellationToken) => inner.AcknowledgeAsync(message, cancellationToken);

        public ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken)
        {
            Abandoned++;
            Assert.True(redeliveryDelay > TimeSpan.Zero, "An infrastructure failure redelivers after a back-off.");
            return inner.AbandonAsync(message, redeliveryDelay, cancellationToken);
        }

        public ValueTask<bool> RenewLeaseAsync(Message message, CancellationToken cancellationToken) => inner.RenewLeaseAsync(message, cancellationToken);

        public ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken) => inner.IsAvailableAsync(cancellationToken);
    }

    private sealed class FlakyIdempotencyStore(IIdempotencyStore inner, int failures) : IIdempotencyStore
    {
        private int _failuresLeft = failures;

        public ValueTask<bool> TryBeginAsync(string messageId, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failuresLeft) >= 0
                ? ValueTask.FromException<bool>(new TimeoutException("store down"))
                : inner.TryBeginAsync(messageId, cancellationToken);

        public ValueTask CompleteAsync(string messageId, CancellationToken cancellationToken) => inner.CompleteAsync(messageId, cancellationToken);

        public ValueTask ReleaseAsync(string messageId, CancellationToken cancellationToken) => inner.ReleaseAsync(messageId, cancellationToken);
    }
}
