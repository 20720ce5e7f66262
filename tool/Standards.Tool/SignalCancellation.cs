using System.Runtime.InteropServices;

namespace Standards.Tool;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation instead of the runtime's immediate exit, so the run can stop
/// its builds and delete its temporary folder before it exits with 130.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    public SignalCancellation()
    {
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        source.Cancel();
    }
}
