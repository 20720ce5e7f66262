using CompanyProduct.HostKind.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CompanyProduct.HostKind.IntegrationTests;

public sealed class ConfigurationTests
{
//#if (repoKind == "service")
    private static WebApplication BuildApp(Dictionary<string, string?> overrides)
    {
        Dictionary<string, string?> settings = TestSettings.Apply(TestSettings.Valid(), overrides);

        return ApiHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });
    }
//#else
    private static WebApplication BuildApp(Dictionary<string, string?> settings) =>
        WorkerHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "InMemory" });
            builder.Configuration.AddInMemoryCollection(settings);
        });
//#endif

    [Fact]
    public async Task The_default_configuration_is_valid()
    {
        await using WebApplication app = BuildApp([]);

        await app.StartAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("Service:Name", "", "Name")]
//#if (repoKind == "service")
    [InlineData("Pagination:MaxLimit", "0", "MaxLimit")]
    [InlineData("Pagination:DefaultLimit", "500", "DefaultLimit")]
    [InlineData("Downstream:BaseAddress", "relative/path", "BaseAddress")]
    [InlineData("Downstream:Resilience:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Downstream:Resilience:MaxDelay", "00:00:00.001", "MaxDelay")]
    [InlineData("Shutdown:Timeout", "00:00:00", "Timeout")]
    [InlineData("Shutdown:DrainDelay", "00:00:30", "DrainDelay")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-ip", "KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "KnownNetworks")]
//#if (hasAuth)
    [InlineData("Authentication:Schemes:Bearer:SigningKeys:0:Value", "c2hvcnQ=", "SigningKeys")]
    [InlineData("Authentication:Schemes:Bearer:ValidAudiences:0", "", "ValidAudiences")]
    [InlineData("Authentication:Schemes:Bearer:Authority", "http://login.example.test/", "RequireHttpsMetadata")]
//#endif
//#if (hasDatabase)
    [InlineData("Database:Provider", "Postgres", "ConnectionStrings:Database")]
//#endif
//#if (tracing)
    [InlineData("Telemetry:SamplingRatio", "1.5", "SamplingRatio")]
//#endif
//#if (rateLimiting)
    [InlineData("RateLimiting:BurstSize", "10", "BurstSize")]
//#endif
//#else
    [InlineData("Messaging:Concurrency", "0", "Concurrency")]
    [InlineData("Messaging:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Messaging:MaxDelay", "00:00:00.001", "MaxDelay")]
    [InlineData("Shutdown:Timeout", "00:10:00", "Timeout")]
    [InlineData("Database:Provider", "Postgres", "ConnectionStrings:Database")]
//#if (tracing)
    [InlineData("Telemetry:SamplingRatio", "-1", "SamplingRatio")]
//#endif
//#endif
    public async Task Invalid_configuration_fails_at_start_up(string key, string value, string member)
    {
        Exception thrown = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using WebApplication app = BuildApp(new Dictionary<string, string?> { [key] = value });
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        // Options that read other options fail with them (a client's resilience handler reads its settings): every
        // failure of the start must be a validation error.
        Exception[] failures = thrown is AggregateException all ? [.. all.InnerExceptions] : [thrown];
        Assert.All(failures, static failure => Assert.IsType<OptionsValidationException>(failure));
        Exception error = failures[0];

//#if (repoKind == "service")
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

//#if (hasAuth)
    [Fact]
    public async Task Without_an_authority_or_signing_keys_the_service_does_not_start()
    {
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using WebApplication app = BuildApp(new Dictionary<string, string?>
            {
                ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = null,
                ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = null,
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("Authority", error.Message, StringComparison.Ordinal);
    }

//#endif
//#if (hasDatabase)
    [Fact]
    public async Task A_connection_string_password_never_appears_in_the_start_up_error()
    {
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using WebApplication app = BuildApp(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Database"] = "Host=db;Password=example-value;Bogus Keyword=1",
            });
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("ConnectionStrings:Database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("example-value", error.Message, StringComparison.Ordinal);
    }

//#endif
    [Fact]
    public async Task Shutdown_timeout_comes_from_configuration()
    {
        await using WebApplication app = BuildApp(new Dictionary<string, string?> { ["Shutdown:Timeout"] = "00:00:07" });

        HostOptions options = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(7), options.ShutdownTimeout);
    }

    [Fact]
    public void Error_codes_are_derived_from_the_status_when_missing()
    {
        Assert.Equal(ApiErrorCodes.InternalError, ApiErrorCodes.ForStatus(500));
        Assert.Equal(ApiErrorCodes.Unavailable, ApiErrorCodes.ForStatus(503));
        Assert.Equal(ApiErrorCodes.MethodNotAllowed, ApiErrorCodes.ForStatus(405));
        Assert.Equal(ApiErrorCodes.UnsupportedMediaType, ApiErrorCodes.ForStatus(415));
        Assert.Equal("http.409", ApiErrorCodes.ForStatus(409));
    }
//#else
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_timeout_comes_from_configuration()
    {
        await using WebApplication app = BuildApp(new Dictionary<string, string?> { ["Shutdown:Timeout"] = "00:00:07" });

        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
//#endif
}
