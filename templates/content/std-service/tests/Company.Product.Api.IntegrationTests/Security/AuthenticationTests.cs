using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using CompanyProduct.Api.Security;

namespace CompanyProduct.Api.IntegrationTests.Security;

public sealed class AuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly Uri Items = new("/api/v1/items", UriKind.Relative);

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details()
    {
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(Items, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("wrong-key")]
    [InlineData("garbage")]
    public async Task An_invalid_token_gets_401_with_invalid_token(string defect)
    {
        string token = defect switch
        {
            "wrong-issuer" => TestTokens.Create(scopes: ["items:read"], issuer: "https://evil.test/"),
            "wrong-audience" => TestTokens.Create(scopes: ["items:read"], audience: "another-api"),
            "expired" => TestTokens.Create(scopes: ["items:read"], expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-key" => TestTokens.Create(scopes: ["items:read"], signingKey: Convert.ToBase64String(new byte[32])),
            _ => "not.a.jwt",
        };
        using HttpClient client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using HttpResponseMessage response = await client.GetAsync(Items, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_403_problem_details()
    {
        using HttpClient reader = factory.CreateAuthorizedClient("items:read");

        using HttpResponseMessage response = await reader.PostAsJsonAsync(Items, new { name = "Widget" }, cancellationToken: TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task A_token_with_the_scopes_reads_and_writes()
    {
        using HttpClient client = factory.CreateAuthorizedClient("items:write items:read");

        using HttpResponseMessage created = await client.PostAsJsonAsync(Items, new { name = "Widget" }, cancellationToken: TestContext.Current.CancellationToken);
        using HttpResponseMessage listed = await client.GetAsync(Items, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Health_probes_and_the_api_document_need_no_token()
    {
        using HttpClient client = factory.CreateClient();

        foreach (string path in new[] { "/health", "/ready", "/openapi/v1.json" })
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("scope", "items:read items:write", true)]
    [InlineData("scp", "items:read", true)]
    [InlineData("scope", "items:readonly", false)]
    [InlineData("roles", "items:read", false)]
    public void Scopes_are_read_from_space_separated_scope_and_scp_claims(string type, string value, bool granted)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(type, value)], "test"));

        Assert.Equal(granted, ApiPolicies.HasScope(user, ApiPolicies.ItemsReadScope));
    }
}
