using System.Diagnostics;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Repository;

/// <summary>
/// Keeps two builds of the same repo (two `dotnet build`s, an IDE and a terminal, or a build whose projects
/// were given different global properties) from running the repository checks at the same time, and lets the
/// second one skip the work when the first has just done it. The lock is an exclusive open of a file in the
/// state folder (an OS-level lock on every platform .NET runs on, released when the process ends).
/// </summary>
public sealed class RunGuard : IDisposable
{
    private readonly FileStream? stream;

    private RunGuard(FileStream? stream, bool waited, string? problem = null)
    {
        this.stream = stream;
        Waited = waited;
        Problem = problem;
    }

    /// <summary>True when the lock is held (false after a timeout: the run goes on unguarded).</summary>
    public bool Held => stream is not null;

    /// <summary>True when another build held the lock first.</summary>
    public bool Waited { get; }

    /// <summary>Why the lock could not be taken (the state folder cannot be written), or null.</summary>
    public string? Problem { get; }

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/>; <paramref name="onWait"/> is called once if it has to wait.</summary>
    public static RunGuard Acquire(string lockFile, TimeSpan timeout, Action? onWait = null)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockFile))!);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return new RunGuard(null, false, ReadFailure.Describe(lockFile, ex));
        }

        var watch = Stopwatch.StartNew();
        var waited = false;
        while (true)
        {
            try
            {
                return new RunGuard(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), waited);
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                if (watch.Elapsed >= timeout)
                {
                    // Another build holds it for too long: go on unguarded rather than fail (not a write problem).
                    return new RunGuard(null, waited);
                }

                if (!waited)
                {
                    onWait?.Invoke();
                    waited = true;
                }

                Thread.Sleep(50);
            }
            catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
            {
                return new RunGuard(null, waited, ReadFailure.Describe(lockFile, ex));
            }
        }
    }

    /// <summary>
    /// True when the lock file is held by another process, the one failure worth waiting for: on Windows a sharing
    /// or lock violation (32, 33); on Unix .NET's exclusive open fails with EWOULDBLOCK (11 on Linux, 35 on macOS).
    /// </summary>
    private static bool IsHeldByAnother(IOException exception)
    {
        var code = exception.HResult & 0xFFFF;
        return System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) ? code is 32 or 33 : code is 11 or 35;
    }

    /// <summary>The first line of a stamp: the digest of the inputs the successful run was made under.</summary>
    public static string StampLine(string fingerprintDigest) => "fingerprint=" + fingerprintDigest;

    /// <summary>
    /// True when a concurrent build finished the same work while this one waited: <paramref name="stampFile"/> records
    /// exactly <paramref name="fingerprintDigest"/> (same settings, same file list, same content) and every expected
    /// output exists. A stamp made under other settings or another state of the repo is never accepted, whatever
    /// its time.
    /// </summary>
    public static bool IsUpToDate(string stampFile, string fingerprintDigest, IEnumerable<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(stampFile);
        ArgumentNullException.ThrowIfNull(fingerprintDigest);
        ArgumentNullException.ThrowIfNull(outputs);
        try
        {
            if (!File.Exists(stampFile) || outputs.Any(o => !File.Exists(o)))
            {
                return false;
            }

            using var reader = new StreamReader(stampFile);
            return reader.ReadLine() == StampLine(fingerprintDigest);
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => stream?.Dispose();
}
