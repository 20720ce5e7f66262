using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.Security;

/// <summary>The scopes and authorisation policies of the API.</summary>
public static class ApiPolicies
{
    /// <summary>The scope that allows reading items.</summary>
    public const string ItemsReadScope = "items:read";

    /// <summary>The scope that allows creating items.</summary>
    public const string ItemsWriteScope = "items:write";

    /// <summary>The policy of the read endpoints: an authenticated caller with <see cref="ItemsReadScope"/>.</summary>
    public const string ItemsRead = "items.read";

    /// <summary>The policy of the write endpoints: an authenticated caller with <see cref="ItemsWriteScope"/>.</summary>
    public const string ItemsWrite = "items.write";

    /// <summary>
    /// Tells whether a caller was granted a scope: in a space-separated <c>scope</c> claim (RFC 9068, RFC 8693) or in
    /// <c>scp</c> claims (string or array, as some identity providers issue them).
    /// </summary>
    /// <param name="user">The caller.</param>
    /// <param name="scope">The scope.</param>
    /// <returns><see langword="true"/> when the token grants the scope.</returns>
    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims
            .Where(static c => c.Type is "scope" or "scp")
            .SelectMany(static c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
    }
}

/// <summary>Registers authentication (JWT bearer) and authorisation (scope policies, authenticated by default).</summary>
public static class AuthSetup
{
    /// <summary>
    /// Adds ASP.NET Core's JwtBearer scheme configured from <c>Authentication:Schemes:Bearer</c> (validated at start:
    /// an authority or signing keys, and an audience; see <see cref="JwtBearerSetup"/>) and the policies. Every endpoint needs an authenticated caller unless it says
    /// otherwise (<c>AllowAnonymous</c>): a new endpoint is never public by accident.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BearerTokenOptions>()
            .Bind(configuration.GetSection(BearerTokenOptions.SectionName))
            .Validate(
                static o => o.Authority is not null || o.SigningKeys.Count > 0,
                "Authentication:Schemes:Bearer:Authority must be set to your identity provider's issuer URL (or SigningKeys for development).")
            .Validate(static o => o.AllAudiences().Count > 0, "Authentication:Schemes:Bearer:ValidAudiences must name this API's audience.")
            .Validate(static o => o.Authority is null || o.Authority.IsAbsoluteUri, "Authentication:Schemes:Bearer:Authority must be an absolute URL.")
            .Validate(
                static o => !o.RequireHttpsMetadata || new[] { o.Authority, o.MetadataAddress }.All(static u => u is null || u.Scheme == Uri.UriSchemeHttps),
                "Authentication:Schemes:Bearer:Authority and MetadataAddress must use https (RequireHttpsMetadata=false only for a local test issuer).")
            .Validate(static o => o.SigningKeys.All(IsUsableKey), "Authentication:Schemes:Bearer:SigningKeys need an Issuer and a base64 Value of at least 32 bytes.")
            .ValidateOnStart();
        services.AddTransient<MetadataFetchLogging>();
        services.AddHttpClient(JwtBearerSetup.MetadataClientName, static client => client.Timeout = TimeSpan.FromSeconds(10))
            .AddHttpMessageHandler<MetadataFetchLogging>();
        services.AddAuthentication(BearerTokenOptions.Scheme).AddJwtBearer(BearerTokenOptions.Scheme);

        // After AddJwtBearer: runs after JwtBearer's own binding of the section and replaces its validation rules.
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.ItemsRead, static policy => policy.RequireAuthenticatedUser().RequireAssertion(static c => ApiPolicies.HasScope(c.User, ApiPolicies.ItemsReadScope)))
            .AddPolicy(ApiPolicies.ItemsWrite, static policy => policy.RequireAuthenticatedUser().RequireAssertion(static c => ApiPolicies.HasScope(c.User, ApiPolicies.ItemsWriteScope)));
        return services;
    }

    private static bool IsUsableKey(SigningKeyOptions key)
    {
        if (string.IsNullOrEmpty(key.Issuer) || string.IsNullOrEmpty(key.Value))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[512];
        return Convert.TryFromBase64String(key.Value, buffer, out int length) && length >= 32;
    }
}
