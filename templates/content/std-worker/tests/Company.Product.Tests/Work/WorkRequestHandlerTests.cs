using CompanyProduct.Messaging;
using CompanyProduct.Work;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompanyProduct.Tests.Work;

public sealed class WorkRequestHandlerTests
{
    private readonly InMemoryWorkResultStore _results = new();
    private readonly WorkRequestHandler _handler;

    public WorkRequestHandlerTests() => _handler = new(_results, TimeProvider.System, NullLogger<WorkRequestHandler>.Instance);

    [Fact]
    public async Task Handles_a_work_request_by_storing_its_result_under_the_message_id()
    {
        await _handler.HandleAsync(Message.Create("1", WorkRequestHandler.MessageType, """{"description":"do it"}"""), CancellationToken.None);

        Assert.Equal("do it", Assert.Single(_results.Results, r => r.Key == "1").Value);
    }

    [Fact]
    public async Task A_redelivered_request_does_not_repeat_its_side_effect()
    {
        await _handler.HandleAsync(Message.Create("1", WorkRequestHandler.MessageType, """{"description":"first"}"""), CancellationToken.None);
        await _handler.HandleAsync(Message.Create("1", WorkRequestHandler.MessageType, """{"description":"again"}"""), CancellationToken.None);

        Assert.Equal("first", Assert.Single(_results.Results).Value);
    }

    [Theory]
    [InlineData(WorkRequestHandler.MessageType, "not json")]
    [InlineData(WorkRequestHandler.MessageType, "{}")]
    [InlineData(WorkRequestHandler.MessageType, """{"description":" "}""")]
    [InlineData(WorkRequestHandler.MessageType, "null")]
    [InlineData(WorkRequestHandler.MessageType, """{"description":"x","durationMs":-1}""")]
    [InlineData(WorkRequestHandler.MessageType, """{"description":"x","durationMs":600001}""")]
    [InlineData("other.type", """{"description":"x"}""")]
    public async Task Rejects_messages_that_can_never_succeed(string type, string body) =>
        await Assert.ThrowsAsync<PermanentMessageException>(
            () => _handler.HandleAsync(Message.Create("1", type, body), CancellationToken.None));

    [Fact]
    public void The_permanent_exception_has_the_standard_constructors()
    {
        Assert.NotNull(new PermanentMessageException().Message);
        Assert.Equal("x", new PermanentMessageException("x").Message);
        Assert.IsType<FormatException>(new PermanentMessageException("x", new FormatException()).InnerException);
    }
}
