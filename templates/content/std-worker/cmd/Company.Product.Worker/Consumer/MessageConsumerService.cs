using CompanyProduct.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.Consumer;

/// <summary>
/// Takes messages from the transport with <see cref="MessagingOptions.Concurrency"/> parallel loops and processes
/// them. On shutdown it stops taking messages at once, lets in-flight messages finish until the host's shutdown
/// timeout, and only then cancels them (they are abandoned and delivered again). Infrastructure failures (the
/// transport or the stores unreachable) never stop it: each loop waits with exponential back-off and jitter
/// (<see cref="MessagingOptions.BaseDelay"/> to <see cref="MessagingOptions.MaxDelay"/>) and tries again, and a message
/// whose processing failed that way is delivered again after the same delay. While a message is handled its lease is
/// renewed (<see cref="MessageLease"/>); a message whose lease was lost is neither committed nor settled.
/// </summary>
public sealed partial class MessageConsumerService : BackgroundService
{
    private readonly IMessageTransport _transport;
    private readonly MessageProcessor _processor;
    private readonly ConsumerState _state;
    private readonly MessagingOptions _options;
    private readonly ILogger<MessageConsumerService> _logger;
    private static readonly TimeSpan AbandonGracePeriod = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _abortInFlight = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="MessageConsumerService"/> class.</summary>
    /// <param name="transport">The message source.</param>
    /// <param name="processor">The processor.</param>
    /// <param name="state">The state shared with the readiness check.</param>
    /// <param name="options">The messaging options (concurrency).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    public MessageConsumerService(
        IMessageTransport transport,
        MessageProcessor processor,
        ConsumerState state,
        IOptions<MessagingOptions> options,
        TimeProvider timeProvider,
        ILogger<MessageConsumerService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _processor = processor;
        _state = state;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stops taking messages and waits for in-flight ones until cancellationToken fires, which the host does
        // when HostOptions.ShutdownTimeout has elapsed.
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is { IsCompleted: false } running)
        {
            // Time is up: cancel in-flight messages and give them a moment to be handed back to the transport.
            await _abortInFlight.CancelAsync();
            await Task.WhenAny(running, Task.Delay(AbandonGracePeriod, _timeProvider, CancellationToken.None));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abortInFlight.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_logger, _options.Concurrency);
        _state.MarkRunning();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(_ => ConsumeAsync(stoppingToken)));
        }
        finally
        {
            _state.MarkStopped();
            LogStopped(_logger);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Message? message;
            try
            {
                message = await _transport.ReceiveAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                TimeSpan delay = Backoff.Delay(++failures, _options.BaseDelay, _options.MaxDelay);
                LogReceiveFailed(_logger, error, delay.TotalMilliseconds);
                await WaitAsync(delay, stoppingToken);
                continue;
            }

            if (message is null)
            {
                return;
            }

            failures = await HandleAsync(message, failures) ? 0 : failures + 1;
        }
    }

    /// <summary>Processes one message; returns false when an infrastructure failure prevented it.</summary>
    private async Task<bool> HandleAsync(Message message, int failures)
    {
        (ProcessingOutcome outcome, TimeSpan redeliveryDelay, bool succeeded, bool leaseLost) = await ProcessLeasedAsync(message, failures);
        if (leaseLost)
        {
            // Another consumer may have the message now: it is not this one's to settle.
            return false;
        }

        try
        {
            if (outcome == ProcessingOutcome.Abandoned)
            {
                await _transport.AbandonAsync(message, redeliveryDelay, CancellationToken.None);
            }
            else
            {
                await _transport.AcknowledgeAsync(message, CancellationToken.None);
            }
        }
        catch (Exception error)
        {
            // The transport is unreachable: the message's lease runs out and it is delivered again.
            LogSettleFailed(_logger, error, message.Id);
            succeeded = false;
        }

        if (!succeeded)
        {
            await WaitAsync(redeliveryDelay, CancellationToken.None);
        }

        return succeeded;
    }

    /// <summary>Processes a message while its lease is renewed.</summary>
    private async Task<(ProcessingOutcome Outcome, TimeSpan RedeliveryDelay, bool Succeeded, bool LeaseLost)> ProcessLeasedAsync(Message message, int failures)
    {
        await using MessageLease lease = MessageLease.Start(_transport, message, _options.ClaimTimeout, _timeProvider, _logger, _abortInFlight.Token);
        try
        {
            return (await _processor.ProcessAsync(message, lease.Token), TimeSpan.Zero, true, lease.IsLost);
        }
        catch (Exception error)
        {
            // An infrastructure failure (idempotency store, dead-letter store): deliver it again, after a back-off.
            TimeSpan redeliveryDelay = Backoff.Delay(failures + 1, _options.BaseDelay, _options.MaxDelay);
            LogProcessingFailed(_logger, error, message.Id, redeliveryDelay.TotalMilliseconds);
            return (ProcessingOutcome.Abandoned, redeliveryDelay, false, lease.IsLost);
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the loop ends.
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Message consumer started with {Concurrency} parallel loops")]
    private static partial void LogStarted(ILogger logger, int concurrency);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Message consumer stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Processing of message {MessageId} failed; it will be delivered again in {DelayMs} ms")]
    private static partial void LogProcessingFailed(ILogger logger, Exception error, string messageId, double delayMs);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Error, Message = "Receiving from the transport failed; retrying in {DelayMs} ms")]
    private static partial void LogReceiveFailed(ILogger logger, Exception error, double delayMs);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Error, Message = "Acknowledging or abandoning message {MessageId} failed; it will be delivered again when its lease ends")]
    private static partial void LogSettleFailed(ILogger logger, Exception error, string messageId);
}
