using Polly;

namespace CompanyProduct.Resilience;

/// <summary>
/// A message handler that sends every request through a <see cref="ResiliencePipeline{T}"/>. Add it to a client
/// built by <c>IHttpClientFactory</c>; the connect timeout belongs on the primary <c>SocketsHttpHandler</c>.
/// Requests that may be retried (<see cref="HttpResiliencePipeline.CanRetry"/>) are sent as a fresh copy on every
/// attempt, because handlers further down may change a request they send.
/// </summary>
/// <param name="pipeline">The pipeline shared by all handlers of the client.</param>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestSnapshot? snapshot = HttpResiliencePipeline.CanRetry(request)
            ? await RequestSnapshot.TakeAsync(request, cancellationToken).ConfigureAwait(false)
            : null;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpResiliencePipeline.RequestKey, request);
        try
        {
            HttpResponseMessage response = await pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    if (state.Snapshot is null)
                    {
                        return await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false);
                    }

                    using HttpRequestMessage attempt = state.Snapshot.Create();
                    HttpResponseMessage response = await state.Handler.SendOnceAsync(attempt, ctx.CancellationToken).ConfigureAwait(false);
                    response.RequestMessage = state.Request;
                    return response;
                },
                context,
                (Handler: this, Request: request, Snapshot: snapshot)).ConfigureAwait(false);
            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>What is needed to send a request again: its line, headers, options and buffered body.</summary>
    private sealed class RequestSnapshot
    {
        private readonly HttpRequestMessage _original;
        private readonly byte[]? _body;

        private RequestSnapshot(HttpRequestMessage original, byte[]? body)
        {
            _original = original;
            _body = body;
        }

        public static async Task<RequestSnapshot> TakeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[]? body = request.Content is null
                ? null
                : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new RequestSnapshot(request, body);
        }

        public HttpRequestMessage Create()
        {
            var copy = new HttpRequestMessage(_original.Method, _original.RequestUri)
            {
                Version = _original.Version,
                VersionPolicy = _original.VersionPolicy,
            };
            foreach (KeyValuePair<string, IEnumerable<string>> header in _original.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (KeyValuePair<string, object?> option in _original.Options)
            {
                ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
            }

            if (_body is not null)
            {
                copy.Content = new ByteArrayContent(_body);
                foreach (KeyValuePair<string, IEnumerable<string>> header in _original.Content!.Headers)
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return copy;
        }
    }
}
