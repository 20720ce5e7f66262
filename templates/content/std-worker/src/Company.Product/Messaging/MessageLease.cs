using Microsoft.Extensions.Logging;

namespace CompanyProduct.Messaging;

/// <summary>
/// Keeps the lease of a message renewed while it is handled: every third of the lease
/// (<see cref="MessagingOptions.ClaimTimeout"/>) it asks the transport for another full lease, so a handler that runs
/// longer than the lease keeps its message and no other consumer takes it. <see cref="Token"/> is cancelled, and
/// <see cref="IsLost"/> set, when the transport says the lease is gone, or when renewals keep failing (the database is
/// unreachable) until less than a third of the lease is left: the handling then stops before another consumer can take
/// the message, and its work is not committed.
/// </summary>
public sealed partial class MessageLease : IAsyncDisposable
{
    private readonly IMessageTransport _transport;
    private readonly Message _message;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _handling;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private int _lost;

    private MessageLease(IMessageTransport transport, Message message, TimeSpan duration, TimeProvider timeProvider, ILogger logger, CancellationToken aborted)
    {
        _transport = transport;
        _message = message;
        _duration = duration;
        _timeProvider = timeProvider;
        _logger = logger;
        _handling = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        _renewals = RenewAsync();
    }

    /// <summary>Gets the token the handling runs with: cancelled when it is aborted or the lease is lost.</summary>
    public CancellationToken Token => _handling.Token;

    /// <summary>Gets a value indicating whether the lease was lost: the message must be neither committed nor settled.</summary>
    public bool IsLost => Volatile.Read(ref _lost) == 1;

    /// <summary>Starts renewing the lease of a message just received.</summary>
    /// <param name="transport">The transport the message came from.</param>
    /// <param name="message">The message.</param>
    /// <param name="duration">The length of a lease (<see cref="MessagingOptions.ClaimTimeout"/>).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="aborted">Aborts the handling (shutdown).</param>
    /// <returns>The running lease; dispose it when the message is settled.</returns>
    public static MessageLease Start(IMessageTransport transport, Message message, TimeSpan duration, TimeProvider timeProvider, ILogger logger, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        return new MessageLease(transport, message, duration, timeProvider, logger, aborted);
    }

    /// <summary>Stops renewing.</summary>
    /// <returns>A task that completes when the renewal loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(false);
        _stop.Dispose();
        _handling.Dispose();
    }

    private async Task RenewAsync()
    {
        TimeSpan interval = _duration / 3;
        DateTimeOffset expires = _timeProvider.GetUtcNow() + _duration;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _timeProvider, _stop.Token).ConfigureAwait(false);
                DateTimeOffset asked = _timeProvider.GetUtcNow();
                bool? held = await TryRenewAsync().ConfigureAwait(false);
                if (held == true)
                {
                    expires = asked + _duration;
                }
                else if (held == false || expires - _timeProvider.GetUtcNow() < interval)
                {
                    await LoseAsync(held == false ? "another consumer took the message or it was settled" : "renewals failed until the lease was nearly over").ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Settled: the lease is no longer needed.
        }
    }

    /// <summary>Renews once; null when the transport could not be asked.</summary>
    private async Task<bool?> TryRenewAsync()
    {
        try
        {
            return await _transport.RenewLeaseAsync(_message, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            LogRenewFailed(_logger, error, _message.Id);
            return null;
        }
    }

    private async Task LoseAsync(string reason)
    {
        Volatile.Write(ref _lost, 1);
        LogLost(_logger, _message.Id, _message.Type, reason);
        await _handling.CancelAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Renewing the lease of message {MessageId} failed; trying again")]
    private static partial void LogRenewFailed(ILogger logger, Exception error, string messageId);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Lease of message {MessageId} of type {MessageType} lost ({Reason}): its handling is cancelled and not committed")]
    private static partial void LogLost(ILogger logger, string messageId, string messageType, string reason);
}
