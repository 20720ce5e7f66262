using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CompanyProduct.Api.Items;

namespace CompanyProduct.Api.IntegrationTests;

/// <summary>Request bodies over the endpoint's limit are a 413 problem, declared or streamed.</summary>
public sealed class RequestLimitsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Uri Items = new("/api/v1/items", UriKind.Relative);

    /// <summary>A valid create body padded with whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] BodyOfSize(int size)
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"name":"Widget"}""");
        byte[] body = new byte[size];
        body.AsSpan().Fill((byte)' ');
        json.CopyTo(body, 0);
        return body;
    }

    /// <summary>Content without a length: HttpClient sends it chunked, so only reading it tells its size.</summary>
    private static StreamContent Chunked(byte[] body)
    {
        var content = new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Declared(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task A_body_at_the_limit_is_accepted_whether_declared_or_chunked()
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpContent declaredBody = Declared(BodyOfSize(CreateItemRequest.MaxBodySize));
        using HttpContent chunkedBody = Chunked(BodyOfSize(CreateItemRequest.MaxBodySize));

        using HttpResponseMessage declared = await client.PostAsync(Items, declaredBody, TestContext.Current.CancellationToken);
        using HttpResponseMessage chunked = await client.PostAsync(Items, chunkedBody, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, chunked.StatusCode);
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_a_413_problem()
    {
        using HttpClient client = factory.CreateItemsClient();
        using HttpContent content = Declared(BodyOfSize(CreateItemRequest.MaxBodySize + 1));

        using HttpResponseMessage response = await client.PostAsync(Items, content, TestContext.Current.CancellationToken);

        JsonElement problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        Assert.Contains($"at most {CreateItemRequest.MaxBodySize} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem()
    {
        using HttpClient client = factory.CreateItemsClient();
        using HttpContent content = Chunked(BodyOfSize(4 * 1024 * 1024));

        using HttpResponseMessage response = await client.PostAsync(Items, content, TestContext.Current.CancellationToken);

        Assert.Null(content.Headers.ContentLength);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    [Fact]
    public async Task The_configured_maximum_caps_every_endpoint()
    {
        await using var small = new ApiFactory(new Dictionary<string, string?> { ["RequestLimits:MaxBodySize"] = "64" });
        using HttpClient client = small.CreateItemsClient();

        using HttpContent underBody = Declared(BodyOfSize(64));
        using HttpContent overBody = Chunked(BodyOfSize(65));

        using HttpResponseMessage under = await client.PostAsync(Items, underBody, TestContext.Current.CancellationToken);
        using HttpResponseMessage over = await client.PostAsync(Items, overBody, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, under.StatusCode);
        JsonElement problem = await ProblemAssert.IsProblemAsync(over, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        Assert.Contains("at most 64 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A stream that cannot tell its length, so that its content is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
