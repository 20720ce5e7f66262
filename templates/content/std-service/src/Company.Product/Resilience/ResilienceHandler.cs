using Polly;

namespace CompanyProduct.Resilience;

/// <summary>
/// A message handler that sends every request through a <see cref="ResiliencePipeline{T}"/>. Add it to a client
/// built by <c>IHttpClientFactory</c>; the connect timeout belongs on the primary <c>SocketsHttpHandler</c>.
/// </summary>
/// <param name="pipeline">The pipeline shared by all handlers of the client.</param>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).AsTask();

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
