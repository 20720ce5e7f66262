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
        RestoreIgnoredInterrupt();
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

    /// <summary>
    /// A process started as a background job of a non-interactive shell (<c>command &amp;</c> in a script) inherits
    /// SIGINT ignored, and .NET keeps an inherited ignore: such a run would never see Ctrl-C sent to its process group,
    /// nor would the builds it starts (an ignore survives exec), and would go on to write the repo. The tool asks for
    /// Ctrl-C explicitly, so an ignored SIGINT is put back to its default before the handler is registered (as Go's
    /// signal.Notify does); the builds then start with the default too. Runs before anything in the process touches
    /// the runtime's signal handling, which reads the disposition once.
    /// </summary>
    private static void RestoreIgnoredInterrupt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var previous = NativeMethods.Signal(NativeMethods.SigInt, NativeMethods.SigDfl);
            if (previous != NativeMethods.SigIgn)
            {
                // Not ignored: whatever was there (the default, or the runtime's own handler) stays.
                NativeMethods.Signal(NativeMethods.SigInt, previous);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask (not expected on Unix): the disposition stays as inherited.
        }
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        source.Cancel();
    }

    private static class NativeMethods
    {
        public const int SigInt = 2;
        public static readonly nint SigDfl = 0;
        public static readonly nint SigIgn = 1;

        [DllImport("libc", EntryPoint = "signal")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern nint Signal(int signal, nint handler);
    }
}
