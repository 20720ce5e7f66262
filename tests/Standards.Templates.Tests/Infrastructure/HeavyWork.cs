namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// Restores, builds and test runs of generated repos take one core each and more; on the 2-core machines this
/// project runs on, at most two run at once (xunit.runner.json limits the threads to 2 as well).
/// </summary>
public static class HeavyWork
{
    private static readonly SemaphoreSlim Gate = new(2, 2);

    /// <summary>Runs <paramref name="work"/> when one of the two slots is free.</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Gate.Wait();
        try
        {
            return work();
        }
        finally
        {
            Gate.Release();
        }
    }
}
