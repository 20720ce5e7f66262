using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Work;
using CompanyProduct.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CompanyProduct.Worker.Consumer;

/// <summary>Registers message consumption.</summary>
public static class ConsumerSetup
{
    /// <summary>
    /// Adds the in-memory transport, idempotency store and dead-letter sink (replace them with adapters for your
    /// infrastructure), the sample handler, the processor and the hosted consumer.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMessageConsumer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MessagingOptions>(configuration, MessagingOptions.SectionName)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Messaging:MaxDelay must not be less than Messaging:BaseDelay.");
        services.AddSingleton<InMemoryMessageTransport>();
        services.AddSingleton<IMessageTransport>(static sp => sp.GetRequiredService<InMemoryMessageTransport>());
        services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.AddSingleton<InMemoryDeadLetterSink>();
        services.AddSingleton<IDeadLetterSink>(static sp => sp.GetRequiredService<InMemoryDeadLetterSink>());
        services.AddSingleton<IMessageHandler, WorkRequestHandler>();
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton<ConsumerState>();
        services.AddHostedService<MessageConsumerService>();
        return services;
    }
}
