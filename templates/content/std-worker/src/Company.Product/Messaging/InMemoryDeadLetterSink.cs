using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Messaging;

/// <summary>Keeps the most recent dead letters in memory and logs each one as a warning.</summary>
public sealed partial class InMemoryDeadLetterSink : IDeadLetterSink
{
    private readonly ConcurrentQueue<DeadLetter> _items = new();
    private readonly int _capacity;
    private readonly ILogger<InMemoryDeadLetterSink> _logger;

    /// <summary>Initializes a new instance of the <see cref="InMemoryDeadLetterSink"/> class.</summary>
    /// <param name="options">The messaging options (capacity).</param>
    /// <param name="logger">The logger.</param>
    public InMemoryDeadLetterSink(IOptions<MessagingOptions> options, ILogger<InMemoryDeadLetterSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.DeadLetterCapacity;
        _logger = logger;
    }

    /// <summary>Gets the dead letters held, oldest first.</summary>
    public IReadOnlyList<DeadLetter> Items => [.. _items];

    /// <inheritdoc />
    public ValueTask DeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        _items.Enqueue(deadLetter);
        while (_items.Count > _capacity)
        {
            _items.TryDequeue(out _);
        }

        LogDeadLettered(_logger, deadLetter.Message.Id, deadLetter.Message.Type, deadLetter.Attempts, deadLetter.ErrorType);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Warning,
        Message = "Message {MessageId} of type {MessageType} dead-lettered after {Attempts} attempts ({ErrorType})")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string messageType, int attempts, string errorType);
}
