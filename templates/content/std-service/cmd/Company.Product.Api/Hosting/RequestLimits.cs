using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Hosting;

/// <summary>The limits on what a request may send (configuration section <c>RequestLimits</c>).</summary>
public sealed class RequestLimitOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "RequestLimits";

    /// <summary>
    /// Gets or sets the largest request body, in bytes, any endpoint accepts (1 MiB by default). An endpoint that
    /// declares a smaller limit (<see cref="RequestSizeLimitAttribute"/>) gets that one; none gets a larger one.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxBodySize { get; set; } = 1024 * 1024;
}

/// <summary>
/// Limits request bodies per endpoint and answers a body over the limit with a 413 problem, whether the client
/// declared its length or streams it in chunks. The endpoint's limit is the framework's
/// <see cref="IRequestSizeLimitMetadata"/>, capped by <see cref="RequestLimitOptions.MaxBodySize"/>.
/// </summary>
public static class RequestLimits
{
    /// <summary>The <c>title</c> of the 413 problem.</summary>
    public const string TooLargeTitle = "The request body is too large.";

    /// <summary>Adds <see cref="RequestLimitOptions"/> and makes Kestrel's own body limit the configured maximum.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RequestLimitOptions>(configuration, RequestLimitOptions.SectionName);
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>(
            static (kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodySize);
        return services;
    }

    /// <summary>Adds the body limit middleware; after routing, so that it knows the endpoint's limit.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();

    /// <summary>Gets the body limit of an endpoint: its declared limit, never more than the configured maximum.</summary>
    /// <param name="endpoint">The endpoint, if routing found one.</param>
    /// <param name="maximum">The configured maximum.</param>
    /// <returns>The limit in bytes.</returns>
    public static long LimitOf(Endpoint? endpoint, long maximum) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is long declared
            ? Math.Min(declared, maximum)
            : maximum;
}

/// <summary>Enforces <see cref="RequestLimits.LimitOf"/> on the request body of each request.</summary>
/// <param name="next">The next middleware.</param>
/// <param name="options">The request limits.</param>
/// <param name="problems">The problem details writer.</param>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        long limit = RequestLimits.LimitOf(context.GetEndpoint(), options.Value.MaxBodySize);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, limit);
            return;
        }

        // A chunked body has no length: count what is read. The framework may swallow the read error and answer
        // without a body, so the outcome is decided here from what the stream saw.
        using var body = new LimitedReadStream(context.Request.Body, limit);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        catch (IOException) when (body.Exceeded)
        {
            // BadHttpRequestException is an IOException: the body went over the limit, answered below.
        }

        if (body.Exceeded && !context.Response.HasStarted)
        {
            await WriteTooLargeAsync(context, limit);
        }
    }

    private async Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = RequestLimits.TooLargeTitle,
                Detail = $"This endpoint accepts request bodies of at most {limit} bytes.",
            },
        });
    }
}

/// <summary>A read-only view of a request body that fails with a 413 once more than the limit has been read.</summary>
/// <param name="inner">The body.</param>
/// <param name="limit">The most bytes that may be read.</param>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>Gets or sets a value indicating whether the body went over the limit.</summary>
    public bool Exceeded { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Exceeded = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            Exceeded = true;
            throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return read;
    }
}
