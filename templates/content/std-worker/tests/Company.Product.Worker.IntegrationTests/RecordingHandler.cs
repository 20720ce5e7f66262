using System.Collections.Concurrent;
using CompanyProduct.Messaging;

namespace CompanyProduct.Worker.IntegrationTests;

/// <summary>Records handled messages; messages of type <c>fail</c> throw.</summary>
internal sealed class RecordingHandler : IMessageHandler
{
    private readonly ConcurrentQueue<string> _handled = new();

    public IReadOnlyList<string> Handled => [.. _handled];

    public Func<Message, CancellationToken, Task>? OnHandle { get; init; }

    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        if (OnHandle is not null)
        {
            await OnHandle(message, cancellationToken);
        }

        if (message.Type == "fail")
        {
            throw new InvalidOperationException("always fails");
        }

        _handled.Enqueue(message.Id);
    }
}

internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition) => TrueAsync(() => Task.FromResult(condition()));

    public static async Task TrueAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
