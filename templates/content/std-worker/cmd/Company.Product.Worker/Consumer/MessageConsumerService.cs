using CompanyProduct.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.Consumer;

/// <summary>
/// Takes messages from the transport with <see cref="MessagingOptions.Concurrency"/> parallel loops and processes
/// them. On shutdown it stops taking messages at once, lets in-flight messages finish until the host's shutdown
/// timeout, and only then cancels them (they are abandoned and delivered again).
/// </summary>
public sealed partial class MessageConsumerService : BackgroundService
{
    private readonly IMessageTransport _transport;
    private readonly MessageProcessor _processor;
    private readonly ConsumerState _state;
    private readonly int _concurrency;
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
        _concurrency = options.Value.Concurrency;
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
        LogStarted(_logger, _concurrency);
        _state.MarkRunning();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => ConsumeAsync(stoppingToken)));
        }
        finally
        {
            _state.MarkStopped();
            LogStopped(_logger);
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
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

            if (message is null)
            {
                return;
            }

            await HandleAsync(message);
        }
    }

    private async Task HandleAsync(Message message)
    {
        ProcessingOutcome outcome;
        try
        {
            outcome = await _processor.ProcessAsync(message, _abortInFlight.Token);
        }
        catch (Exception error)
        {
            // An infrastructure failure (dead-letter sink, idempotency store): keep consuming, deliver it again.
            LogProcessingFailed(_logger, error, message.Id);
            outcome = ProcessingOutcome.Abandoned;
        }

        if (outcome == ProcessingOutcome.Abandoned)
        {
            await _transport.AbandonAsync(message, CancellationToken.None);
        }
        else
        {
            await _transport.AcknowledgeAsync(message, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Message consumer started with {Concurrency} parallel loops")]
    private static partial void LogStarted(ILogger logger, int concurrency);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Message consumer stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Processing of message {MessageId} failed; it will be delivered again")]
    private static partial void LogProcessingFailed(ILogger logger, Exception error, string messageId);
}
