namespace CompanyProduct.Worker.Consumer;

/// <summary>Whether the consumer loops are running; read by the readiness check.</summary>
public sealed class ConsumerState
{
    private volatile bool _running;

    /// <summary>Gets a value indicating whether the consumer is taking messages.</summary>
    public bool IsRunning => _running;

    /// <summary>Marks the consumer as running.</summary>
    public void MarkRunning() => _running = true;

    /// <summary>Marks the consumer as stopped.</summary>
    public void MarkStopped() => _running = false;
}
