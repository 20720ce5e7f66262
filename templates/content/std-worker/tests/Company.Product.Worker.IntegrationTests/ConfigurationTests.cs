using CompanyProduct.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CompanyProduct.Worker.IntegrationTests;

public sealed class ConfigurationTests
{
    private static WebApplication BuildApp(Dictionary<string, string?> settings) =>
        WorkerHost.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "InMemory" });
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
    [InlineData("Messaging:Concurrency", "0", "Concurrency")]
    [InlineData("Messaging:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Messaging:MaxDelay", "00:00:00.001", "MaxDelay")]
    [InlineData("Shutdown:Timeout", "00:10:00", "Timeout")]
    [InlineData("Database:Provider", "Postgres", "ConnectionStrings:Database")]
//#if (tracing)
    [InlineData("Telemetry:SamplingRatio", "-1", "SamplingRatio")]
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

        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
