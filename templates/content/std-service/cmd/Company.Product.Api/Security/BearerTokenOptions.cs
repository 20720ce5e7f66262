namespace CompanyProduct.Api.Security;

/// <summary>
/// The settings of the JWT bearer scheme (configuration section <c>Authentication:Schemes:Bearer</c>, the section and
/// key names of ASP.NET Core's JwtBearer, so <c>dotnet user-jwts</c> and existing settings work). Set
/// <see cref="Authority"/> to your identity provider's issuer URL: its signing keys and issuer come from its OpenID
/// Connect discovery document, refreshed daily and whenever a token names a key the service does not know (key
/// rotation). JwtBearer's own keys of the section (<c>RefreshInterval</c>, <c>AutomaticRefreshInterval</c>,
/// <c>BackchannelTimeout</c>) apply as documented by ASP.NET Core.
/// </summary>
public sealed class BearerTokenOptions
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "Bearer";

    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Authentication:Schemes:Bearer";

    /// <summary>Gets or sets the issuer URL of the identity provider, e.g. <c>https://login.example.com/realms/acme</c>.</summary>
    public Uri? Authority { get; set; }

    /// <summary>Gets or sets the discovery document address when it is not <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public Uri? MetadataAddress { get; set; }

    /// <summary>Gets or sets a value indicating whether the discovery document must be fetched over HTTPS (turn off only for local test issuers).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Gets or sets the one accepted issuer (<c>iss</c>) when it is not the discovery document's.</summary>
    public string? ValidIssuer { get; set; }

    /// <summary>Gets the accepted issuers besides <see cref="ValidIssuer"/>.</summary>
    public IList<string> ValidIssuers { get; } = [];

    /// <summary>Gets or sets the one accepted audience (<c>aud</c>): this API's identifier at the identity provider.</summary>
    public string? ValidAudience { get; set; }

    /// <summary>Gets the accepted audiences besides <see cref="ValidAudience"/>.</summary>
    public IList<string> ValidAudiences { get; } = [];

    /// <summary>
    /// Gets the symmetric signing keys accepted without an authority (development and tests; the format
    /// <c>dotnet user-jwts</c> writes). Secrets: keep them out of appsettings.json.
    /// </summary>
    public IList<SigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>Gets or sets the clock skew allowed when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets every accepted issuer.</summary>
    /// <returns><see cref="ValidIssuer"/>, <see cref="ValidIssuers"/> and the issuers of the signing keys.</returns>
    public IReadOnlyList<string> AllIssuers() =>
        [.. new[] { ValidIssuer }.Concat(ValidIssuers).Concat(SigningKeys.Select(k => k.Issuer)).OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets every accepted audience.</summary>
    /// <returns><see cref="ValidAudience"/> and <see cref="ValidAudiences"/>.</returns>
    public IReadOnlyList<string> AllAudiences() =>
        [.. new[] { ValidAudience }.Concat(ValidAudiences).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)];
}

/// <summary>A symmetric signing key (HMAC SHA-256): its issuer and its base64 value of at least 32 bytes.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>Gets or sets the issuer whose tokens this key signs.</summary>
    public string? Issuer { get; set; }

    /// <summary>Gets or sets the key, base64-encoded (a secret).</summary>
    public string? Value { get; set; }
}
