using CompanyProduct.Messaging;
using CompanyProduct.Work;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompanyProduct.Tests.Work;

public sealed class WorkRequestHandlerTests
{
    private readonly WorkRequestHandler _handler = new(NullLogger<WorkRequestHandler>.Instance);

    [Fact]
    public async Task Handles_a_work_request() =>
        await _handler.HandleAsync(Message.Create("1", WorkRequestHandler.MessageType, """{"description":"do it"}"""), CancellationToken.None);

    [Theory]
    [InlineData(WorkRequestHandler.MessageType, "not json")]
    [InlineData(WorkRequestHandler.MessageType, "{}")]
    [InlineData(WorkRequestHandler.MessageType, """{"description":" "}""")]
    [InlineData(WorkRequestHandler.MessageType, "null")]
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
