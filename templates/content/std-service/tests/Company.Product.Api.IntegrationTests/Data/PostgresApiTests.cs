using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CompanyProduct.Tests.Support;

namespace CompanyProduct.Api.IntegrationTests.Data;

/// <summary>The API on a real PostgreSQL database (skipped unless TEST_POSTGRES_CONNECTION_STRING is set).</summary>
public sealed class PostgresApiTests
{
    [PostgresFact]
    public async Task Stores_and_lists_items_in_the_database_after_migrating_it_at_start()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = database.ConnectionString,
        });
        using HttpClient client = factory.CreateItemsClient();

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage created = await client.PostAsJsonAsync(new Uri("/api/v1/items", UriKind.Relative), new { name = $"Item {i}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        JsonElement first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/items?limit=2", UriKind.Relative));
        JsonElement second = await client.GetFromJsonAsync<JsonElement>(
            new Uri($"/api/v1/items?limit=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}", UriKind.Relative));
        Assert.Equal(["Item 0", "Item 1", "Item 2"], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("name").GetString()));

        using HttpResponseMessage ready = await client.GetAsync(new Uri("/ready", UriKind.Relative));
        using JsonDocument body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [PostgresFact]
    public async Task Malformed_input_is_rejected_with_400_before_it_reaches_the_database()
    {
        int seed = Random.Shared.Next();
        await using TestDatabase database = await TestDatabase.CreateAsync();
        Dictionary<string, string?> settings = InputValidationTests.Unlimited();
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Database"] = database.ConnectionString;
        await using var factory = new ApiFactory(settings);
        using HttpClient client = factory.CreateItemsClient();

        IReadOnlyList<string> failures = await MalformedInputs.NotRejectedAsync(client, MalformedInputs.All(seed));

        Assert.True(failures.Count == 0, $"seed {seed}:\n{string.Join('\n', failures)}");
        JsonElement page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/items", UriKind.Relative));
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        using HttpResponseMessage stored = await client.PostAsJsonAsync(new Uri("/api/v1/items", UriKind.Relative), new { name = "Line breaks and tabs in a description", description = "line 1\r\nline 2\tend" });
        Assert.True(stored.StatusCode == HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        await using TestDatabase database = await TestDatabase.CreateAsync();
        await using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Database"] = database.ConnectionString,
        });
        using HttpClient client = factory.CreateClient();
        using (HttpResponseMessage before = await client.GetAsync(new Uri("/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await database.DisposeAsync();

        using HttpResponseMessage after = await client.GetAsync(new Uri("/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
    }
}
