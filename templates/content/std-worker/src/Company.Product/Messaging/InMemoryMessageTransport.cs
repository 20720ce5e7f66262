using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Messaging;

/// <summary>A process-local, bounded queue: for development, tests, and as the shape of a real adapter.</summary>
public sealed class InMemoryMessageTransport : IMessageTransport, IMessagePublisher
{
    private readonly Channel<Message> _queue;

    /// <summary>Initializes a new instance of the <see cref="InMemoryMessageTransport"/> class.</summary>
    /// <param name="options">The messaging options (queue capacity).</param>
    public InMemoryMessageTransport(IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _queue = Channel.CreateBounded<Message>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Enqueues a message, waiting while the queue is full.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the message is queued.</returns>
    public ValueTask PublishAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _queue.Writer.WriteAsync(message, cancellationToken);
    }

    /// <summary>Closes the queue: receivers get the queued messages, then <see langword="null"/>.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <inheritdoc />
    public async ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_queue.Reader.TryRead(out Message? message))
            {
                return message;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public ValueTask AcknowledgeAsync(Message message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    /// <remarks>After <see cref="Complete"/> an abandoned message cannot be queued again and is dropped.</remarks>
    public ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (redeliveryDelay > TimeSpan.Zero)
        {
            _ = RequeueLaterAsync(message, redeliveryDelay);
            return ValueTask.CompletedTask;
        }

        if (_queue.Writer.TryWrite(message) || _queue.Reader.Completion.IsCompleted)
        {
            return ValueTask.CompletedTask;
        }

        return _queue.Writer.WriteAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A message taken from this queue is never given to another consumer: its lease is never lost.</remarks>
    public ValueTask<bool> RenewLeaseAsync(Message message, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <inheritdoc />
    public ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(!_queue.Reader.Completion.IsCompleted);

    private async Task RequeueLaterAsync(Message message, TimeSpan delay)
    {
        await Task.Delay(delay, CancellationToken.None).ConfigureAwait(false);
        _queue.Writer.TryWrite(message);
    }
}
