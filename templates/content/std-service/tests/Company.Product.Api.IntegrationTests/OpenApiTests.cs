using System.Net;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class OpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_document_lists_every_operation_with_its_problem_responses()
    {
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        JsonElement root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        JsonElement paths = root.GetProperty("paths");
        var operations = new Dictionary<string, JsonElement>
        {
            ["GET /api/v1/items"] = paths.GetProperty("/api/v1/items").GetProperty("get"),
            ["POST /api/v1/items"] = paths.GetProperty("/api/v1/items").GetProperty("post"),
            ["GET /api/v1/items/{id}"] = paths.GetProperty("/api/v1/items/{id}").GetProperty("get"),
        };
        string[] everywhere =
        [
            "400",
//#if (hasAuth)
            "401", "403",
//#endif
//#if (rateLimiting)
            "429",
//#endif
            "500",
        ];
        foreach ((string name, JsonElement operation) in operations)
        {
            JsonElement responses = operation.GetProperty("responses");
            foreach (string status in everywhere)
            {
                Assert.True(responses.TryGetProperty(status, out JsonElement problem), $"{name} does not list {status}.");
                Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {status} is not a problem.");
            }
        }

        Assert.True(operations["GET /api/v1/items/{id}"].GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(operations["POST /api/v1/items"].GetProperty("responses").TryGetProperty("201", out _));
        Assert.False(paths.TryGetProperty("/health", out _), "Health probes are not part of the API.");
    }

    [Fact]
    public async Task With_anonymous_access_off_the_document_needs_a_token()
    {
        // Outside Development this is the default (the process tests of the template run it in Production).
        await using var closed = new ApiFactory(new Dictionary<string, string?> { ["OpenApi:AllowAnonymous"] = "false" });
        using HttpClient anonymous = closed.CreateClient();

        using HttpResponseMessage refused = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

//#if (hasAuth)
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        using HttpClient reader = closed.CreateAuthorizedClient("items:read");
        using HttpResponseMessage served = await reader.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
//#else
        // Without authentication nobody could be let in: the document is not served.
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
//#endif
    }
}
