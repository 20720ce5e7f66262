using System.Net.Http.Json;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

/// <summary>Every generated malformed input is a 400 problem, and nothing reaches the store (in-memory store).</summary>
public sealed class InputValidationTests
{
    /// <summary>Settings that keep the rate limit out of the way of a few hundred requests.</summary>
    internal static Dictionary<string, string?> Unlimited() => new()
    {
        ["RateLimiting:TokensPerSecond"] = "1000000",
        ["RateLimiting:BurstSize"] = "1000000",
    };

    [Fact]
    public async Task Malformed_cursors_text_and_types_are_rejected_with_400()
    {
        int seed = Random.Shared.Next();
        await using var factory = new ApiFactory(Unlimited());
        using HttpClient client = factory.CreateItemsClient();

        IReadOnlyList<string> failures = await MalformedInputs.NotRejectedAsync(client, MalformedInputs.All(seed));

        Assert.True(failures.Count == 0, $"seed {seed}:\n{string.Join('\n', failures)}");
        JsonElement page = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/items", UriKind.Relative), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }
}
