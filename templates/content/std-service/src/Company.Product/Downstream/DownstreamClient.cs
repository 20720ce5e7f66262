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
