using System.Net;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class RateLimitingTests
{
    private static ApiFactory CreateFactory() => new(new Dictionary<string, string?>
    {
        ["RateLimiting:TokensPerSecond"] = "1",
        ["RateLimiting:BurstSize"] = "2",
    });

    [Fact]
    public async Task Rejects_a_client_over_its_burst_with_a_problem()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Client-Id", "client-a");

        HttpStatusCode[] statuses = new HttpStatusCode[3];
        HttpResponseMessage? rejected = null;
        for (int i = 0; i < statuses.Length; i++)
        {
            HttpResponseMessage response = await client.GetAsync(new Uri("/api/v1/items", UriKind.Relative));
            statuses[i] = response.StatusCode;
            rejected?.Dispose();
            rejected = response;
        }

        using (rejected)
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.True(rejected!.Headers.RetryAfter is not null);
            await ProblemAssert.IsProblemAsync(rejected, HttpStatusCode.TooManyRequests, "rate_limit.exceeded");
        }
    }

    [Fact]
    public async Task Limits_each_client_separately_and_not_health_probes()
    {
        await using ApiFactory factory = CreateFactory();
        using HttpClient client = factory.CreateClient();

        for (int i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/items");
            request.Headers.Add("X-Client-Id", "client-b");
            using HttpResponseMessage used = await client.SendAsync(request);
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/items");
        other.Headers.Add("X-Client-Id", "client-c");
        using HttpResponseMessage otherResponse = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);

        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }
}
