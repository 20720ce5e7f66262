using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class ItemsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Uri Items = new("/api/v1/items", UriKind.Relative);

    [Fact]
    public async Task Post_then_get_returns_the_item()
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpResponseMessage created = await client.PostAsJsonAsync(Items, new { name = "Widget", description = "Blue" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        JsonElement item = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        string id = item.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/items/{id}", created.Headers.Location!.OriginalString);

        JsonElement fetched = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Widget", fetched.GetProperty("name").GetString());
        Assert.Equal("Blue", fetched.GetProperty("description").GetString());
    }

    [Fact]
    public async Task List_pages_with_an_opaque_cursor()
    {
        await using var isolated = new ApiFactory();
        using HttpClient client = isolated.CreateItemsClient();
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage created = await client.PostAsJsonAsync(Items, new { name = $"Item {i}" }, cancellationToken: TestContext.Current.CancellationToken);
            created.EnsureSuccessStatusCode();
        }

        JsonElement first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/items?limit=2", UriKind.Relative), cancellationToken: TestContext.Current.CancellationToken);
        string cursor = first.GetProperty("nextCursor").GetString()!;
        JsonElement second = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/items?limit=2&cursor={Uri.EscapeDataString(cursor)}", UriKind.Relative), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Post_with_an_invalid_body_returns_a_validation_problem()
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpResponseMessage response = await client.PostAsJsonAsync(Items, new { name = " " }, cancellationToken: TestContext.Current.CancellationToken);

        JsonElement problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Post_with_malformed_json_returns_a_problem()
    {
        using HttpClient client = factory.CreateItemsClient();
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync(Items, content, TestContext.Current.CancellationToken);

        JsonElement problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid");
        Assert.Contains("request body as JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_with_another_media_type_returns_415_with_a_detail()
    {
        using HttpClient client = factory.CreateItemsClient();
        using var content = new StringContent("name=x", Encoding.UTF8, "text/plain");

        using HttpResponseMessage response = await client.PostAsync(Items, content, TestContext.Current.CancellationToken);

        JsonElement problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Get_of_an_unknown_item_returns_not_found_with_a_code()
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri($"/api/v1/items/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        JsonElement problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "items.not_found");
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
    }

    [Theory]
    [InlineData("/api/v1/items?limit=1000", "validation.failed")]
    [InlineData("/api/v1/items?limit=0", "validation.failed")]
    [InlineData("/api/v1/items?cursor=bogus", "pagination.invalid_cursor")]
    [InlineData("/api/v1/items?limit=abc", "request.invalid")]
    public async Task List_with_bad_parameters_returns_a_problem(string url, string code)
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Unknown_routes_return_a_problem()
    {
        using HttpClient client = factory.CreateItemsClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "route.not_found");
    }
}
