using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CompanyProduct.Api.IntegrationTests;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem with the given status and code, a trace id and a request id.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"Expected a problem, got {response.Content.Headers.ContentType}: {body}");
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()), "Every problem has a type.");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.Equal(
            response.Headers.GetValues("X-Request-ID").Single(),
            problem.GetProperty("requestId").GetString());
        return problem;
    }
}
