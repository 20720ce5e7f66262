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

/// <summary>A transport whose lease renewals run a script (given the renewal number) and are counted.</summary>
internal sealed class LeaseScriptTransport(Func<int, bool> renew) : IMessageTransport
{
    private int _renewals;

    public int Renewals => Volatile.Read(ref _renewals);

    public ValueTask<bool> RenewLeaseAsync(Message message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(renew(Interlocked.Increment(ref _renewals)));

    public ValueTask<Message?> ReceiveAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask AcknowledgeAsync(Message message, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask AbandonAsync(Message message, TimeSpan redeliveryDelay, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
