using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CompanyProduct.Downstream;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
//#if (hasAuth)
using CompanyProduct.Api.IntegrationTests.Security;
//#endif

namespace CompanyProduct.Api.IntegrationTests;

/// <summary>
/// Hosts the API in-process with <see cref="TestSettings"/> (in-memory store, test token issuer, a stub downstream
/// API) plus overrides. Requests come from the remote address in <c>X-Test-Remote-Address</c> (default 192.0.2.1).
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The test-only header that sets the TCP peer address of a request (see <see cref="RemoteAddressFilter"/>).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ApiFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    internal ApiFactory(Dictionary<string, string?> overrides, Action<IServiceCollection>? services = null)
    {
        _settings = TestSettings.Valid();
        TestSettings.Apply(_settings, overrides);
        _services = services;
    }

    /// <summary>Gets the stub that answers for the downstream API.</summary>
    public DownstreamStub Downstream { get; } = new();

//#if (hasAuth)
    /// <summary>Creates a client whose requests carry a valid token with the given scopes.</summary>
    /// <param name="scopes">The scopes of the token.</param>
    /// <returns>The client.</returns>
    public HttpClient CreateAuthorizedClient(params string[] scopes)
    {
        HttpClient client = base.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(scopes: scopes));
        return client;
    }

    /// <summary>Creates a client allowed to read and write items.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateItemsClient() => CreateAuthorizedClient("items:read", "items:write");
//#else
    /// <summary>Creates a client for the items endpoints.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateItemsClient() => CreateClient();
//#endif

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Settings, not ConfigureAppConfiguration: the application reads some of them while it registers services.
        foreach ((string key, string? value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, RemoteAddressFilter>();
            services.AddHttpClient(DownstreamClient.ClientName).ConfigurePrimaryHttpMessageHandler(() => Downstream);
            _services?.Invoke(services);
        });
    }

    /// <summary>Gives each request the remote address of its <c>X-Test-Remote-Address</c> header (the test server has none).</summary>
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(static following => context =>
            {
                string address = context.Request.Headers[RemoteAddressHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.Length > 0 ? address : "192.0.2.1");
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The downstream API: answers <c>{"status":"ok"}</c> until told to fail.</summary>
public sealed class DownstreamStub : HttpMessageHandler
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(Status) { Content = JsonContent.Create(new { status = "ok" }) });
}

/// <summary>A configuration the API starts with in tests.</summary>
internal static class TestSettings
{
    public static Dictionary<string, string?> Valid() => new()
    {
//#if (hasDatabase)
        ["Database:Provider"] = "InMemory",
//#endif
//#if (hasAuth)
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = TestTokens.Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = TestTokens.Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = TestTokens.SigningKey,
//#endif
        ["Shutdown:DrainDelay"] = "00:00:00",
        ["Downstream:BaseAddress"] = "http://localhost:8081/",
    };

    /// <summary>Applies overrides: a null value removes the setting.</summary>
    public static Dictionary<string, string?> Apply(Dictionary<string, string?> settings, Dictionary<string, string?> overrides)
    {
        foreach ((string key, string? value) in overrides)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
