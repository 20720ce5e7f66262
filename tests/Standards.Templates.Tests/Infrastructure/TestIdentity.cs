using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// A test token issuer for generated services: the environment variables that make the service trust it (the
/// service's <c>Authentication:Schemes:Bearer:SigningKeys</c>) and HS256 tokens signed with its key.
/// </summary>
public static class TestIdentity
{
    public const string Issuer = "https://issuer.e2e.test/";
    public const string Audience = "e2e-api";

    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>The environment that configures a generated service to accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> ServiceEnvironment { get; } = new Dictionary<string, string?>
    {
        ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Audience,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(Key),
    };

    /// <summary>A token for a subject with scopes, valid for ten minutes.</summary>
    public static string Token(string subject, params string[] scopes) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = string.Join(' ', scopes) },
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
    });
}
