using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class RequestIdTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Header = "X-Request-ID";

    [Fact]
    public async Task Echoes_a_valid_request_id()
    {
        using HttpClient client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add(Header, "abc-123_x.y:z");

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("abc-123_x.y:z", response.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task Generates_a_request_id_when_missing()
    {
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage first = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using HttpResponseMessage second = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        string id = first.Headers.GetValues(Header).Single();
        Assert.Equal(32, id.Length);
        Assert.NotEqual(id, second.Headers.GetValues(Header).Single());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    public async Task Replaces_a_malformed_request_id(string value)
    {
        using HttpClient client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.TryAddWithoutValidation(Header, value);

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.NotEqual(value, response.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task Error_responses_carry_the_request_id_and_the_incoming_trace_id()
    {
        using HttpClient client = factory.CreateItemsClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/items/{Guid.NewGuid()}");
        request.Headers.Add(Header, "req-42");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("req-42", problem.GetProperty("requestId").GetString());
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", problem.GetProperty("traceId").GetString());
    }
}
