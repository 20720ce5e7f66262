using CompanyProduct.Messaging;
using CompanyProduct.Work;

namespace CompanyProduct.Worker.IntegrationTests;

public sealed class ConsumerTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Messaging:MaxAttempts"] = "3",
        ["Messaging:BaseDelay"] = "00:00:00.001",
        ["Messaging:MaxDelay"] = "00:00:00.010",
    };

    [Fact]
    public async Task Processes_each_message_id_once()
    {
        var handler = new RecordingHandler();
        await using var factory = new WorkerFactory(FastRetries, handler);
        using HttpClient client = factory.CreateClient();

        foreach (string id in new[] { "a", "b", "a", "c", "b" })
        {
            await factory.Transport.PublishAsync(Message.Create(id, "test", "{}"), CancellationToken.None);
        }

        await Eventually.TrueAsync(() => handler.Handled.Count == 3);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        Assert.Equal(["a", "b", "c"], handler.Handled.Order());
    }

    [Fact]
    public async Task Dead_letters_a_message_after_the_last_attempt()
    {
        var handler = new RecordingHandler();
        await using var factory = new WorkerFactory(FastRetries, handler);
        using HttpClient client = factory.CreateClient();

        await factory.Transport.PublishAsync(Message.Create("bad", "fail", "{}"), CancellationToken.None);

        await Eventually.TrueAsync(() => factory.DeadLetters.Items.Count == 1);
        DeadLetter deadLetter = factory.DeadLetters.Items[0];
        Assert.Equal("bad", deadLetter.Message.Id);
        Assert.Equal(3, deadLetter.Attempts);
    }

    [Fact]
    public async Task The_sample_handler_dead_letters_malformed_work()
    {
        await using var factory = new WorkerFactory();
        using HttpClient client = factory.CreateClient();

        await factory.Transport.PublishAsync(Message.Create("w-1", WorkRequestHandler.MessageType, """{"description":"ok"}"""), CancellationToken.None);
        await factory.Transport.PublishAsync(Message.Create("w-2", WorkRequestHandler.MessageType, "not json"), CancellationToken.None);

        await Eventually.TrueAsync(() => factory.DeadLetters.Items.Count == 1);
        Assert.Equal("w-2", factory.DeadLetters.Items[0].Message.Id);
        Assert.Equal(1, factory.DeadLetters.Items[0].Attempts);
    }
}
