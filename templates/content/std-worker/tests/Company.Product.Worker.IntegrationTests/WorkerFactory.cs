using CompanyProduct.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
        // In memory unless a test asks for PostgreSQL; no drain window in tests.
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "InMemory",
            ["Shutdown:DrainDelay"] = "00:00:00",
        };
        foreach ((string key, string? value) in settings)
        {
            _settings[key] = value;
        }

        _handler = handler;
    }

    public InMemoryMessageTransport Transport => Services.GetRequiredService<InMemoryMessageTransport>();

    public InMemoryDeadLetterSink DeadLetters => Services.GetRequiredService<InMemoryDeadLetterSink>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // Settings, not ConfigureAppConfiguration: the worker reads some of them while it registers services.
        foreach ((string key, string? value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_handler is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_handler));
        }
    }
}
