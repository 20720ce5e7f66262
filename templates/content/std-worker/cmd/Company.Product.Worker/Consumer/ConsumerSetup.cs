using CompanyProduct.Diagnostics;
using CompanyProduct.Messaging;
using CompanyProduct.Work;
using CompanyProduct.Worker.Data;
using CompanyProduct.Worker.Hosting;

namespace CompanyProduct.Worker.Consumer;

/// <summary>Registers message consumption.</summary>
public static class ConsumerSetup
{
    /// <summary>
    /// Adds the transport, idempotency store, dead-letter sink and the sample handler's result store (PostgreSQL; in memory when
    /// <c>Database:Provider</c> is <c>InMemory</c>, for tests), the sample handler, the processor and the hosted
    /// consumer.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMessageConsumer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MessagingOptions>(configuration, MessagingOptions.SectionName)
            .Validate(o => o.MaxDelay >= o.BaseDelay, "Messaging:MaxDelay must not be less than Messaging:BaseDelay.");
        if (DatabaseSetup.UsesPostgres(configuration))
        {
            services.AddSingleton<PostgresMessageTransport>();
            services.AddSingleton<IMessageTransport>(static sp => sp.GetRequiredService<PostgresMessageTransport>());
            services.AddSingleton<IMessagePublisher>(static sp => sp.GetRequiredService<PostgresMessageTransport>());
            services.AddSingleton<IIdempotencyStore, PostgresIdempotencyStore>();
            services.AddSingleton<IDeadLetterSink, PostgresDeadLetterSink>();
            services.AddSingleton<IWorkResultStore, PostgresWorkResultStore>();
        }
        else
        {
            services.AddSingleton<InMemoryMessageTransport>();
            services.AddSingleton<IMessageTransport>(static sp => sp.GetRequiredService<InMemoryMessageTransport>());
            services.AddSingleton<IMessagePublisher>(static sp => sp.GetRequiredService<InMemoryMessageTransport>());
            services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
            services.AddSingleton<InMemoryDeadLetterSink>();
            services.AddSingleton<IDeadLetterSink>(static sp => sp.GetRequiredService<InMemoryDeadLetterSink>());
            services.AddSingleton<InMemoryWorkResultStore>();
            services.AddSingleton<IWorkResultStore>(static sp => sp.GetRequiredService<InMemoryWorkResultStore>());
        }

        services.AddSingleton<IMessageHandler, WorkRequestHandler>();
        services.AddSingleton<MessagingMetrics>();
        services.AddSingleton<MessageProcessor>();
        services.AddSingleton<ConsumerState>();
        services.AddHostedService<MessageConsumerService>();
        return services;
    }
}
