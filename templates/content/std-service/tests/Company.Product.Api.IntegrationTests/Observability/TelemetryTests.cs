using System.Diagnostics;
using CompanyProduct.Api.Observability;
using CompanyProduct.Diagnostics;

namespace CompanyProduct.Api.IntegrationTests.Observability;

public sealed class TelemetryTests
{
    [Fact]
    public void Defaults_sample_one_percent_and_cover_the_service_sources()
    {
        Assert.Equal(0.01, new TelemetryOptions().SamplingRatio);
        Assert.Contains(ProductTelemetry.Name, TelemetrySetup.ActivitySources);
        Assert.Contains(ProductTelemetry.Name, TelemetrySetup.Meters);
    }

    [Fact]
    public async Task Records_spans_of_the_service_when_the_host_runs()
    {
        await using var factory = new ApiFactory();
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        using Activity? activity = ProductTelemetry.ActivitySource.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }
}
