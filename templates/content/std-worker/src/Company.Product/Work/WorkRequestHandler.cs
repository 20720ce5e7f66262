using System.Text.Json;
using CompanyProduct.Messaging;
using Microsoft.Extensions.Logging;

namespace CompanyProduct.Work;

/// <summary>The payload of a <see cref="WorkRequestHandler.MessageType"/> message.</summary>
/// <param name="Description">What to do.</param>
public sealed record WorkRequest(string? Description);

/// <summary>
/// The sample handler: accepts <c>work.requested</c> messages with a JSON body <c>{"description": "..."}</c>.
/// Replace it with the worker's real business logic.
/// </summary>
/// <param name="logger">The logger.</param>
public sealed partial class WorkRequestHandler(ILogger<WorkRequestHandler> logger) : IMessageHandler
{
    /// <summary>The message type this handler accepts.</summary>
    public const string MessageType = "work.requested";

    /// <inheritdoc />
    public Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.Type, MessageType, StringComparison.Ordinal))
        {
            throw new PermanentMessageException($"No handler for message type '{message.Type}'.");
        }

        WorkRequest request = Parse(message.Body);
        cancellationToken.ThrowIfCancellationRequested();
        LogWorkDone(logger, message.Id, request.Description!.Length);
        return Task.CompletedTask;
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

        return request;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Work {MessageId} done ({DescriptionLength} characters)")]
    private static partial void LogWorkDone(ILogger logger, string messageId, int descriptionLength);
}
