using CompanyProduct.Downstream;
using Microsoft.Extensions.DependencyInjection;

namespace CompanyProduct.Api.IntegrationTests;

public sealed class DownstreamRegistrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void The_typed_client_is_resolvable_with_the_configured_base_address()
    {
        using IServiceScope scope = factory.Services.CreateScope();

        DownstreamClient client = scope.ServiceProvider.GetRequiredService<DownstreamClient>();
        IHttpClientFactory clients = scope.ServiceProvider.GetRequiredService<IHttpClientFactory>();
        using HttpClient http = clients.CreateClient(DownstreamClient.ClientName);

        Assert.NotNull(client);
        Assert.Equal(new Uri("http://localhost:8081/"), http.BaseAddress);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }
}
