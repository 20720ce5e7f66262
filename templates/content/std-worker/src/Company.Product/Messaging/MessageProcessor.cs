using System.Diagnostics;
using System.Runtime.CompilerServices;
using CompanyProduct.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CompanyProduct.Messaging;

/// <summary>
/// Processes one message: skips duplicates (idempotency store), runs the handler with retries (exponential
/// back-off with jitter), and dead-letters messages that fail permanently or run out of attempts.
/// </summary>
public sealed partial class MessageProcessor
{
    private readonly IMessageHandler _handler;
    private readonly IIdempotencyStore _idempotency;
    private readonly IDeadLetterSink _deadLetters;
    private readonly TimeProvider _timeProvider;
    private readonly MessagingMetrics _metrics;
    private readonly ILogger<MessageProcessor> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly int _maxDeliveries;

    /// <summary>The <c>error_type</c> of a message dead-lettered because its workers kept stopping while handling it.</summary>
    public const string PoisonErrorType = "RedeliveryLimitExceeded";

    /// <summary>Initializes a new instance of the <see cref="MessageProcessor"/> class.</summary>
    /// <param name="handler">The business logic.</param>
    /// <param name="idempotency">The store of processed message ids.</param>
    /// <param name="deadLetters">Where failed messages go.</param>
    /// <param name="timeProvider">The clock for retry delays and durations.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="options">The messaging options (attempts and delays).</param>
    /// <param name="logger">The logger.</param>
    public MessageProcessor(
        IMessageHandler handler,
        IIdempotencyStore idempotency,
        IDeadLetterSink deadLetters,
        TimeProvider timeProvider,
        MessagingMetrics metrics,
        IOptions<MessagingOptions> options,
        ILogger<MessageProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _idempotency = idempotency;
        _deadLetters = deadLetters;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _retry = CreateRetryPipeline(options.Value, timeProvider);
        _maxDeliveries = options.Value.MaxDeliveries;
    }

    /// <summary>Processes a message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">
    /// Aborts processing: shutdown, or the message's lease was lost (<see cref="MessageLease"/>). The message is then
    /// <see cref="ProcessingOutcome.Abandoned"/> and its completion is not recorded, even when the handler returned.
    /// </param>
    /// <returns>What happened; the caller acknowledges the message unless it was abandoned.</returns>
    public async Task<ProcessingOutcome> ProcessAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        long started = _timeProvider.GetTimestamp();
        using Activity? activity = StartActivity(message);
        ProcessingOutcome outcome = await ProcessCoreAsync(message, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("outcome", outcome.ToString());
        _metrics.Record(message.Type, outcome, _timeProvider.GetElapsedTime(started));
        return outcome;
    }

    private async Task<ProcessingOutcome> ProcessCoreAsync(Message message, CancellationToken cancellationToken)
    {
        if (!await _idempotency.TryBeginAsync(message.Id, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(_logger, message.Id, message.Type);
            return ProcessingOutcome.Duplicate;
        }

        if (message.DeliveryCount > _maxDeliveries)
        {
            await DeadLetterPoisonAsync(message, cancellationToken).ConfigureAwait(false);
            return ProcessingOutcome.DeadLettered;
        }

        var attempts = new StrongBox<int>();
        try
        {
            await _retry.ExecuteAsync(
                static async (state, token) =>
                {
                    state.Attempts.Value++;
                    await state.Handler.HandleAsync(state.Message, token).ConfigureAwait(false);
                },
                (Handler: _handler, Message: message, Attempts: attempts),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await AbandonAsync(message).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            await DeadLetterAsync(message, attempts.Value, error.GetType().Name, error.Message, cancellationToken).ConfigureAwait(false);
            return ProcessingOutcome.DeadLettered;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Aborted, or the lease was lost, while the handler finished: nothing is committed.
            return await AbandonAsync(message).ConfigureAwait(false);
        }

        await _idempotency.CompleteAsync(message.Id, cancellationToken).ConfigureAwait(false);
        LogProcessed(_logger, message.Id, message.Type, attempts.Value);
        return ProcessingOutcome.Processed;
    }

    /// <summary>Gives up the claim of an interrupted message, so that its redelivery is handled.</summary>
    private async Task<ProcessingOutcome> AbandonAsync(Message message)
    {
        await _idempotency.ReleaseAsync(message.Id, CancellationToken.None).ConfigureAwait(false);
        LogAbandoned(_logger, message.Id, message.Type);
        return ProcessingOutcome.Abandoned;
    }

    /// <summary>Dead-letters, unhandled, a message whose workers stopped while handling it more than the limit allows.</summary>
    private async Task DeadLetterPoisonAsync(Message message, CancellationToken cancellationToken)
    {
        string reason = $"Delivered {message.DeliveryCount} times without being settled: its worker stopped (crashed, was killed or lost its lease) "
            + $"while handling it each time, more than Messaging:MaxDeliveries ({_maxDeliveries}) allows. It was not handled again.";
        await DeadLetterAsync(message, 0, PoisonErrorType, reason, cancellationToken).ConfigureAwait(false);
        LogPoison(_logger, message.Id, message.Type, message.DeliveryCount);
    }

    private async Task DeadLetterAsync(Message message, int attempts, string errorType, string errorMessage, CancellationToken cancellationToken)
    {
        var deadLetter = new DeadLetter(message, attempts, _timeProvider.GetUtcNow(), errorType, errorMessage);
        try
        {
            await _deadLetters.DeadLetterAsync(deadLetter, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The message is neither processed nor parked: let a redelivery try again.
            await _idempotency.ReleaseAsync(message.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await _idempotency.CompleteAsync(message.Id, cancellationToken).ConfigureAwait(false);
    }

    private static Activity? StartActivity(Message message)
    {
        message.Headers.TryGetValue(Message.TraceParentHeader, out string? traceParent);
        message.Headers.TryGetValue(Message.TraceStateHeader, out string? traceState);
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out ActivityContext parent);
        Activity? activity = ProductTelemetry.ActivitySource.StartActivity("process message", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("messaging.message.type", message.Type);
        return activity;
    }

    private static ResiliencePipeline CreateRetryPipeline(MessagingOptions options, TimeProvider timeProvider)
    {
        if (options.MaxAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static e => e is not PermanentMessageException),
            })
            .Build();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Message {MessageId} of type {MessageType} processed in {Attempts} attempts")]
    private static partial void LogProcessed(ILogger logger, string messageId, string messageType, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Message {MessageId} of type {MessageType} skipped: already processed")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string messageType);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Message {MessageId} of type {MessageType} dead-lettered unhandled: delivered {Deliveries} times without being settled")]
    private static partial void LogPoison(ILogger logger, string messageId, string messageType, int deliveries);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Message {MessageId} of type {MessageType} abandoned: processing was interrupted")]
    private static partial void LogAbandoned(ILogger logger, string messageId, string messageType);
}
