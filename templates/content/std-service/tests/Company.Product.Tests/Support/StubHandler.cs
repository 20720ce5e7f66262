using System.Net;

namespace CompanyProduct.Tests.Support;

/// <summary>The innermost handler of a test client: answers from a script and counts the calls.</summary>
internal sealed class StubHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public static StubHandler Always(HttpStatusCode status) =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(status)));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(Interlocked.Increment(ref _calls), cancellationToken);
}
