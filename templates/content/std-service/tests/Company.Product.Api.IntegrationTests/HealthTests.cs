using System.Net;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync(ApiFactory factory)
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/ready", UriKind.Relative));
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").Clone());
    }

    [Fact]
    public async Task Liveness_is_healthy_without_checking_dependencies()
    {
        await using var factory = new ApiFactory();
        factory.Downstream.Status = HttpStatusCode.BadGateway;
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readiness_checks_the_store_and_the_downstream_api()
    {
        await using var factory = new ApiFactory();

        (HttpStatusCode status, JsonElement checks) = await ReadyAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", checks.GetProperty("item-store").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("downstream").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("shutdown").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_fails_while_the_downstream_api_fails()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Downstream:Resilience:MaxAttempts"] = "1",
        });
        factory.Downstream.Status = HttpStatusCode.ServiceUnavailable;

        (HttpStatusCode status, JsonElement checks) = await ReadyAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks.GetProperty("downstream").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_does_not_check_a_downstream_api_that_is_not_configured()
    {
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Downstream:BaseAddress"] = null,
        });
        factory.Downstream.Status = HttpStatusCode.ServiceUnavailable;

        (HttpStatusCode status, JsonElement checks) = await ReadyAsync(factory);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(checks.TryGetProperty("downstream", out _));
        Assert.Equal("Healthy", checks.GetProperty("item-store").GetProperty("status").GetString());
    }
}
