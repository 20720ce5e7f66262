using System.Net;
using System.Text.Json;

namespace CompanyProduct.Worker.IntegrationTests;

public sealed class HealthTests(WorkerFactory factory) : IClassFixture<WorkerFactory>
{
    [Fact]
    public async Task Liveness_is_healthy()
    {
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_checks_the_consumer()
    {
        using HttpClient client = factory.CreateClient();
        HttpResponseMessage? response = null;
        await Eventually.TrueAsync(async () =>
        {
            response?.Dispose();
            response = await client.GetAsync(new Uri("/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        });

        using (response)
        {
            using JsonDocument body = JsonDocument.Parse(await response!.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            JsonElement checks = body.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("consumer").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("shutdown").GetProperty("status").GetString());
        }
    }
}
