using System.Net;
using System.Text;
using CompanyProduct.Downstream;
using CompanyProduct.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CompanyProduct.Tests.Downstream;

public sealed class DownstreamClientTests
{
    private static DownstreamClient CreateClient(StubHandler stub, out HttpClient http)
    {
        http = new HttpClient(stub) { BaseAddress = new Uri("http://downstream.test/") };
        return new DownstreamClient(http, NullLogger<DownstreamClient>.Instance);
    }

    [Fact]
    public async Task Reads_the_status()
    {
        var stub = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"status":"ok"}""", Encoding.UTF8, "application/json"),
        }));
        DownstreamClient client = CreateClient(stub, out HttpClient http);
        using (http)
        {
            Assert.Equal(new DownstreamStatus("ok"), await client.GetStatusAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Returns_null_when_there_is_no_status()
    {
        DownstreamClient client = CreateClient(StubHandler.Always(HttpStatusCode.NotFound), out HttpClient http);
        using (http)
        {
            Assert.Null(await client.GetStatusAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Throws_on_other_failures()
    {
        DownstreamClient client = CreateClient(StubHandler.Always(HttpStatusCode.InternalServerError), out HttpClient http);
        using (http)
        {
            HttpRequestException error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStatusAsync(CancellationToken.None));
            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task The_probe_accepts_any_answer_below_500(HttpStatusCode status)
    {
        DownstreamClient client = CreateClient(StubHandler.Always(status), out HttpClient http);
        using (http)
        {
            await client.ProbeAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_probe_fails_on_a_server_error()
    {
        DownstreamClient client = CreateClient(StubHandler.Always(HttpStatusCode.BadGateway), out HttpClient http);
        using (http)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.ProbeAsync(CancellationToken.None));
        }
    }
}
