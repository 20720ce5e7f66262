using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Worker.Consumer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.IntegrationTests;

public sealed class ShutdownTests : IDisposable
{
    private readonly MessagingOptions _options = new() { Concurrency = 1, MaxAttempts = 1 };
    private readonly TestMeters _meters = new();
    private readonly InMemoryMessageTransport _transport;
    private readonly ConsumerState _state = new();

    public ShutdownTests() => _transport = new InMemoryMessageTransport(Options.Create(_options));

    public void Dispose() => _meters.Dispose();

    private MessageConsumerService CreateConsumer(IMessageHandler handler)
    {
        var processor = new MessageProcessor(
            handler,
            new InMemoryIdempotencyStore(TimeProvider.System, Options.Create(_options)),
            new InMemoryDeadLetterSink(Options.Create(_options), NullLogger<InMemoryDeadLetterSink>.Instance),
            TimeProvider.System,
            new MessagingMetrics(_meters),
            Options.Create(_options),
            NullLogger<MessageProcessor>.Instance);
        return new MessageConsumerService(_transport, processor, _state, Options.Create(_options), TimeProvider.System, NullLogger<MessageConsumerService>.Instance);
    }

    [Fact]
    public async Task In_flight_messages_finish_within_the_shutdown_timeout()
    {
        var started = new TaskCompletionSource();
        var handler = new RecordingHandler
        {
            OnHandle = async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(TimeSpan.FromMilliseconds(200), token);
            },
        };
        using MessageConsumerService consumer = CreateConsumer(handler);
        await consumer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _state.IsRunning);
        await _transport.PublishAsync(Message.Create("slow", "test", "{}"), CancellationToken.None);
        await started.Task;

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await consumer.StopAsync(shutdownTimeout.Token);

        Assert.Equal(["slow"], handler.Handled);
        Assert.False(_state.IsRunning);
    }

    [Fact]
    public async Task In_flight_messages_are_abandoned_when_the_shutdown_timeout_expires()
    {
        var started = new TaskCompletionSource();
        var handler = new RecordingHandler
        {
            OnHandle = async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            },
        };
        using MessageConsumerService consumer = CreateConsumer(handler);
        await consumer.StartAsync(CancellationToken.None);
        await _transport.PublishAsync(Message.Create("stuck", "test", "{}"), CancellationToken.None);
        await started.Task;

        using var shutdownTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await consumer.StopAsync(shutdownTimeout.Token);

        Assert.Empty(handler.Handled);
        _transport.Complete();
        Assert.Equal("stuck", (await _transport.ReceiveAsync(CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task Readiness_fails_when_the_consumer_is_not_running()
    {
        var check = new Health.ConsumerHealthCheck(_state, _transport);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        _state.MarkRunning();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
        _transport.Complete();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }
}
