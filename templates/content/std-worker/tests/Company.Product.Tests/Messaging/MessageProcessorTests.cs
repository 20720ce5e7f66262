using System.Diagnostics;
using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Tests.Messaging;

public sealed class MessageProcessorTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly MessagingOptions _options = new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.Zero,
        MaxDelay = TimeSpan.Zero,
    };

    private readonly InMemoryIdempotencyStore _idempotency;
    private readonly InMemoryDeadLetterSink _deadLetters;

    public MessageProcessorTests()
    {
        _idempotency = new InMemoryIdempotencyStore(_clock, Options.Create(_options));
        _deadLetters = new InMemoryDeadLetterSink(Options.Create(_options), NullLogger<InMemoryDeadLetterSink>.Instance);
    }

    public void Dispose() => _meters.Dispose();

    private MessageProcessor CreateProcessor(IMessageHandler handler, IDeadLetterSink? deadLetters = null) =>
        new(handler, _idempotency, deadLetters ?? _deadLetters, _clock, new MessagingMetrics(_meters), Options.Create(_options), NullLogger<MessageProcessor>.Instance);

    private static Message NewMessage(string id = "m-1") => Message.Create(id, "test.message", "{}");

    [Fact]
    public async Task Processes_a_message_once()
    {
        ScriptedHandler handler = ScriptedHandler.Succeeds();
        MessageProcessor processor = CreateProcessor(handler);

        Assert.Equal(ProcessingOutcome.Processed, await processor.ProcessAsync(NewMessage(), CancellationToken.None));
        Assert.Equal(ProcessingOutcome.Duplicate, await processor.ProcessAsync(NewMessage(), CancellationToken.None));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(2, _meters.Total("messages.processed"));
    }

    [Fact]
    public async Task Retries_transient_failures()
    {
        var handler = new ScriptedHandler((_, call, _) => call < 3 ? throw new TimeoutException() : Task.CompletedTask);

        ProcessingOutcome outcome = await CreateProcessor(handler).ProcessAsync(NewMessage(), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.Processed, outcome);
        Assert.Equal(3, handler.Calls);
        Assert.Empty(_deadLetters.Items);
    }

    [Fact]
    public async Task Dead_letters_a_message_that_keeps_failing()
    {
        ScriptedHandler handler = ScriptedHandler.Throws(() => new TimeoutException("slow"));
        MessageProcessor processor = CreateProcessor(handler);

        ProcessingOutcome outcome = await processor.ProcessAsync(NewMessage(), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        DeadLetter deadLetter = Assert.Single(_deadLetters.Items);
        Assert.Equal(3, deadLetter.Attempts);
        Assert.Equal(nameof(TimeoutException), deadLetter.ErrorType);
        Assert.Equal("slow", deadLetter.ErrorMessage);
        Assert.Equal(ProcessingOutcome.Duplicate, await processor.ProcessAsync(NewMessage(), CancellationToken.None));
    }

    [Fact]
    public async Task Dead_letters_permanent_failures_without_retrying()
    {
        ScriptedHandler handler = ScriptedHandler.Throws(() => new PermanentMessageException("bad"));

        ProcessingOutcome outcome = await CreateProcessor(handler).ProcessAsync(NewMessage(), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(1, Assert.Single(_deadLetters.Items).Attempts);
    }

    [Fact]
    public async Task Abandons_and_releases_the_message_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new ScriptedHandler(async (_, _, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
        });
        MessageProcessor processor = CreateProcessor(handler);

        ProcessingOutcome outcome = await processor.ProcessAsync(NewMessage(), cancellation.Token);

        Assert.Equal(ProcessingOutcome.Abandoned, outcome);
        Assert.Empty(_deadLetters.Items);
        Assert.True(await _idempotency.TryBeginAsync("m-1", CancellationToken.None));
    }

    [Fact]
    public async Task Does_not_commit_a_handler_that_returned_after_its_lease_was_lost()
    {
        using var leaseLost = new CancellationTokenSource();
        var handler = new ScriptedHandler(async (_, _, _) => await leaseLost.CancelAsync());
        MessageProcessor processor = CreateProcessor(handler);

        ProcessingOutcome outcome = await processor.ProcessAsync(NewMessage(), leaseLost.Token);

        Assert.Equal(ProcessingOutcome.Abandoned, outcome);
        Assert.True(await _idempotency.TryBeginAsync("m-1", CancellationToken.None), "The completion was recorded.");
    }

    [Fact]
    public async Task Releases_the_claim_when_dead_lettering_fails()
    {
        MessageProcessor processor = CreateProcessor(
            ScriptedHandler.Throws(() => new PermanentMessageException("bad")),
            new FailingDeadLetterSink());

        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(NewMessage(), CancellationToken.None));

        Assert.True(await _idempotency.TryBeginAsync("m-1", CancellationToken.None));
    }

    [Fact]
    public async Task Runs_the_handler_once_when_retries_are_disabled()
    {
        _options.MaxAttempts = 1;
        ScriptedHandler handler = ScriptedHandler.Throws(() => new TimeoutException());

        ProcessingOutcome outcome = await CreateProcessor(handler).ProcessAsync(NewMessage(), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Continues_the_producer_trace()
    {
        var recorded = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProductTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var headers = new Dictionary<string, string>
        {
            [Message.TraceParentHeader] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        };

        await CreateProcessor(ScriptedHandler.Succeeds()).ProcessAsync(new Message("m-2", "t", "{}", headers), CancellationToken.None);

        Activity activity = Assert.Single(recorded, a => (string?)a.GetTagItem("messaging.message.id") == "m-2");
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", activity.TraceId.ToHexString());
        Assert.Equal(ActivityKind.Consumer, activity.Kind);
        Assert.Equal("Processed", activity.GetTagItem("outcome"));
    }
}
