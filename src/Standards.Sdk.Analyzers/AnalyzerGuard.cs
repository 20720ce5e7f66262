using System;
using System.Threading;

namespace Standards.Sdk.Analyzers;

/// <summary>
/// An analyzer must never fail a build by throwing (AD0001). Every action catches through <see cref="Swallow"/>:
/// cancellation propagates, anything else is dropped (and handed to <see cref="Observer"/> so tests can see it).
/// </summary>
internal static class AnalyzerGuard
{
    private static Action<Exception>? observer;

    /// <summary>Test hook: receives every exception an analyzer swallowed.</summary>
    internal static Action<Exception>? Observer
    {
        get => Volatile.Read(ref observer);
        set => Volatile.Write(ref observer, value);
    }

    /// <summary>Exception filter: true to swallow <paramref name="exception"/>, false to let it propagate.</summary>
    internal static bool Swallow(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return false;
        }

        try
        {
            Observer?.Invoke(exception);
        }
#pragma warning disable CA1031 // The observer is a test hook; it must not turn a swallowed exception into a new one.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Ignored on purpose.
        }

        return true;
    }
}
