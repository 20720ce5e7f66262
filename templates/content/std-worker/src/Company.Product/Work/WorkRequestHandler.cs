using System.Text.Json;
using CompanyProduct.Messaging;
using Microsoft.Extensions.Logging;

namespace CompanyProduct.Work;

/// <summary>The payload of a <see cref="WorkRequestHandler.MessageType"/> message.</summary>
/// <param name="Description">What to do.</param>
/// <param name="DurationMs">How long the work takes, in milliseconds (simulated; at most ten minutes): to try long handlers, leases and shutdown.</param>
public sealed record WorkRequest(string? Description, int DurationMs = 0);

/// <summary>
/// The sample handler: accepts <c>work.requested</c> messages with a JSON body <c>{"description": "..."}</c>, works
/// for <c>durationMs</c> and stores the result (<see cref="IWorkResultStore"/>) keyed by the message id, so a message
/// delivered again after its work was done does not do it twice. Replace it with the worker's real business logic,
/// keeping that pattern for every side effect.
/// </summary>
/// <param name="results">Where the results go.</param>
/// <param name="timeProvider">The clock for the simulated work.</param>
/// <param name="logger">The logger.</param>
public sealed partial class WorkRequestHandler(IWorkResultStore results, TimeProvider timeProvider, ILogger<WorkRequestHandler> logger) : IMessageHandler
{
    /// <summary>The message type this handler accepts.</summary>
    public const string MessageType = "work.requested";

    private const int MaxDurationMs = 600_000;

    /// <inheritdoc />
    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.Type, MessageType, StringComparison.Ordinal))
        {
            throw new PermanentMessageException($"No handler for message type '{message.Type}'.");
        }

        WorkRequest request = Parse(message.Body);
        LogWorkStarted(logger, message.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(request.DurationMs), timeProvider, cancellationToken).ConfigureAwait(false);

        // The side effect, keyed by the message id: a redelivery (the worker died after this write, before the message
        // was recorded as processed) finds it and does not repeat it.
        if (await results.TryRecordAsync(message.Id, request.Description!, cancellationToken).ConfigureAwait(false))
        {
            LogWorkDone(logger, message.Id, request.Description!.Length);
        }
        else
        {
            LogWorkAlreadyDone(logger, message.Id);
        }
    }

    private static WorkRequest Parse(string body)
    {
        WorkRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<WorkRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException error)
        {
            throw new PermanentMessageException("The message body is not valid JSON.", error);
        }

        if (string.IsNullOrWhiteSpace(request?.Description))
        {
            throw new PermanentMessageException("The message body has no description.");
        }

        if (request.DurationMs is < 0 or > MaxDurationMs)
        {
            throw new PermanentMessageException($"durationMs must be between 0 and {MaxDurationMs}.");
        }

        return request;
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Work {MessageId} started")]
    private static partial void LogWorkStarted(ILogger logger, string messageId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Work {MessageId} done ({DescriptionLength} characters)")]
    private static partial void LogWorkDone(ILogger logger, string messageId, int descriptionLength);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Work {MessageId} was already done: its result is stored, the work is not repeated")]
    private static partial void LogWorkAlreadyDone(ILogger logger, string messageId);
}
