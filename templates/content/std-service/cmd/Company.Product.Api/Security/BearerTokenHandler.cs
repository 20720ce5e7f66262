using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CompanyProduct.Api.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;JWT&gt;</c> requests (RFC 6750): signature, issuer, audience and
/// lifetime checked by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>; keys from the authority's
/// discovery document (refreshed by its configuration manager) or from configured signing keys. A missing or invalid
/// token gets 401 with <c>WWW-Authenticate: Bearer</c> (and <c>error="invalid_token"</c> when one was sent).
/// </summary>
public sealed partial class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    BearerTokenValidation validation) : AuthenticationHandler<BearerTokenOptions>(options, loggerFactory, encoder)
{
    private const string Prefix = "Bearer ";
    private bool _invalidToken;

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.NoResult();
        }

        TokenValidationResult result = await validation.ValidateAsync(Scheme.Name, header[Prefix.Length..].Trim());
        if (!result.IsValid)
        {
            _invalidToken = true;
            string reason = result.Exception?.GetType().Name ?? "unknown";
            LogRejected(Logger, reason);
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.ClaimsIdentity), Scheme.Name));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = _invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Bearer token rejected ({Reason})")]
    private static partial void LogRejected(ILogger logger, string reason);
}

/// <summary>Validates tokens with parameters built once per scheme from <see cref="BearerTokenOptions"/>.</summary>
/// <param name="options">The options of each scheme.</param>
/// <param name="httpClients">The client factory, for the discovery document.</param>
public sealed class BearerTokenValidation(IOptionsMonitor<BearerTokenOptions> options, IHttpClientFactory httpClients)
{
    /// <summary>The name of the HTTP client that fetches discovery documents and keys.</summary>
    public const string MetadataClientName = "oidc-metadata";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly Dictionary<string, TokenValidationParameters> _parameters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Validates a token.</summary>
    /// <param name="scheme">The scheme whose options apply.</param>
    /// <param name="token">The compact JWT.</param>
    /// <returns>The result; its identity carries the token's claims.</returns>
    public Task<TokenValidationResult> ValidateAsync(string scheme, string token) => _handler.ValidateTokenAsync(token, ParametersOf(scheme));

    private TokenValidationParameters ParametersOf(string scheme)
    {
        lock (_gate)
        {
            if (!_parameters.TryGetValue(scheme, out TokenValidationParameters? parameters))
            {
                parameters = Create(options.Get(scheme));
                _parameters[scheme] = parameters;
            }

            return parameters;
        }
    }

    private TokenValidationParameters Create(BearerTokenOptions settings)
    {
        IReadOnlyList<string> issuers = settings.AllIssuers();
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidateIssuer = true,
            ValidAudiences = settings.AllAudiences(),
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = "sub",
            IssuerSigningKeys = [.. settings.SigningKeys.Select(k => new SymmetricSecurityKey(Convert.FromBase64String(k.Value!)))],
        };
        if (settings.Authority is { } authority)
        {
            Uri metadata = settings.MetadataAddress ?? new Uri(authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
            parameters.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                metadata.AbsoluteUri,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(httpClients.CreateClient(MetadataClientName)) { RequireHttps = settings.RequireHttpsMetadata });
        }

        return parameters;
    }
}
