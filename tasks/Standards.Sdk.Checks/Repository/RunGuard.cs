using System.Diagnostics;

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

    private RunGuard(FileStream? stream, bool waited)
    {
        this.stream = stream;
        Waited = waited;
    }

    /// <summary>True when the lock is held (false after a timeout: the run goes on unguarded).</summary>
    public bool Held => stream is not null;

    /// <summary>True when another build held the lock first.</summary>
    public bool Waited { get; }

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/>; <paramref name="onWait"/> is called once if it has to wait.</summary>
    public static RunGuard Acquire(string lockFile, TimeSpan timeout, Action? onWait = null)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockFile))!);
        var watch = Stopwatch.StartNew();
        var waited = false;
        while (true)
        {
            try
            {
                return new RunGuard(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), waited);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                if (!waited)
                {
                    onWait?.Invoke();
                    waited = true;
                }

                Thread.Sleep(50);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new RunGuard(null, waited);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="stampFile"/> exists, every expected output exists, and the stamp is not older than
    /// any input: a concurrent build finished the same work while this one waited.
    /// </summary>
    public static bool IsUpToDate(string stampFile, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(stampFile);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (!File.Exists(stampFile) || outputs.Any(o => !File.Exists(o)))
        {
            return false;
        }

        var stamp = File.GetLastWriteTimeUtc(stampFile);
        return inputs.Where(File.Exists).All(i => File.GetLastWriteTimeUtc(i) <= stamp);
    }

    /// <inheritdoc />
    public void Dispose() => stream?.Dispose();
}
