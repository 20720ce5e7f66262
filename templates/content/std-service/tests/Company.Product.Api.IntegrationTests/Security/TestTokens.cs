using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompanyProduct.Api.IntegrationTests.Security;

/// <summary>Signs test tokens with a key the test configuration trusts (never use it outside tests).</summary>
internal static class TestTokens
{
    public const string Issuer = "https://issuer.test/";
    public const string Audience = "company-product";

    // 32 bytes, base64: a test-only key.
    public const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LTMyLWJ5dGVzISE=";

    public static string Create(
        string subject = "user-1",
        string[]? scopes = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        string signingKey = SigningKey)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scopes is { Length: > 0 })
        {
            claims["scope"] = string.Join(' ', scopes);
        }

        DateTime expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = expiry.AddMinutes(-10),
            IssuedAt = expiry.AddMinutes(-10),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
