namespace Standards.Sdk.Testing;

/// <summary>
/// A build started without waiting (tests of concurrent builds): its console output as it comes, and at the end a
/// <see cref="BuildResult"/> read from its binary log like every other build of the tests.
/// </summary>
public sealed class RunningBuild : IDisposable
{
    private readonly RunningProcess process;
    private readonly string binaryLog;

    internal RunningBuild(RunningProcess process, string binaryLog)
    {
        this.process = process;
        this.binaryLog = binaryLog;
    }

    /// <summary>Everything printed so far.</summary>
    public string OutputSoFar => process.OutputSoFar;

    /// <summary>Waits for the end (bounded by <paramref name="timeout"/>, then killed) and reads the result.</summary>
    public BuildResult WaitForResult(TimeSpan timeout)
    {
        var result = process.WaitForExit(timeout);
        return BuildResult.FromBinaryLog(result.ExitCode, result.Output, binaryLog);
    }

    /// <inheritdoc />
    public void Dispose() => process.Dispose();
}
