using CompanyProduct.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CompanyProduct.Worker.IntegrationTests;

/// <summary>Hosts the worker in-process; tests publish to its in-memory transport.</summary>
public sealed class WorkerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly IMessageHandler? _handler;

    public WorkerFactory()
        : this([], null)
    {
    }

    internal WorkerFactory(Dictionary<string, string?> settings, IMessageHandler? handler)
    {
        _settings = settings;
        _handler = handler;
    }

    public InMemoryMessageTransport Transport => Services.GetRequiredService<InMemoryMessageTransport>();

    public InMemoryDeadLetterSink DeadLetters => Services.GetRequiredService<InMemoryDeadLetterSink>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_handler is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_handler));
        }
    }
}
