using CompanyProduct.Messaging;

namespace CompanyProduct.Tests.Support;

/// <summary>A handler that runs a script per call and counts the calls.</summary>
internal sealed class ScriptedHandler(Func<Message, int, CancellationToken, Task> handle) : IMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public static ScriptedHandler Succeeds() => new((_, _, _) => Task.CompletedTask);

    public static ScriptedHandler Throws(Func<Exception> error) => new((_, _, _) => Task.FromException(error()));

    public Task HandleAsync(Message message, CancellationToken cancellationToken) =>
        handle(message, Interlocked.Increment(ref _calls), cancellationToken);
}

/// <summary>A dead-letter sink that fails, to test infrastructure errors.</summary>
internal sealed class FailingDeadLetterSink : IDeadLetterSink
{
    public ValueTask DeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        ValueTask.FromException(new InvalidOperationException("dead-letter store down"));
}
