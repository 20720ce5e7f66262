using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CompanyProduct.Api.Security;

/// <summary>
/// Configures ASP.NET Core's JwtBearer handler from <see cref="BearerTokenOptions"/>: issuers, audiences, lifetime
/// with clock skew, signed tokens only, the authority's discovery document (fetched through
/// <see cref="MetadataClientName"/>, whose failures are logged as an identity-provider outage) and development
/// signing keys. Rejected tokens are logged with the reason; <c>WWW-Authenticate</c> carries RFC 6750's
/// <c>error</c> and <c>error_description</c>.
/// </summary>
/// <param name="settings">The validated settings.</param>
/// <param name="httpClients">The client factory, for the discovery document and keys.</param>
/// <param name="loggerFactory">The logger factory.</param>
public sealed partial class JwtBearerSetup(IOptions<BearerTokenOptions> settings, IHttpClientFactory httpClients, ILoggerFactory loggerFactory)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>The name of the HTTP client that fetches discovery documents and keys.</summary>
    public const string MetadataClientName = "oidc-metadata";

    /// <summary>The event id of the log entry of a rejected token.</summary>
    public const int TokenRejectedEventId = 5001;

    /// <summary>The event id of the log entry of a failed metadata fetch (the identity provider is unreachable or failing).</summary>
    public const int MetadataUnavailableEventId = 5002;

    /// <inheritdoc />
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == BearerTokenOptions.Scheme)
        {
            Configure(options);
        }
    }

    /// <inheritdoc />
    public void Configure(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BearerTokenOptions bearer = settings.Value;
        options.Authority = bearer.Authority?.AbsoluteUri;
        if (bearer.MetadataAddress is { } metadata)
        {
            options.MetadataAddress = metadata.AbsoluteUri;
        }

        options.RequireHttpsMetadata = bearer.RequireHttpsMetadata;
        options.Backchannel = httpClients.CreateClient(MetadataClientName);
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = true;
        options.TokenValidationParameters = Parameters(bearer);
        ILogger logger = loggerFactory.CreateLogger<JwtBearerSetup>();
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                LogTokenRejected(logger, context.Exception);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The validation rules: issuer, audience, lifetime and signature are all required.</summary>
    /// <param name="bearer">The settings.</param>
    /// <returns>The parameters.</returns>
    public static TokenValidationParameters Parameters(BearerTokenOptions bearer)
    {
        ArgumentNullException.ThrowIfNull(bearer);
        return new TokenValidationParameters
        {
            ValidIssuers = bearer.AllIssuers(),
            ValidateIssuer = true,
            ValidAudiences = bearer.AllAudiences(),
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = bearer.ClockSkew,
            NameClaimType = "sub",
            IssuerSigningKeys = [.. bearer.SigningKeys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k.Value!)))],
        };
    }

    private static void LogTokenRejected(ILogger logger, Exception error)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            string reason = error.GetType().Name;
            LogTokenRejected(logger, reason);
        }
    }

    [LoggerMessage(EventId = TokenRejectedEventId, Level = LogLevel.Information, Message = "Bearer token rejected ({Reason})")]
    private static partial void LogTokenRejected(ILogger logger, string reason);
}

/// <summary>
/// Logs a failed fetch of the identity provider's discovery document or keys as an error of its own
/// (<see cref="JwtBearerSetup.MetadataUnavailableEventId"/>): every token is rejected while it lasts, and the log
/// must tell that outage from callers sending bad tokens.
/// </summary>
/// <param name="logger">The logger.</param>
public sealed partial class MetadataFetchLogging(ILogger<MetadataFetchLogging> logger) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable(logger, request.RequestUri, $"HTTP {(int)response.StatusCode}");
            }

            return response;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            LogUnavailable(logger, request.RequestUri, error.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(
        EventId = JwtBearerSetup.MetadataUnavailableEventId,
        Level = LogLevel.Error,
        Message = "The identity provider's metadata could not be fetched from {Address} ({Reason}): tokens signed with keys not yet known are rejected until it answers")]
    private static partial void LogUnavailable(ILogger logger, Uri? address, string reason);
}
