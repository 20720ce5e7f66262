using System.Net;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class RateLimitingTests
{
    private static readonly Uri Items = new("/api/v1/items", UriKind.Relative);

    private static ApiFactory CreateFactory(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:TokensPerSecond"] = "1",
            ["RateLimiting:BurstSize"] = "2",
        };
        foreach ((string key, string value) in extra)
        {
            settings[key] = value;
        }

        return new ApiFactory(settings);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Action<HttpRequestMessage>? decorate = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Items);
        decorate?.Invoke(request);
        using HttpResponseMessage response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Rejects_a_client_over_its_burst_with_a_typed_problem()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateItemsClient();

        Assert.Equal(HttpStatusCode.OK, await SendAsync(client));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client));
        using HttpResponseMessage rejected = await client.GetAsync(Items);

        Assert.NotNull(rejected.Headers.RetryAfter);
        System.Text.Json.JsonElement problem = await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Rotating_request_headers_does_not_escape_the_limit()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateItemsClient();
        var statuses = new List<HttpStatusCode>();

        for (int i = 0; i < 6; i++)
        {
            statuses.Add(await SendAsync(client, request =>
            {
                request.Headers.Add("X-Client-Id", $"client-{i}");
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
                request.Headers.Add("X-Real-IP", $"198.51.100.{i}");
                request.Headers.Add("X-Request-ID", $"request-{i}");
                request.Headers.Add("User-Agent", $"agent-{i}");
            }));
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Invalid_tokens_are_limited_by_remote_address()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (int i = 0; i < 4; i++)
        {
            statuses.Add(await SendAsync(client, request => request.Headers.Add("Authorization", $"Bearer invalid-{i}")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Each_remote_address_has_its_own_bucket_and_health_probes_are_exempt()
    {
        // Anonymous callers are partitioned by remote address (allowed requests get 401 when a token is required).
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();

        for (int i = 0; i < 3; i++)
        {
            await SendAsync(client, request => request.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.10"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SendAsync(client, request => request.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.10")));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SendAsync(client, request => request.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.11")));
        for (int i = 0; i < 5; i++)
        {
            using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
            health.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.10");
            using HttpResponseMessage response = await client.SendAsync(health);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Forwarded_for_partitions_clients_only_behind_a_trusted_proxy()
    {
        // Behind the trusted proxy 10.0.0.5, each forwarded client has its own bucket.
        await using (ApiFactory trusted = CreateFactory(("ForwardedHeaders:KnownProxies:0", "10.0.0.5")))
        {
            using HttpClient client = trusted.CreateClient();
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 4; i++)
            {
                statuses.Add(await SendAsync(client, request =>
                {
                    request.Headers.Add(ApiFactory.RemoteAddressHeader, "10.0.0.5");
                    request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
                }));
            }

            Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        }

        // From an address that is not a trusted proxy, the header is ignored: one bucket.
        await using ApiFactory untrusted = CreateFactory(("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));
        using HttpClient direct = untrusted.CreateClient();
        var directStatuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            directStatuses.Add(await SendAsync(direct, request =>
            {
                request.Headers.Add(ApiFactory.RemoteAddressHeader, "10.0.0.6");
                request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, directStatuses[^1]);
    }
//#if (hasAuth)

    [Fact]
    public async Task Each_authenticated_caller_has_its_own_bucket_whatever_its_address()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();
        string first = Security.TestTokens.Create(subject: "caller-1", scopes: ["items:read"]);
        string second = Security.TestTokens.Create(subject: "caller-2", scopes: ["items:read"]);
        var statuses = new List<HttpStatusCode>();

        for (int i = 0; i < 3; i++)
        {
            statuses.Add(await SendAsync(client, request =>
            {
                request.Headers.Add("Authorization", "Bearer " + first);
                request.Headers.Add(ApiFactory.RemoteAddressHeader, $"192.0.2.{20 + i}");
            }));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(client, request => request.Headers.Add("Authorization", "Bearer " + second)));
    }
//#endif
}
