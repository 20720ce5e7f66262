using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CompanyProduct.HostKind.Hosting;

/// <summary>Whether the host has begun to shut down; read by the readiness check.</summary>
public sealed class ShutdownState
{
    private volatile bool _draining;

    /// <summary>Gets a value indicating whether shutdown has begun (readiness fails from then on).</summary>
    public bool IsDraining => _draining;

    /// <summary>Marks the start of shutdown.</summary>
    public void BeginDrain() => _draining = true;
}

/// <summary>
/// The drain window: when the host begins to stop it flips readiness, then waits <see cref="ShutdownOptions.DrainDelay"/>
/// before any hosted service (the web server included) stops, so load balancers stop sending traffic while the
/// server still accepts it. <see cref="IHostedLifecycleService.StoppingAsync"/> runs before every
/// <see cref="IHostedService.StopAsync"/> (https://learn.microsoft.com/dotnet/core/extensions/generic-host#ihostedlifecycleservice).
/// </summary>
internal sealed partial class ShutdownDrain(
    ShutdownState state,
    IOptions<ShutdownOptions> options,
    TimeProvider timeProvider,
    ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.BeginDrain();
        TimeSpan delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout elapsed during the drain: stop now.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Shutting down: readiness fails now, serving continues for {DrainSeconds} s")]
    private static partial void LogDraining(ILogger logger, double drainSeconds);
}

/// <summary>Registers graceful shutdown: the shutdown budget and the drain window.</summary>
public static class ShutdownSetup
{
    /// <summary>
    /// Binds <see cref="ShutdownOptions"/> (validated at start: the drain delay must leave time to finish in-flight
    /// work), sets the host's shutdown timeout from it and adds the drain window.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddValidatedOptions<ShutdownOptions>(configuration, ShutdownOptions.SectionName)
            .Validate(o => o.DrainDelay < o.Timeout, "Shutdown:DrainDelay must be shorter than Shutdown:Timeout.");
        services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddSingleton<ShutdownState>();
        services.AddHostedService<ShutdownDrain>();
        return services;
    }
}
