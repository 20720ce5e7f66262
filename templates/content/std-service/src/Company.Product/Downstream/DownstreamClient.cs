using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace CompanyProduct.Downstream;

/// <summary>The status reported by the downstream API.</summary>
/// <param name="Status">The status text, for example <c>ok</c>.</param>
public sealed record DownstreamStatus(string Status);

/// <summary>
/// Typed client for the downstream API: the pattern for every outgoing call. The <see cref="HttpClient"/> comes from
/// <c>IHttpClientFactory</c> with timeouts, retries and a circuit breaker already applied.
/// </summary>
/// <param name="httpClient">The client configured for the downstream API.</param>
/// <param name="logger">The logger.</param>
public sealed partial class DownstreamClient(HttpClient httpClient, ILogger<DownstreamClient> logger)
{
    /// <summary>The name of the HTTP client and of its resilience pipeline.</summary>
    public const string ClientName = "downstream";

    /// <summary>Checks that the downstream API answers, with one attempt (no retries): for the readiness probe.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API answered with a status below 500.</returns>
    /// <exception cref="HttpRequestException">The API is unreachable or answered with a server error.</exception>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("status", UriKind.Relative));
        request.Options.Set(Resilience.HttpResilience.NoRetries, true);
        using HttpResponseMessage response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"The downstream API answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary>Gets the downstream status.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or <see langword="null"/> when the downstream API has none.</returns>
    /// <exception cref="HttpRequestException">The call failed after all retries.</exception>
    public async Task<DownstreamStatus?> GetStatusAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await httpClient
            .GetAsync(new Uri("status", UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            LogCallFailed(logger, (int)response.StatusCode);
            response.EnsureSuccessStatusCode();
        }

        return await response.Content.ReadFromJsonAsync<DownstreamStatus>(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Downstream call failed with status {StatusCode}")]
    private static partial void LogCallFailed(ILogger logger, int statusCode);
}
