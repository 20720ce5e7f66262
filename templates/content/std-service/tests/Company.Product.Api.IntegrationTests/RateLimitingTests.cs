using System.Net;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

/// <summary>
/// The global rate limit (burst 2, 1 token/s in these tests). Bursts are sent at once, so a slow machine cannot
/// refill the bucket between the requests of one burst.
/// </summary>
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

    /// <summary>Sends <paramref name="count"/> requests at once; <paramref name="decorate"/> gets the index of each.</summary>
    private static async Task<HttpStatusCode[]> BurstAsync(HttpClient client, int count, Action<HttpRequestMessage, int>? decorate = null) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Items);
            decorate?.Invoke(request, i);
            using HttpResponseMessage response = await client.SendAsync(request);
            return response.StatusCode;
        }));

    [Fact]
    public async Task Rejects_a_client_over_its_burst_with_a_typed_problem()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateItemsClient();

        HttpStatusCode[] statuses = await BurstAsync(client, 6);
        using HttpResponseMessage rejected = await client.GetAsync(Items, TestContext.Current.CancellationToken);

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(rejected.Headers.RetryAfter);
        JsonElement problem = await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Rotating_request_headers_does_not_escape_the_limit()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateItemsClient();

        HttpStatusCode[] statuses = await BurstAsync(client, 8, (request, i) =>
        {
            request.Headers.Add("X-Client-Id", $"client-{i}");
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
            request.Headers.Add("X-Real-IP", $"198.51.100.{i}");
            request.Headers.Add("X-Request-ID", $"request-{i}");
            request.Headers.Add("User-Agent", $"agent-{i}");
        });

        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 4, string.Join(", ", statuses));
    }

    [Fact]
    public async Task Invalid_tokens_are_limited_by_remote_address()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();

        HttpStatusCode[] statuses = await BurstAsync(client, 6, (request, i) => request.Headers.Add("Authorization", $"Bearer invalid-{i}"));

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Each_remote_address_has_its_own_bucket_and_health_probes_are_exempt()
    {
        // Anonymous callers are partitioned by remote address (allowed requests get 401 when a token is required).
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();

        HttpStatusCode[] first = await BurstAsync(client, 6, (request, _) => request.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.10"));
        HttpStatusCode[] other = await BurstAsync(client, 1, (request, _) => request.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.11"));

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, other);
        for (int i = 0; i < 5; i++)
        {
            using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
            health.Headers.Add(ApiFactory.RemoteAddressHeader, "192.0.2.10");
            using HttpResponseMessage response = await client.SendAsync(health, TestContext.Current.CancellationToken);
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
            HttpStatusCode[] statuses = await BurstAsync(client, 6, (request, i) =>
            {
                request.Headers.Add(ApiFactory.RemoteAddressHeader, "10.0.0.5");
                request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            });

            Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        }

        // From an address that is not a trusted proxy, the header is ignored: one bucket.
        await using ApiFactory untrusted = CreateFactory(("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));
        using HttpClient direct = untrusted.CreateClient();
        HttpStatusCode[] directStatuses = await BurstAsync(direct, 6, (request, i) =>
        {
            request.Headers.Add(ApiFactory.RemoteAddressHeader, "10.0.0.6");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
        });

        Assert.Contains(HttpStatusCode.TooManyRequests, directStatuses);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.42.0.17")]
    [InlineData("192.168.1.5")]
    public async Task Forwarded_for_is_believed_from_no_peer_by_default(string peer)
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();

        HttpStatusCode[] statuses = await BurstAsync(client, 6, (request, i) =>
        {
            request.Headers.Add(ApiFactory.RemoteAddressHeader, peer);
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
        });

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
//#if (hasAuth)

    [Fact]
    public async Task Each_authenticated_caller_has_its_own_bucket_whatever_its_address()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();
        string first = Security.TestTokens.Create(subject: "caller-1", scopes: ["items:read"]);
        string second = Security.TestTokens.Create(subject: "caller-2", scopes: ["items:read"]);

        HttpStatusCode[] statuses = await BurstAsync(client, 6, (request, i) =>
        {
            request.Headers.Add("Authorization", "Bearer " + first);
            request.Headers.Add(ApiFactory.RemoteAddressHeader, $"192.0.2.{20 + i}");
        });
        HttpStatusCode[] other = await BurstAsync(client, 1, (request, _) => request.Headers.Add("Authorization", "Bearer " + second));

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal([HttpStatusCode.OK], other);
    }
//#endif
}
