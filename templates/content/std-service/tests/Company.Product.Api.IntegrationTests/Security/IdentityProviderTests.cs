using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CompanyProduct.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CompanyProduct.Api.IntegrationTests.Security;

/// <summary>The API against an identity provider: discovery, key rotation and an outage of the provider.</summary>
public sealed class IdentityProviderTests : IDisposable
{
    private static readonly Uri Items = new("/api/v1/items", UriKind.Relative);
    private readonly IdentityProviderStub _provider = new();
    private readonly LogSink _logs = new();
    private readonly ApiFactory _factory;

    public IdentityProviderTests()
    {
        _factory = new ApiFactory(
            new Dictionary<string, string?>
            {
                ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = null,
                ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = null,
                ["Authentication:Schemes:Bearer:Authority"] = IdentityProviderStub.Issuer,
                ["Authentication:Schemes:Bearer:RefreshInterval"] = "00:00:01",
            },
            services =>
            {
                services.AddHttpClient(JwtBearerSetup.MetadataClientName).ConfigurePrimaryHttpMessageHandler(() => _provider);
                services.AddSingleton<ILoggerProvider>(_logs);
            });
    }

    [Fact]
    public async Task A_token_signed_with_a_key_of_the_discovery_document_is_accepted()
    {
        using HttpResponseMessage response = await SendAsync(_provider.Sign("key-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/.well-known/openid-configuration", _provider.Requests);
    }

    [Fact]
    public async Task A_token_from_another_issuer_with_a_known_key_is_rejected()
    {
        using HttpResponseMessage response = await SendAsync(_provider.Sign("key-1", issuer: "https://evil.test/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_when_a_token_names_it()
    {
        using (HttpResponseMessage first = await SendAsync(_provider.Sign("key-1")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _provider.Rotate("key-2");
        HttpStatusCode status = HttpStatusCode.Unauthorized;

        // The provider's keys are refreshed at most once per RefreshInterval (1 s here): a few tries at most.
        for (int attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            using HttpResponseMessage response = await SendAsync(_provider.Sign("key-2"));
            status = response.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(_provider.Requests.Count(static path => path == "/jwks") >= 2, string.Join(", ", _provider.Requests));
    }

    [Fact]
    public async Task An_identity_provider_outage_is_logged_as_an_error_of_its_own()
    {
        _provider.Failing = true;

        using HttpResponseMessage response = await SendAsync(_provider.Sign("key-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        LogEntry[] outage = [.. _logs.Entries.Where(static e => e.EventId == JwtBearerSetup.MetadataUnavailableEventId)];
        Assert.NotEmpty(outage);
        Assert.All(outage, static e => Assert.Equal(LogLevel.Error, e.Level));
        Assert.Contains("HTTP 503", outage[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_token_is_logged_as_rejected_and_not_as_an_outage()
    {
        using HttpResponseMessage response = await SendAsync(_provider.Sign("key-1", audience: "another-api"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        LogEntry rejected = Assert.Single(_logs.Entries, static e => e.EventId == JwtBearerSetup.TokenRejectedEventId);
        Assert.Contains("SecurityTokenInvalidAudienceException", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, static e => e.EventId == JwtBearerSetup.MetadataUnavailableEventId);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _provider.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(string token)
    {
        using HttpClient client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(Items);
    }
}

/// <summary>An OpenID Connect provider: a discovery document and a key set with one RSA key, which can be rotated.</summary>
internal sealed class IdentityProviderStub : HttpMessageHandler
{
    public const string Issuer = "https://idp.test/";

    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private volatile string _current = "key-1";

    public ConcurrentQueue<string> Requests { get; } = new();

    public bool Failing { get; set; }

    public void Rotate(string keyId) => _current = keyId;

    public string Sign(string keyId, string issuer = Issuer, string audience = TestTokens.Audience)
    {
        var key = new RsaSecurityKey(KeyOf(keyId)) { KeyId = keyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "user-1", ["scope"] = "items:read" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue(path);
        if (Failing)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

        object? body = path switch
        {
            "/.well-known/openid-configuration" => new Dictionary<string, string> { ["issuer"] = Issuer, ["jwks_uri"] = Issuer + "jwks" },
            "/jwks" => new { keys = new[] { PublicKey(_current) } },
            _ => null,
        };
        return Task.FromResult(body is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body) });
    }

    protected override void Dispose(bool disposing)
    {
        foreach (RSA key in _keys.Values)
        {
            key.Dispose();
        }

        base.Dispose(disposing);
    }

    private Dictionary<string, string> PublicKey(string keyId)
    {
        RSAParameters parameters = KeyOf(keyId).ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private RSA KeyOf(string keyId) => _keys.GetOrAdd(keyId, static _ => RSA.Create(2048));
}

/// <summary>One log entry.</summary>
/// <param name="Category">The logger category.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Level">The level.</param>
/// <param name="Message">The formatted message.</param>
internal sealed record LogEntry(string Category, int EventId, LogLevel Level, string Message);

/// <summary>Keeps every log entry of the application in memory.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, eventId.Id, logLevel, formatter(state, exception)));
    }
}
