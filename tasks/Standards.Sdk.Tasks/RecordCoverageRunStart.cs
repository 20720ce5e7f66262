using Standards.Sdk.Checks.Coverage;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before a test project's run: records which coverage reports its results directory already holds
/// (<see cref="CoverageRunStart"/>), so <see cref="CheckTestCoverage"/> reads only the report this run writes.
/// </summary>
public sealed class RecordCoverageRunStart : StandardsTask
{
    /// <summary>The folder the test run writes its results to.</summary>
    [Microsoft.Build.Framework.Required]
    public string ResultsDirectory { get; set; } = string.Empty;

    /// <summary>The record to write; its time is the run's start.</summary>
    [Microsoft.Build.Framework.Required]
    public string RunStartedFile { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var reports = Directory.Exists(ResultsDirectory)
            ? Directory.EnumerateFiles(ResultsDirectory, "*.cobertura.xml", SearchOption.AllDirectories)
            : [];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(RunStartedFile))!);
        // Always written, even when unchanged: the file's time is when the run started.
        File.WriteAllText(RunStartedFile, CoverageRunStart.Of(reports).Write());
        return true;
    }
}
