using CompanyProduct.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class ConfigurationTests
{
    private static WebApplication BuildApp(Dictionary<string, string?> settings) =>
        ApiHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(settings);
        });

    [Fact]
    public async Task The_default_configuration_is_valid()
    {
        await using WebApplication app = BuildApp([]);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Theory]
    [InlineData("Service:Name", "", "Name")]
    [InlineData("Pagination:MaxLimit", "0", "MaxLimit")]
    [InlineData("Pagination:DefaultLimit", "500", "DefaultLimit")]
    [InlineData("Downstream:BaseAddress", "", "BaseAddress")]
    [InlineData("Downstream:Resilience:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Downstream:Resilience:MaxDelay", "00:00:00.001", "MaxDelay")]
    [InlineData("Shutdown:Timeout", "00:00:00", "Timeout")]
//#if (tracing)
    [InlineData("Telemetry:SamplingRatio", "1.5", "SamplingRatio")]
//#endif
//#if (rateLimiting)
    [InlineData("RateLimiting:BurstSize", "10", "BurstSize")]
//#endif
    public async Task Invalid_configuration_fails_at_start_up(string key, string value, string member)
    {
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using WebApplication app = BuildApp(new Dictionary<string, string?> { [key] = value });
            await app.StartAsync();
        });

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

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
}
